package app.nozzly.ordersync.sync.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.nozzly.platform.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;

/**
 * One sync per shop across replicas: a Postgres advisory lock keyed by the shop's etsy_shop row (unique per shop,
 * where a hash of the tenant could be shared), held on a connection of its own for the whole run, so Postgres
 * releases it when the process running the sync dies.
 */
@ApplicationScoped
public class ShopSyncLocks {

    /** A shop's sync lock; closing it releases the lock and its connection. */
    public static final class Held implements AutoCloseable {

        private final Connection connection;
        private final long shopRow;

        private Held(Connection connection, long shopRow) {
            this.connection = connection;
            this.shopRow = shopRow;
        }

        @Override
        public void close() {
            try (connection) {
                advisory(connection, "pg_advisory_unlock", shopRow);
            } catch (SQLException e) {
                throw new IllegalStateException("could not release the sync lock of etsy_shop " + shopRow, e);
            }
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TenantContext tenants;

    /** The lock of the shop with this etsy_shop row, or empty while another replica or request holds it. */
    public Optional<Held> tryLock(long shopRow) {
        try {
            Connection connection = dataSource.getConnection();
            try {
                if (advisory(connection, "pg_try_advisory_lock", shopRow)) {
                    return Optional.of(new Held(connection, shopRow));
                }
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the sync lock of etsy_shop " + shopRow, e);
        }
    }

    /** Tenants (shop ids) with an Etsy connection, across tenants for the schedule. */
    public List<String> connectedShops() {
        return tenants.callAsSystem(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement select = c.prepareStatement("select tenant_id from etsy_shop order by tenant_id");
                    ResultSet rs = select.executeQuery()) {
                List<String> shops = new ArrayList<>();
                while (rs.next()) {
                    shops.add(rs.getString(1));
                }
                return shops;
            } catch (SQLException e) {
                throw new IllegalStateException("could not list connected shops", e);
            }
        });
    }

    private static boolean advisory(Connection connection, String function, long shopRow) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select " + function + "(hashtext('ordersync.sync'), cast(? as integer))")) {
            statement.setLong(1, shopRow);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
