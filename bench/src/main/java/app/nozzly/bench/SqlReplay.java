package app.nozzly.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A baseline: replays captured service SQL ({@link SqlCapture}) over plain JDBC from this process, one
 * connection per captured server process and client, with the same statements, parameters and transaction
 * boundaries. Per operation every id the operation created is replaced by a fresh one (consistently, also
 * inside keys and JSON), and the fixtures (tenant, spools, teams...) by the client's own.
 */
final class SqlReplay {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final String jdbcUrl;
    private final List<SqlCapture.Step> steps;
    private final Map<Long, String> schemas;
    private final AtomicLong operations = new AtomicLong();

    SqlReplay(String jdbcUrl, List<SqlCapture.Step> steps, Map<Long, String> schemas) {
        this.jdbcUrl = jdbcUrl;
        this.steps = steps;
        this.schemas = schemas;
    }

    /** Every id the captured statements name, kept as it is: for read-only operations on existing rows. */
    Map<String, String> capturedIds() {
        Map<String, String> ids = new HashMap<>();
        for (SqlCapture.Step step : steps) {
            for (String value : step.params()) {
                Matcher m = UUID_TEXT.matcher(value == null ? "" : value);
                while (m.find()) {
                    ids.put(m.group(), m.group());
                }
            }
        }
        return ids;
    }

    int statements() {
        return (int) steps.stream().filter(s -> !s.begin() && !s.end()).count();
    }

    /**
     * Closed loop of {@code clients} threads replaying the operation; {@code fixtures} maps a client to its
     * replacements of captured values (exact strings or ids), {@code rewrite} adjusts values per operation
     * (unique numbers and the like).
     */
    Measurement closed(int clients, long maxOperations, Duration maxTime, FixtureMap fixtures,
            UnaryOperator<String> rewrite) throws Exception {
        List<Client> pool = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            pool.add(new Client(fixtures.forClient(c), rewrite));
        }
        try {
            return Load.closed(clients, maxOperations, maxTime, (client, sequence) -> pool.get(client).replay());
        } finally {
            for (Client client : pool) {
                client.close();
            }
        }
    }

    /** Open loop at a fixed rate with {@code clients} connections sets (for "latency at 50% of peak"). */
    Measurement open(int clients, double perSecond, Duration duration, FixtureMap fixtures,
            UnaryOperator<String> rewrite) throws Exception {
        List<Client> pool = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            pool.add(new Client(fixtures.forClient(c), rewrite));
        }
        try {
            return Load.open(clients, perSecond, duration, (client, sequence) -> pool.get(client).replay());
        } finally {
            for (Client client : pool) {
                client.close();
            }
        }
    }

    /** Per client: which captured values become which of the client's fixtures. */
    @FunctionalInterface
    interface FixtureMap {
        Map<String, String> forClient(int client);
    }

    /** One client's connections (one per captured server process) and its prepared statements. */
    private final class Client implements AutoCloseable {

        private final Map<Long, Connection> connections = new HashMap<>();
        private final Map<Connection, Map<String, PreparedStatement>> prepared = new HashMap<>();
        private final Map<String, String> fixtures;
        private final UnaryOperator<String> rewrite;

        Client(Map<String, String> fixtures, UnaryOperator<String> rewrite) throws SQLException {
            this.fixtures = fixtures;
            this.rewrite = rewrite;
            for (Map.Entry<Long, String> schema : schemas.entrySet()) {
                Connection connection = DriverManager.getConnection(jdbcUrl + "&stringtype=unspecified&currentSchema="
                        + schema.getValue());
                connections.put(schema.getKey(), connection);
                prepared.put(connection, new HashMap<>());
            }
        }

        boolean replay() throws SQLException {
            Map<String, String> ids = new HashMap<>(fixtures);
            operations.incrementAndGet();
            try {
                for (SqlCapture.Step step : steps) {
                    Connection connection = connections.get(step.pid());
                    if (step.begin()) {
                        connection.setAutoCommit(false);
                    } else if (step.end()) {
                        if ("COMMIT".equalsIgnoreCase(step.sql())) {
                            connection.commit();
                        } else {
                            connection.rollback();
                        }
                        connection.setAutoCommit(true);
                    } else {
                        PreparedStatement statement = prepared.get(connection).computeIfAbsent(step.jdbcSql(), sql -> {
                            try {
                                return connection.prepareStatement(sql);
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        List<String> params = step.jdbcParams();
                        for (int i = 0; i < params.size(); i++) {
                            String value = params.get(i);
                            if (value == null) {
                                statement.setNull(i + 1, Types.OTHER);
                            } else {
                                statement.setString(i + 1, rewrite.apply(substitute(value, ids)));
                            }
                        }
                        statement.execute();
                    }
                }
                return true;
            } catch (SQLException | RuntimeException e) {
                for (Connection connection : connections.values()) {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                        connection.setAutoCommit(true);
                    }
                }
                throw e;
            }
        }

        private String substitute(String value, Map<String, String> ids) {
            String exact = fixtures.get(value);
            if (exact != null) {
                return exact;
            }
            Matcher m = UUID_TEXT.matcher(value);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, ids.computeIfAbsent(m.group(), id -> UUID.randomUUID().toString()));
            }
            m.appendTail(out);
            return out.toString();
        }

        @Override
        public void close() throws SQLException {
            for (Connection connection : connections.values()) {
                connection.close();
            }
        }
    }
}
