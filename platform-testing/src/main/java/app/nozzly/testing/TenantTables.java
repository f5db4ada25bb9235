package app.nozzly.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The tables of a service's schema that hold tenant rows (a {@code tenant_id} column) without Postgres keeping them
 * apart: row-level security not enabled and forced, or no policy. A service isolated by the database (platform-commons
 * {@code platform_isolate_by_tenant}) has none. The platform's outbox and inbox tables are not counted: the outbox
 * relay reads every tenant's events by design, and their rows are written only by platform-commons.
 */
public final class TenantTables {

    private TenantTables() {
    }

    public static List<String> notIsolated(DataSource dataSource) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select c.relname from pg_class c"
                        + " join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped"
                        + " where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'"
                        + " and c.relname not in ('outbox_event', 'processed_event')"
                        + " and not (c.relrowsecurity and c.relforcerowsecurity"
                        + " and exists (select 1 from pg_policy p where p.polrelid = c.oid))"
                        + " order by c.relname")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
