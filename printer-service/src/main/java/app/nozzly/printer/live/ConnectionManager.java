package app.nozzly.printer.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.printer.config.PrinterConfig;
import app.nozzly.printer.driver.PrinterDriver;
import app.nozzly.printer.driver.bambu.BambuLanDriver;
import app.nozzly.printer.driver.prusa.PrusaLinkDriver;
import app.nozzly.printer.printers.Printer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/** Opens a supervised connection for every active LAN printer of every tenant, and follows configuration changes. */
@ApplicationScoped
public class ConnectionManager {

    private static final Logger LOG = Logger.getLogger(ConnectionManager.class);

    private final Map<LiveKey, PrinterConnection> connections = new ConcurrentHashMap<>();

    @Inject
    PrinterConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper json;

    @Inject
    LiveUpdates updates;

    void onStart(@Observes StartupEvent start) {
        if (!config.connection().enabled()) {
            return;
        }
        String sql = "select tenant_id, id, type, connection_type, model, ip_address, port, ftps_port, serial_number,"
                + " access_code, username, ca_certificate from printer where is_active";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                open(new ConnectionSettings(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), (Integer) rows.getObject(7), (Integer) rows.getObject(8),
                        rows.getString(9), rows.getString(10), rows.getString(11), rows.getString(12)));
            }
        } catch (SQLException e) {
            LOG.errorf(e, "cannot load printers to connect to");
            throw new IllegalStateException("cannot load printers to connect to", e);
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        connections.values().forEach(PrinterConnection::close);
        connections.clear();
    }

    /** (Re)connects a printer after it was added or its configuration changed. */
    public void open(ConnectionSettings settings) {
        LiveKey key = new LiveKey(settings.tenant(), settings.printerId());
        close(key);
        if (!config.connection().enabled() || Printer.CONNECTION_CLOUD.equals(settings.connectionType())) {
            return;
        }
        PrinterConnection connection = new PrinterConnection(key, executor -> driver(settings, executor), updates,
                config.connection().offlineAfter(), config.connection().initialBackoff(),
                config.connection().maxBackoff());
        connections.put(key, connection);
        connection.start();
    }

    public void close(LiveKey key) {
        PrinterConnection previous = connections.remove(key);
        if (previous != null) {
            previous.close();
        }
        updates.forget(key);
    }

    public Optional<PrinterConnection> connection(String tenant, String printerId) {
        return Optional.ofNullable(connections.get(new LiveKey(tenant, printerId)));
    }

    public Collection<PrinterConnection> all() {
        return connections.values();
    }

    public long countFor(String tenant) {
        return connections.keySet().stream().filter(key -> key.tenant().equals(tenant)).count();
    }

    private PrinterDriver driver(ConnectionSettings s, ScheduledExecutorService executor) {
        if (Printer.TYPE_PRUSA.equals(s.type())) {
            String base = s.host().startsWith("http") ? s.host() : "http://" + s.host() + (s.port() == null ? "" : ":" + s.port());
            return new PrusaLinkDriver(json, executor, new PrusaLinkDriver.PrusaEndpoint(s.printerId(),
                    base.replaceAll("/+$", ""), s.username() == null ? config.prusa().defaultUsername() : s.username(),
                    s.accessCode(), config.prusa().pollInterval(), s.model()));
        }
        return new BambuLanDriver(vertx, json, executor, new BambuLanDriver.BambuEndpoint(s.printerId(), s.host(),
                s.port() == null ? config.bambu().mqttPort() : s.port(),
                s.ftpsPort() == null ? config.bambu().ftpsPort() : s.ftpsPort(), s.serial(), s.accessCode(), ca(s)));
    }

    private String ca(ConnectionSettings s) {
        if (s.caPem() != null && !s.caPem().isBlank()) {
            return s.caPem();
        }
        String file = config.bambu().caFile().orElseThrow(() -> new IllegalStateException("printer " + s.printerId()
                + " has no CA certificate and printer.bambu.ca-file is not set"));
        try {
            return Files.readString(Path.of(file));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read Bambu CA file " + file, e);
        }
    }
}
