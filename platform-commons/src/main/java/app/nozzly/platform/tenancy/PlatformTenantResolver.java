package app.nozzly.platform.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;

/**
 * Feeds Hibernate's {@code @TenantId} discriminator: every tenant row is written with, and every query
 * filtered by, the tenant in scope. Without one, the marker {@link #NO_TENANT} matches no row.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class PlatformTenantResolver implements TenantResolver {

    public static final String NO_TENANT = "-";

    @Inject
    TenantContext tenants;

    @Override
    public String getDefaultTenantId() {
        return NO_TENANT;
    }

    @Override
    public String resolveTenantId() {
        return tenants.current().orElse(NO_TENANT);
    }
}
