package app.nozzly.facilitysim.world.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.nozzly.facilitysim.config.FacilityConfig;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * What each WATER/POWER provider delivered in the current capacity window (facility.capacity-window).
 * A use is added in one conditional statement that never takes the window beyond the provider's capacity.
 */
@ApplicationScoped
public class ProviderUsageRepository {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    FacilityConfig config;

    public OffsetDateTime currentWindow() {
        long seconds = Math.max(1, config.capacityWindow().toSeconds());
        long now = Instant.now().getEpochSecond();
        return Instant.ofEpochSecond(now - Math.floorMod(now, seconds)).atOffset(ZoneOffset.UTC);
    }

    public BigDecimal used(UUID providerId, OffsetDateTime window) {
        List<?> rows = em.createNativeQuery("select used from provider_usage where tenant_id = :tenant"
                + " and provider_id = :provider and window_start = :window", BigDecimal.class)
                .setParameter("tenant", tenants.require())
                .setParameter("provider", providerId)
                .setParameter("window", window)
                .getResultList();
        return rows.isEmpty() ? BigDecimal.ZERO : (BigDecimal) rows.get(0);
    }

    /** Adds a use to the window unless it would pass {@code capacity}; false when it would (nothing changes). */
    public boolean addWithin(UUID providerId, OffsetDateTime window, BigDecimal amount, BigDecimal capacity) {
        if (amount.compareTo(capacity) > 0) {
            return false;
        }
        return em.createNativeQuery("insert into provider_usage (tenant_id, provider_id, window_start, used)"
                + " values (:tenant, :provider, :window, :amount) on conflict (provider_id, window_start)"
                + " do update set used = provider_usage.used + excluded.used"
                + " where provider_usage.used + excluded.used <= :capacity")
                .setParameter("tenant", tenants.require())
                .setParameter("provider", providerId)
                .setParameter("window", window)
                .setParameter("amount", amount)
                .setParameter("capacity", capacity)
                .executeUpdate() == 1;
    }
}
