package io.github.twilioauth.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain {@link HttpClient} speaking to a {@link MockTwilioServer} the way a Twilio client does.
 */
final class TwilioHttp {

    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    /**
     * Encodes alternating names and values as a form body.
     */
    static String form(String... namesAndValues) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.add(encode(namesAndValues[i]) + "=" + encode(namesAndValues[i + 1]));
        }
        return String.join("&", pairs);
    }

    HttpResponse<String> postForm(String url, String authorization, String... namesAndValues) {
        return send(postFormRequest(url, authorization, namesAndValues));
    }

    CompletableFuture<HttpResponse<String>> postFormAsync(String url, String authorization,
            String... namesAndValues) {
        return this.client.sendAsync(postFormRequest(url, authorization, namesAndValues),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String url, String authorization) {
        return send(request(url, authorization).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return this.client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    HttpResponse<String> requestToken(MockTwilioServer server, String clientId, String clientSecret) {
        return postForm(server.tokenUrl(), null, "grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientSecret);
    }

    String accessToken(MockTwilioServer server, String clientId, String clientSecret) {
        HttpResponse<String> response = requestToken(server, clientId, clientSecret);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token request answered " + response.statusCode());
        }
        return json(response).get("access_token").asString();
    }

    static HttpRequest.Builder request(String url, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static HttpRequest postFormRequest(String url, String authorization, String... namesAndValues) {
        return request(url, authorization).header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form(namesAndValues)))
            .build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
