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
 */
public final class PlatformInfra {

    private static PlatformInfra instance;

    private final EmbeddedPostgres postgres;
    private final KafkaBrokerProcess kafka;
    private final Path publicKey;
    private final Path privateKey;

    /**
     * The role the services connect as: never a superuser, since a superuser bypasses the row-level security
     * that keeps tenants apart (platform-commons db/platform V0_3).
     */
    public static final String SERVICE_USER = "nozzly_service";
    public static final String SERVICE_PASSWORD = "nozzly_service";

    private PlatformInfra() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            ensureServiceRole(connection, "postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("the services' database role could not be made", e);
        }
        kafka = KafkaBrokerProcess.onFreePorts();
        kafka.start(Duration.ofSeconds(90));
        publicKey = keyFile("/jwt/test-public-key.pem");
        privateKey = keyFile("/jwt/test-private-key.pem");
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "platform-infra-shutdown"));
    }

    public static synchronized PlatformInfra get() {
        if (instance == null) {
            try {
                instance = new PlatformInfra();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test infrastructure", e);
            }
        }
        return instance;
    }

    public int postgresPort() {
        return postgres.getPort();
    }

    public String jdbcUrl(String schema) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?currentSchema=" + schema;
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

    private void shutdown() {
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
