package app.nozzly.platform.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalPoolInterceptor;

/**
 * Every database connection a unit of work takes from the pool is set to that unit's tenant
 * ({@code nozzly.tenant}), which the row-level security of the tenant tables enforces (db/platform
 * V0_3__platform_tenant_isolation.sql): the tenant of the request's token, the tenant a consumer or job works
 * for, {@code *} for the service's own cross-tenant work, or nothing, which sees no tenant row.
 */
@ApplicationScoped
public class TenantSessions implements AgroalPoolInterceptor {

    static final String SETTING = "nozzly.tenant";

    @Inject
    TenantContext tenants;

    @Override
    public void onConnectionAcquire(Connection connection) {
        try (PreparedStatement set = connection.prepareStatement("select set_config('" + SETTING + "', ?, false)")) {
            set.setString(1, tenants.sessionTenant());
            set.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("the connection's tenant could not be set: " + e.getMessage(), e);
        }
    }
}
