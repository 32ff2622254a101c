package io.github.twilioauth.test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issues HS256-signed JWT access tokens with a key of its own, and verifies that a token is one
 * it issued. Thread-safe.
 */
final class TokenIssuer {

    private static final String ALGORITHM = "HmacSHA256";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private static final String HEADER = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final SecretKeySpec key;

    /**
     * The last token found valid, with its claims: the calls that carry it again, as a client
     * with a cached token does on every call, are answered without the signature and JSON work
     * (about 3.5 KB and a {@code Mac} per call), which would otherwise weigh on benchmarks of
     * the clients. Replaced as a whole.
     */
    private volatile @Nullable Verified lastVerified;

    TokenIssuer() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    String issue(String issuer, String subject, Instant issuedAt, Duration lifetime) {
        long iat = issuedAt.getEpochSecond();
        ObjectNode claims = JsonNodeFactory.instance.objectNode();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("iat", iat);
        claims.put("exp", iat + lifetime.toSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        String signingInput = HEADER + "." + encode(JsonMapper.shared().writeValueAsBytes(claims));
        return signingInput + "." + encode(sign(signingInput));
    }

    /**
     * Returns the claims of a token signed with this issuer's key, whether expired or not.
     */
    Optional<Claims> verify(String token) {
        Verified last = this.lastVerified;
        if (last != null && last.token().equals(token)) {
            return Optional.of(last.claims());
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] signature = DECODER.decode(parts[2]);
            if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
                return Optional.empty();
            }
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
        // Signed with our key, so the payload is one we wrote.
        JsonNode payload = JsonMapper.shared().readTree(DECODER.decode(parts[1]));
        Claims claims = new Claims(payload.get("sub").asString(), Instant.ofEpochSecond(payload.get("exp").asLong()));
        this.lastVerified = new Verified(token, claims);
        return Optional.of(claims);
    }

    private byte[] sign(String signingInput) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(this.key);
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Every Java platform supports " + ALGORITHM, ex);
        }
    }

    private static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * The claims of a verified token that the mock server checks.
     */
    record Claims(String subject, Instant expiresAt) {
    }

    private record Verified(String token, Claims claims) {
    }
}
