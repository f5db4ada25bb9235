package app.nozzly.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import app.nozzly.infra.KafkaBrokerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The real servers of a test JVM, started once and shared by every test class in it: a PostgreSQL
 * server (zonky's packaged binaries) and an Apache Kafka broker in a child JVM. Stopped when the JVM exits.
 * Quarkus loads this class again after each restart (a test profile, a class-restricted resource); a system
 * property tells those later copies where the servers already run, so they attach instead of starting their own.
 */
public final class PlatformInfra {

    private static final String SHARED = "nozzly.test-infra";

    private static PlatformInfra instance;

    private final int postgresPort;
    private final KafkaBrokerProcess kafka;
    private final Path publicKey;
    private final Path privateKey;

    /**
     * The role the services connect as: never a superuser, since a superuser bypasses the row-level security
     * that keeps tenants apart (platform-commons db/platform V0_3).
     */
    public static final String SERVICE_USER = "nozzly_service";
    public static final String SERVICE_PASSWORD = "nozzly_service";

    private PlatformInfra(int postgresPort, KafkaBrokerProcess kafka) throws IOException {
        this.postgresPort = postgresPort;
        this.kafka = kafka;
        publicKey = keyFile("/jwt/test-public-key.pem");
        privateKey = keyFile("/jwt/test-private-key.pem");
    }

    /** Starts the servers and stops them when the JVM exits. */
    private static PlatformInfra start() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            ensureServiceRole(connection, "postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("the services' database role could not be made", e);
        }
        KafkaBrokerProcess kafka = KafkaBrokerProcess.onFreePorts();
        kafka.start(Duration.ofSeconds(90));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(postgres, kafka), "platform-infra-shutdown"));
        System.setProperty(SHARED, postgres.getPort() + "|" + kafka.describe());
        return new PlatformInfra(postgres.getPort(), kafka);
    }

    public static PlatformInfra get() {
        synchronized (System.getProperties()) { // the one lock every copy of this class shares
            if (instance == null) {
                try {
                    String shared = System.getProperty(SHARED);
                    instance = shared == null ? start() : new PlatformInfra(
                            Integer.parseInt(shared.substring(0, shared.indexOf('|'))),
                            KafkaBrokerProcess.attach(shared.substring(shared.indexOf('|') + 1)));
                } catch (IOException e) {
                    throw new UncheckedIOException("could not start the test infrastructure", e);
                }
            }
            return instance;
        }
    }

    public int postgresPort() {
        return postgresPort;
    }

    public String jdbcUrl(String schema) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/postgres?currentSchema=" + schema;
    }

    /** The broker, for tests that prove behaviour while Kafka is down. */
    public KafkaBrokerProcess kafka() {
        return kafka;
    }

    public Path publicKey() {
        return publicKey;
    }

    public Path privateKey() {
        return privateKey;
    }

    /** What a service needs to run on this Postgres and Kafka and to verify and sign test tokens. */
    public Map<String, String> serviceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("platform.db.host", "localhost");
        config.put("platform.db.port", String.valueOf(postgresPort()));
        config.put("platform.db.name", "postgres");
        config.put("platform.db.user", SERVICE_USER);
        config.put("platform.db.password", SERVICE_PASSWORD);
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", publicKey.toUri().toString());
        config.put("smallrye.jwt.sign.key.location", privateKey.toUri().toString());
        return config;
    }

    private static void shutdown(EmbeddedPostgres postgres, KafkaBrokerProcess kafka) {
        kafka.stop();
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("embedded Postgres did not stop cleanly: " + e.getMessage());
        }
    }

    /** Makes the services' role on a server if it is missing, allowed to create its schemas in the database. */
    public static void ensureServiceRole(Connection superuser, String database) throws SQLException {
        try (Statement statement = superuser.createStatement()) {
            statement.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + SERVICE_USER
                    + "') then create role " + SERVICE_USER + " login nosuperuser password '" + SERVICE_PASSWORD
                    + "'; end if; end $$");
            statement.execute("grant create on database " + database + " to " + SERVICE_USER);
        }
    }

    /** The public key that verifies {@link TestTokens}, as a file a service process can be pointed at. */
    public static Path testPublicKeyFile() {
        try {
            return keyFile("/jwt/test-public-key.pem");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The private key of {@link TestTokens}, for a service process that signs tokens itself (order-sync). */
    public static Path testPrivateKeyFile() {
        try {
            return keyFile("/jwt/test-private-key.pem");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path keyFile(String name) throws IOException {
        try (InputStream in = PlatformInfra.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from platform-testing");
            }
            Path file = Files.createTempFile("nozzly-", ".pem");
            file.toFile().deleteOnExit();
            Files.write(file, in.readAllBytes());
            return file;
        }
    }
}
