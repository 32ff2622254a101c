-- Demo tenants of the local stand-in, one of each kind of credentials. username is the Account
-- SID or API Key SID of basic credentials, the client id of OAuth ones.
INSERT INTO twilio_tenant VALUES
    ('acme',    'AC00000000000000000000000000000a01', 'basic',              'AC00000000000000000000000000000a01', 'acme-demo-auth-token',      NULL, NULL, 'acme-demo-auth-token'),
    ('globex',  'AC00000000000000000000000000000b02', 'client-credentials', 'OQ00000000000000000000000000000b02', 'globex-demo-client-secret', NULL, NULL, 'globex-demo-auth-token'),
    ('hooli',   'AC00000000000000000000000000000d04', 'basic',              'SK00000000000000000000000000000d04', 'hooli-demo-api-secret',     NULL, NULL, NULL),
    ('initech', 'AC00000000000000000000000000000c03', 'orgs',               'OQ00000000000000000000000000000c03', 'initech-demo-client-secret', NULL, NULL, NULL);
