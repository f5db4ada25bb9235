package app.nozzly.printer.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.printer.agents.live.AgentDriver;
import app.nozzly.printer.agents.live.AgentHub;
import app.nozzly.printer.config.PrinterConfig;
import app.nozzly.printer.driver.PrinterDriver;
import app.nozzly.printer.driver.PrinterEndpoint;
import app.nozzly.printer.printers.ConnectionType;
import app.nozzly.printer.printers.PrinterType;
import app.nozzly.printer.printers.repository.PrinterRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;

/**
 * The live connections of this replica, one per active LAN printer of every tenant, keyed by tenant and printer id
 * (two tenants may both have printer "x"); follows configuration changes. Every replica holds a connection to
 * every printer it can reach (a printer behind an edge agent: while its agent is connected to any replica, see
 * {@link AgentHub}): the replica that changes a printer reconnects at once, the others within one reconcile
 * interval.
 */
@ApplicationScoped
public class ConnectionManager {

    private static final Logger LOG = Logger.getLogger(ConnectionManager.class);

    private final Map<LiveKey, PrinterConnection> connections = new ConcurrentHashMap<>();
    private final TelemetryGuard guard = new TelemetryGuard();

    @Inject
    PrinterConfig config;

    @Inject
    PrinterRepository printers;

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper json;

    @Inject
    LiveUpdates updates;

    @Inject
    AgentHub agents;

    void onStart(@Observes StartupEvent start) {
        if (config.connection().enabled()) {
            printers.activeOfAllTenants().forEach(this::open);
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        connections.values().forEach(PrinterConnection::close);
        connections.clear();
    }

    /**
     * Brings this replica's connections in line with the printers' rows: a printer added, changed, deactivated or
     * removed through another replica is connected, reconnected or closed here. A connection opened or closed on
     * this replica while the rows were read is left as it is: it is newer than what was read.
     */
    @Scheduled(every = "${printer.connection.reconcile-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        if (!config.connection().enabled()) {
            return;
        }
        Map<LiveKey, PrinterConnection> before = Map.copyOf(connections);
        Map<LiveKey, ConnectionSettings> active = new HashMap<>();
        for (ConnectionSettings settings : printers.activeOfAllTenants()) {
            if (settings.connectionType() != ConnectionType.BAMBU_CLOUD && reachable(settings)) {
                active.put(new LiveKey(settings.tenant(), settings.printerId()), settings);
            }
        }
        synchronized (this) {
            before.forEach((key, connection) -> {
                if (!active.containsKey(key) && connections.get(key) == connection) {
                    LOG.infof("tenant %s printer %s is gone or inactive: its connection on this replica is closed",
                            key.tenant(), key.printerId());
                    close(key);
                }
            });
            active.forEach((key, settings) -> {
                PrinterConnection connection = connections.get(key);
                if (connection != before.get(key)) {
                    return;
                }
                if (connection == null || !connection.settings().equals(settings)) {
                    LOG.infof("tenant %s printer %s was %s through another replica: connecting with its settings",
                            key.tenant(), key.printerId(), connection == null ? "added" : "changed");
                    open(settings);
                }
            });
        }
    }

    /** (Re)connects a printer after it was added or its configuration changed. */
    public synchronized void open(ConnectionSettings settings) {
        LiveKey key = new LiveKey(settings.tenant(), settings.printerId());
        close(key);
        if (!config.connection().enabled() || settings.connectionType() == ConnectionType.BAMBU_CLOUD
                || !reachable(settings)) {
            return;
        }
        PrinterConnection connection = new PrinterConnection(settings, this::driver, updates,
                () -> settings.agentId() == null || !agents.heldElsewhere(settings.agentId()), guard,
                config.connection().offlineAfter(), config.connection().initialBackoff(),
                config.connection().maxBackoff());
        connections.put(key, connection);
        connection.start();
    }

    public synchronized void close(LiveKey key) {
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
        return s.agentId() == null ? endpoint(s).driver(vertx, json, executor)
                : new AgentDriver(agents, s.agentId(), endpoint(s), executor);
    }

    /**
     * A printer behind an edge agent is run while its agent is connected, to this replica or through another: when
     * it is connected to none, no replica can reach the printer.
     */
    private boolean reachable(ConnectionSettings settings) {
        return settings.agentId() == null || agents.isConnected(settings.agentId());
    }

    /** An agent connected, to this replica or to another: its printers attach now, not at the next reconcile. */
    void onAgentOnline(@Observes AgentHub.AgentOnline online) {
        if (config.connection().enabled()) {
            printers.activeThrough(online.agentId()).stream().filter(s -> online.tenant().equals(s.tenant()))
                    .forEach(this::open);
        }
    }

    /** The printer's LAN endpoint with this service's defaults for what its row leaves open. */
    private PrinterEndpoint endpoint(ConnectionSettings s) {
        if (s.type() == PrinterType.PRUSA) {
            return new PrinterEndpoint(PrinterEndpoint.PRUSA, s.printerId(), s.model(), s.host(), s.port(), null,
                    null, null, s.accessCode(), s.username() == null ? config.prusa().defaultUsername() : s.username(),
                    null, config.prusa().pollInterval().toMillis());
        }
        return new PrinterEndpoint(PrinterEndpoint.BAMBU, s.printerId(), s.model(), s.host(),
                s.port() == null ? config.bambu().mqttPort() : s.port(),
                s.ftpsPort() == null ? config.bambu().ftpsPort() : s.ftpsPort(), s.serial(),
                s.certificateFingerprint(), s.accessCode(), null, ca(s), 0);
    }

    private String ca(ConnectionSettings s) {
        if (s.caPem() != null && !s.caPem().isBlank()) {
            return s.caPem();
        }
        String file = config.bambu().caFile().orElseThrow(() -> new IllegalStateException("printer " + s.printerId()
                + " has no CA certificate and printer.bambu.ca-file is not set"));
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read Bambu CA file " + file, e);
        }
    }
}
