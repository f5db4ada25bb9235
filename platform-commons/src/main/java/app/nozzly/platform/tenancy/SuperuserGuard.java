package app.nozzly.platform.tenancy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * A service connected as a database superuser would see every tenant's rows whatever its sessions are set to:
 * Postgres lets superusers bypass row-level security. It refuses to start that way, naming the role to use.
 */
@ApplicationScoped
public class SuperuserGuard {

    @Inject
    AgroalDataSource dataSource;

    void refuseSuperuser(@Observes StartupEvent started) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet role = statement.executeQuery(
                        "select current_user, rolsuper from pg_roles where rolname = current_user")) {
            if (role.next() && role.getBoolean(2)) {
                throw new IllegalStateException("the service connects to Postgres as superuser " + role.getString(1)
                        + ", which bypasses the row-level security keeping tenants apart: connect as a role of its"
                        + " own (platform.db.user, no SUPERUSER, no BYPASSRLS)");
            }
        }
    }
}
