package io.github.twilioauth.samples.customtokenmanager;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.twilioauth.token.TokenManager;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * A token manager of the application's own: posts the client credentials to a token endpoint
 * and keeps the token until a minute before its {@code expires_in}. Where your tokens come
 * from somewhere else (a secrets broker, a sidecar), this is the class to write.
 * <p>
 * Thread-safe: fetching is serialized per instance, so concurrent callers share one request.
 */
class SimpleTokenManager implements TokenManager {

    private final RestClient restClient;

    private final String tokenUrl;

    private final MultiValueMap<String, String> form = new LinkedMultiValueMap<>();

    private final AtomicInteger fetches = new AtomicInteger();

    private String token;

    private Instant renewAt = Instant.MIN;

    SimpleTokenManager(RestClient restClient, String tokenUrl, String clientId, String clientSecret) {
        this.restClient = restClient;
        this.tokenUrl = tokenUrl;
        this.form.add("grant_type", "client_credentials");
        this.form.add("client_id", clientId);
        this.form.add("client_secret", clientSecret);
    }

    @Override
    public synchronized String getToken() {
        return (this.token != null && Instant.now().isBefore(this.renewAt)) ? this.token : refreshToken();
    }

    @Override
    public synchronized String refreshToken() {
        Map<?, ?> response = this.restClient.post()
            .uri(this.tokenUrl)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(this.form)
            .retrieve()
            .body(Map.class);
        this.fetches.incrementAndGet();
        this.token = (String) response.get("access_token");
        long expiresIn = ((Number) response.get("expires_in")).longValue();
        this.renewAt = Instant.now().plus(Duration.ofSeconds(expiresIn).minusMinutes(1));
        return this.token;
    }

    @Override
    public synchronized void clearToken() {
        this.token = null;
    }

    /** How many tokens this manager fetched. */
    int fetches() {
        return this.fetches.get();
    }

    @Override
    public String toString() {
        return "SimpleTokenManager[tokenUrl=" + this.tokenUrl + "]";
    }
}
