package app.nozzly.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import app.nozzly.production.runs.service.RunNumbers;
import app.nozzly.testing.PlatformInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** V22: run, lot and order counters move into one numbering with their values, so no number is handed out twice. */
@QuarkusTest
@QuarkusTestResource(PlatformInfraResource.class)
class NumberingMigrationTest {

    private static final String SCHEMA = "numbering_migration_test";

    @Inject
    DataSource dataSource;

    @Test
    void everyCounterCarriesItsValueIntoTheOneNumbering() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        flyway("21").migrate();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("insert into " + SCHEMA + ".production_run_counter (tenant_id, day, last_value)"
                    + " values ('acme', date '2024-05-01', 7), ('other', date '2024-05-01', 2)");
            sql.execute("insert into " + SCHEMA + ".process_sequence (tenant_id, name, value)"
                    + " values ('acme', 'lot-20240501', 3), ('acme', 'po-2024', 12)");
        }

        flyway("22").migrate();

        Map<String, Long> values = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select tenant_id, name, value from " + SCHEMA
                        + ".production_sequence")) {
            while (rows.next()) {
                values.put(rows.getString(1) + "/" + rows.getString(2), rows.getLong(3));
            }
        }
        String day = RunNumbers.sequence(LocalDate.of(2024, 5, 1));
        assertThat(values).containsOnly(Map.entry("acme/" + day, 7L), Map.entry("other/" + day, 2L),
                Map.entry("acme/lot-20240501", 3L), Map.entry("acme/po-2024", 12L));
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(dataSource).schemas(SCHEMA)
                .locations("classpath:db/platform", "classpath:db/migration").target(target).load();
    }
}
