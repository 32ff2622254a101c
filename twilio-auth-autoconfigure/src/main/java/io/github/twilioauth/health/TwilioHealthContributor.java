package io.github.twilioauth.health;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.github.twilioauth.client.TwilioClient;
import io.github.twilioauth.client.TwilioClients;
import io.github.twilioauth.credential.CredentialProvider;
import io.github.twilioauth.observation.TenantTag;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;

/**
 * The {@code twilio} health of an application with tenants: one {@link TwilioHealthIndicator}
 * per fixed client (the single client as {@code default}) and one per tenant registered with a
 * {@link TwilioClients} (those of {@code twilio.tenants} among them), by name, then, when it
 * serves a {@code TwilioTenantRepository}, one {@link RepositoryTenantsHealthIndicator} named
 * {@value TenantTag#REPOSITORY_TENANTS} for all of the repository's tenants. Tenants are read at
 * each check, so a tenant registered or removed at run time appears or disappears with it.
 */
public final class TwilioHealthContributor implements CompositeHealthContributor {

    private final Map<String, ? extends HealthContributor> fixed;

    private final TwilioClients tenants;

    private final boolean fetchToken;

    /**
     * Creates the contributor.
     * @param fixed the contributors of clients other than the tenants, by name, such as the
     * single client as {@code default}
     * @param tenants the tenants
     * @param fetchToken whether a check requests a token when none is usable
     */
    public TwilioHealthContributor(Map<String, ? extends HealthContributor> fixed, TwilioClients tenants,
            boolean fetchToken) {
        this.fixed = Map.copyOf(Objects.requireNonNull(fixed, "fixed must not be null"));
        this.tenants = Objects.requireNonNull(tenants, "tenants must not be null");
        this.fetchToken = fetchToken;
    }

    @Override
    public @Nullable HealthContributor getContributor(String name) {
        HealthContributor contributor = this.fixed.get(name);
        if (contributor == null && TenantTag.REPOSITORY_TENANTS.equals(name) && this.tenants.hasRepository()) {
            return new RepositoryTenantsHealthIndicator(this.tenants);
        }
        if (contributor != null || !this.tenants.tenants().contains(name)) {
            return contributor;
        }
        try {
            return tenantIndicator(this.tenants.get(name));
        }
        catch (IllegalArgumentException ex) {
            // Removed since the check above.
            return null;
        }
    }

    @Override
    public Stream<Entry> stream() {
        Stream<Entry> fixed = this.fixed.entrySet()
            .stream()
            .sorted(Map.Entry.comparingByKey())
            .map((entry) -> new Entry(entry.getKey(), entry.getValue()));
        Stream<Entry> tenants = this.tenants.tenants().stream().flatMap((name) -> {
            HealthContributor contributor = getContributor(name);
            return (contributor != null) ? Stream.of(new Entry(name, contributor)) : Stream.empty();
        });
        Stream<Entry> repository = this.tenants.hasRepository() ? Stream.of(new Entry(TenantTag.REPOSITORY_TENANTS,
                new RepositoryTenantsHealthIndicator(this.tenants))) : Stream.empty();
        return Stream.concat(Stream.concat(fixed, tenants), repository);
    }

    private @Nullable HealthContributor tenantIndicator(TwilioClient client) {
        CredentialProvider credentials = client.getCredentialProvider();
        return (credentials != null) ? new TwilioHealthIndicator(credentials, this.fetchToken) : null;
    }
}
