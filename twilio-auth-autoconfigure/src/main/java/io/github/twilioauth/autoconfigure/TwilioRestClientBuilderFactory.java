package io.github.twilioauth.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.web.client.RestClient;

/**
 * Creates the {@code RestClient.Builder} of Twilio calls, configured as Boot configures its own
 * ({@code spring.http.clients.*} timeouts and SSL, {@code RestClientCustomizer}s such as
 * observations), except that it never follows redirects: the HTTP client would resend the
 * {@code Authorization} header to the redirect's host, and it tags {@code http.client.requests}
 * with {@link TwilioClientRequestObservationConvention} so that no SID reaches a metric. A fresh
 * builder, never the application's builder bean, so other clients never receive the Twilio
 * interceptors.
 */
final class TwilioRestClientBuilderFactory {

    private TwilioRestClientBuilderFactory() {
    }

    static RestClient.Builder create(ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
            ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<RestClientCustomizer> customizers) {
        HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
            .withRedirects(HttpRedirects.DONT_FOLLOW);
        RestClient.Builder builder = RestClient.builder()
            .requestFactory(requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect).build(settings));
        customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
        builder.observationConvention(new TwilioClientRequestObservationConvention());
        return builder;
    }
}
