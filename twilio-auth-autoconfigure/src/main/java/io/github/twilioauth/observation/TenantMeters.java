package io.github.twilioauth.observation;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;

/**
 * Removes the meters of a tenant that is gone: every meter tagged {@link TenantTag#KEY} with its
 * name, in every registry, so that tenants added and removed at run time leave no time series
 * behind. Only for tenants whose tag is their own name: the meters of tenants that share a tag
 * (the repository's) are everyone's.
 */
public final class TenantMeters {

    private final Supplier<? extends Collection<MeterRegistry>> registries;

    /**
     * Creates the remover.
     * @param registries the registries meters are recorded in, read at each removal
     */
    public TenantMeters(Supplier<? extends Collection<MeterRegistry>> registries) {
        this.registries = Objects.requireNonNull(registries, "registries must not be null");
    }

    /**
     * Removes the meters of a tenant.
     * @param tenant the tenant's name, the value of its {@link TenantTag#KEY} tag
     * @return how many meters were removed, over all registries
     */
    public int remove(String tenant) {
        int removed = 0;
        for (MeterRegistry registry : this.registries.get()) {
            for (Meter meter : Search.in(registry).tag(TenantTag.KEY, tenant).meters()) {
                if (registry.remove(meter) != null) {
                    removed++;
                }
            }
        }
        return removed;
    }
}
