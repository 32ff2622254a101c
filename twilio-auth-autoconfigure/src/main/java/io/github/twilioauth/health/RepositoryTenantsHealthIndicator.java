package io.github.twilioauth.health;

import java.util.List;
import java.util.Objects;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.credential.CredentialProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports the tenants of a {@code TwilioTenantRepository} that a {@link TwilioClients} holds in
 * its cache as one entry, however many they are: detail {@code cached}, how many are cached, and
 * {@code failing}, how many of them hold no usable token after their last token request failed.
 * No tenant is named, and no token is requested.
 * <p>
 * Always {@code UP}: one customer's revoked credentials are that customer's trouble, not the
 * application's, and must not take it out of service; {@code failing} is there to be watched.
 */
public final class RepositoryTenantsHealthIndicator implements HealthIndicator {

    private final TwilioClients clients;

    /**
     * Creates the indicator.
     * @param clients the set whose repository tenants to report
     */
    public RepositoryTenantsHealthIndicator(TwilioClients clients) {
        this.clients = Objects.requireNonNull(clients, "clients must not be null");
    }

    @Override
    public Health health() {
        List<TwilioClient> cached = this.clients.repositoryClients();
        long failing = cached.stream().filter(RepositoryTenantsHealthIndicator::isFailing).count();
        return Health.up().withDetail("cached", cached.size()).withDetail("failing", failing).build();
    }

    private static boolean isFailing(TwilioClient client) {
        CredentialProvider credentials = client.getCredentialProvider();
        return credentials != null && TwilioHealthIndicator.isFailing(credentials);
    }
}
