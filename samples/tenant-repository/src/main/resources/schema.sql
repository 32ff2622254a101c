-- One row per tenant. The secrets are in plain text to keep the sample short: an application
-- keeps them encrypted at rest (a KMS, Vault, or the database's own encryption).
CREATE TABLE twilio_tenant (
    name               VARCHAR(64)  PRIMARY KEY,
    account_sid        CHAR(34)     NOT NULL UNIQUE,
    auth_type          VARCHAR(32)  NOT NULL,
    username           VARCHAR(64)  NOT NULL,
    secret             VARCHAR(128) NOT NULL,
    region             VARCHAR(16),
    edge               VARCHAR(32),
    webhook_auth_token VARCHAR(64)
);
