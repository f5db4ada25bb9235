package app.nozzly.printer.agents.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import app.nozzly.printer.agents.service.AgentService;
import app.nozzly.printer.driver.CommandRefusedException;
import app.nozzly.printer.driver.PrinterCommandException;
import app.nozzly.printer.edge.EdgeMessage;
import app.nozzly.printer.edge.EdgeProtocol;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The edge agents as this replica knows them, and the printers reached through them. An agent connects to one
 * replica (its owner here); the others learn of it through the {@link AgentRelay} and run its printers too: the
 * owner passes the agent's reports on to every replica that runs them, and their commands to the agent, so REST,
 * /ws and the queue answer the same on every replica. Reports go to the {@link AgentDriver} of their printer; a
 * command for an agent that is away is refused at once, one sent waits for the agent's result and survives a
 * reconnect: still unanswered when its agent comes back (to any replica), it is sent again with the same id, which
 * the agent answers without running it twice.
 */
@ApplicationScoped
public class AgentHub {

    private static final Logger LOG = Logger.getLogger(AgentHub.class);

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Remote> remotes = new ConcurrentHashMap<>();
    private final Map<String, Long> watchedSince = new ConcurrentHashMap<>();
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();
    private final Map<String, Map<String, AgentDriver>> drivers = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSeq = new ConcurrentHashMap<>();
    private final Set<String> connectedHere = ConcurrentHashMap.newKeySet();

    @Inject
    AgentService agents;

    @Inject
    AgentRelay relay;

    @Inject
    Event<AgentOnline> online;

    @ConfigProperty(name = "printer.agents.command-timeout", defaultValue = "20s")
    Duration commandTimeout;

    @ConfigProperty(name = "printer.agents.check-interval", defaultValue = "5s")
    Duration checkInterval;

    /** An agent (re)connected, here or to another replica: its printers' connections here attach again now. */
    public record AgentOnline(String tenant, String agentId) {
    }

    /** The agent's connection to this replica; {@code id} names it to the other replicas. */
    private record Session(AgentService.Identity agent, WebSocketConnection connection, String boot, String id) {
    }

    /** Another replica holds the agent's connection, as it last said. */
    private record Remote(String tenant, String replica, String session, long heardAt) {
    }

    /** A command another replica sent through this one: its result and slices go back there. */
    private record Origin(String replica, long at) {
    }

    /** A command on its way: the agent's result completes it; a download's slices go to {@code sink}. */
    private record Pending(String agentId, EdgeMessage.Command command, List<byte[]> upload, Consumer<byte[]> sink,
            CompletableFuture<EdgeMessage.Result> result) {
    }

    void opened(AgentService.Identity agent, WebSocketConnection connection) {
        connectedHere.add(agent.agentId());
        Session previous = sessions.put(agent.agentId(), new Session(agent, connection, null,
                UUID.randomUUID().toString()));
        if (previous != null) {
            LOG.infof("tenant %s agent %s connected again: its previous connection is closed", agent.tenant(),
                    agent.agentId());
            previous.connection().close(new CloseReason(4409, "replaced by a newer connection")).subscribe()
                    .with(ok -> { }, e -> { });
        }
    }

    /**
     * One message of an agent, on its connection's event loop: nothing here blocks but a download's slice.
     *
     * @param frame the message as it came, passed on to the other replicas unchanged
     */
    void received(AgentService.Identity agent, WebSocketConnection connection, EdgeMessage message, String frame) {
        Session session = sessions.get(agent.agentId());
        if (session == null || session.connection() != connection) {
            return;
        }
        if (message instanceof EdgeMessage.Hello hello) {
            // records the agent and attaches its printers: database work, off the event loop
            Infrastructure.getDefaultWorkerPool().execute(() -> hello(session, hello));
        } else if (message instanceof EdgeMessage.Report report) {
            if (report(agent.agentId(), session.boot(), report)) {
                passOn(agent, frame);
            }
        } else if (message instanceof EdgeMessage.Identified identified) {
            driver(agent.agentId(), identified.printerId()).ifPresent(d -> d.identified(identified));
            passOn(agent, frame);
        } else if (message instanceof EdgeMessage.Lost lost) {
            LOG.infof("tenant %s agent %s lost printer %s (%s); it reconnects on its own", agent.tenant(),
                    agent.agentId(), lost.printerId(), lost.cause());
        } else if (message instanceof EdgeMessage.Chunk chunk) {
            Origin origin = origins.get(chunk.commandId());
            if (origin != null) {
                relay.send(agent.tenant(), agent.agentId(), RelayFrame.UP, origin.replica(), null, frame);
            } else {
                chunk(agent.agentId(), chunk);
            }
        } else if (message instanceof EdgeMessage.Result result) {
            Origin origin = origins.remove(result.commandId());
            if (origin != null) {
                relay.send(agent.tenant(), agent.agentId(), RelayFrame.UP, origin.replica(), null, frame);
            } else {
                result(agent.agentId(), result);
            }
        } else {
            LOG.warnf("tenant %s agent %s sent a %s, which only printer-service sends; ignored", agent.tenant(),
                    agent.agentId(), message.getClass().getSimpleName());
        }
    }

    /** What the agent says of its printers goes on to the replicas that run them too. */
    private void passOn(AgentService.Identity agent, String frame) {
        Long since = watchedSince.get(agent.agentId());
        if (since != null && System.nanoTime() - since < remoteLifetime().toNanos()) {
            relay.send(agent.tenant(), agent.agentId(), RelayFrame.UP, null, null, frame);
        }
    }

    private void chunk(String agentId, EdgeMessage.Chunk chunk) {
        Pending waiting = pending.get(chunk.commandId());
        if (waiting != null && waiting.sink() != null && waiting.agentId().equals(agentId)) {
            try {
                waiting.sink().accept(chunk.data());
            } catch (RuntimeException e) {
                waiting.result().completeExceptionally(e);
            }
        }
    }

    private void result(String agentId, EdgeMessage.Result result) {
        Pending waiting = pending.get(result.commandId());
        if (waiting != null && waiting.agentId().equals(agentId)) {
            waiting.result().complete(result);
        }
    }

    private void hello(Session session, EdgeMessage.Hello hello) {
        AgentService.Identity agent = session.agent();
        Session known = new Session(agent, session.connection(), hello.boot(), session.id());
        sessions.replace(agent.agentId(), session, known);
        lastSeq.keySet().removeIf(key -> key.startsWith(agent.agentId() + "/") && !key.contains("/" + hello.boot()
                + "/"));
        agents.connected(agent, hello.version(), hello.host());
        LOG.infof("tenant %s agent %s is online (version %s on %s, %d printers running)", agent.tenant(),
                agent.agentId(), hello.version(), hello.host(), hello.printers() == null ? 0 : hello.printers().size());
        relay.send(agent.tenant(), agent.agentId(), RelayFrame.OWNER, null, known.id(), null);
        pending.values().stream().filter(p -> p.agentId().equals(agent.agentId())).forEach(this::send);
        online.fire(new AgentOnline(agent.tenant(), agent.agentId()));
    }

    /** A report of the agent's printer to its driver, unless older than one already applied; whether it was new. */
    private boolean report(String agentId, String boot, EdgeMessage.Report report) {
        String key = agentId + "/" + boot + "/" + report.printerId();
        Long previous = lastSeq.get(key);
        if (previous != null && report.seq() <= previous) {
            return false;
        }
        lastSeq.put(key, report.seq());
        driver(agentId, report.printerId()).ifPresent(d -> d.report(report.snapshot()));
        return true;
    }

    void closed(AgentService.Identity agent, WebSocketConnection connection) {
        Session current = sessions.get(agent.agentId());
        if (current == null || current.connection() != connection || !sessions.remove(agent.agentId(), current)) {
            return;
        }
        relay.send(agent.tenant(), agent.agentId(), RelayFrame.GONE, null, current.id(), null);
        if (remote(agent.agentId()).isPresent()) {
            LOG.infof("tenant %s agent %s left this replica for another: its printers run here through that one",
                    agent.tenant(), agent.agentId());
            relay.send(agent.tenant(), agent.agentId(), RelayFrame.WATCHING, null, null, null);
            return;
        }
        LOG.infof("tenant %s agent %s disconnected: its printers are offline until it is back", agent.tenant(),
                agent.agentId());
        gone(agent.agentId(), "agent " + agent.agentId() + " disconnected");
    }

    private void gone(String agentId, String cause) {
        drivers.getOrDefault(agentId, Map.of()).values().forEach(d -> d.agentGone(cause));
    }

    /** What another replica said about an agent, in the order it said it (on a worker thread). */
    void relayed(String tenant, String agentId, RelayFrame frame) {
        switch (frame.kind()) {
            case RelayFrame.OWNER -> owner(tenant, agentId, frame);
            case RelayFrame.GONE -> {
                Remote remote = remotes.get(agentId);
                if (remote != null && Objects.equals(remote.session(), frame.session())
                        && remotes.remove(agentId, remote) && !sessions.containsKey(agentId)) {
                    LOG.infof("tenant %s agent %s disconnected from replica %s: its printers are offline until it"
                            + " is back", tenant, agentId, frame.replica());
                    gone(agentId, "agent " + agentId + " disconnected");
                }
            }
            case RelayFrame.WATCHING -> watchedSince.put(agentId, System.nanoTime());
            case RelayFrame.UP -> {
                if (frame.to() == null || frame.to().equals(relay.replica())) {
                    up(agentId, frame);
                }
            }
            case RelayFrame.DOWN -> down(agentId, frame);
            default -> LOG.debugf("tenant %s agent %s: relayed frame of unknown kind %s skipped", tenant, agentId,
                    frame.kind());
        }
    }

    private void owner(String tenant, String agentId, RelayFrame frame) {
        Remote previous = remotes.put(agentId, new Remote(tenant, frame.replica(), frame.session(),
                System.nanoTime()));
        if (previous != null && Objects.equals(previous.session(), frame.session())) {
            return;
        }
        LOG.infof("tenant %s agent %s is connected to replica %s: its printers run here through it", tenant, agentId,
                frame.replica());
        pending.values().stream().filter(p -> p.agentId().equals(agentId)).forEach(this::send);
        if (!sessions.containsKey(agentId)) {
            if (!drivers.getOrDefault(agentId, Map.of()).isEmpty()) {
                relay.send(tenant, agentId, RelayFrame.WATCHING, null, null, null);
            }
            online.fire(new AgentOnline(tenant, agentId));
        }
    }

    /** The agent's words, passed on by its owner: applied as if the agent had said them here. */
    private void up(String agentId, RelayFrame frame) {
        Remote remote = remotes.get(agentId);
        if (sessions.containsKey(agentId) || remote == null || !remote.replica().equals(frame.replica())) {
            return;
        }
        EdgeMessage message = read(agentId, frame);
        if (message instanceof EdgeMessage.Report report) {
            driver(agentId, report.printerId()).ifPresent(d -> d.report(report.snapshot()));
        } else if (message instanceof EdgeMessage.Identified identified) {
            driver(agentId, identified.printerId()).ifPresent(d -> d.identified(identified));
        } else if (message instanceof EdgeMessage.Chunk chunk) {
            chunk(agentId, chunk);
        } else if (message instanceof EdgeMessage.Result result) {
            result(agentId, result);
        }
    }

    /** Another replica's command or upload slice for an agent connected here: on to the agent. */
    private void down(String agentId, RelayFrame frame) {
        Session session = sessions.get(agentId);
        if (session == null) {
            return;
        }
        if (read(agentId, frame) instanceof EdgeMessage.Command command) {
            origins.put(command.commandId(), new Origin(frame.replica(), System.nanoTime()));
        }
        try {
            session.connection().sendTextAndAwait(frame.frame());
        } catch (RuntimeException e) {
            LOG.infof("tenant %s agent %s: passing on replica %s's frame failed (%s); it is sent again when the agent"
                    + " is back", session.agent().tenant(), agentId, frame.replica(), e.getMessage());
        }
    }

    private static EdgeMessage read(String agentId, RelayFrame frame) {
        try {
            return EdgeProtocol.read(frame.frame());
        } catch (IllegalArgumentException e) {
            LOG.warnf("agent %s: replica %s relayed a frame that is not an edge message (%s); skipped", agentId,
                    frame.replica(), e.getMessage());
            return null;
        }
    }

    /** Whether the agent is connected, to this replica or (as it said within a few checks) to another. */
    public boolean isConnected(String agentId) {
        return sessions.containsKey(agentId) || remote(agentId).isPresent();
    }

    private Optional<Remote> remote(String agentId) {
        Remote remote = remotes.get(agentId);
        return remote != null && System.nanoTime() - remote.heardAt() < remoteLifetime().toNanos()
                ? Optional.of(remote) : Optional.empty();
    }

    /** How long another replica's word that it holds an agent (or runs its printers) holds without repetition. */
    private Duration remoteLifetime() {
        return checkInterval.multipliedBy(3);
    }

    /**
     * Whether another replica holds the agent's connection: that one writes what its printers report, this one
     * only shows it. While no replica holds it, each writes its printers offline.
     */
    public boolean heldElsewhere(String agentId) {
        return !sessions.containsKey(agentId) && remote(agentId).isPresent();
    }

    /** Whether this replica held the agent's connection at some time: then it knows whether it is online. */
    public boolean wasConnectedHere(String agentId) {
        return connectedHere.contains(agentId);
    }

    /** A printer's driver starts running the printer on its agent; refused while the agent is away. */
    void attach(AgentDriver driver) {
        Session session = sessions.get(driver.agentId());
        Optional<Remote> remote = remote(driver.agentId());
        if (session == null && remote.isEmpty()) {
            throw new PrinterCommandException("agent " + driver.agentId() + " is not connected");
        }
        Map<String, AgentDriver> attached = drivers.computeIfAbsent(driver.agentId(),
                id -> new ConcurrentHashMap<>());
        boolean first = attached.isEmpty();
        attached.put(driver.printerId(), driver);
        if (session != null) {
            send(driver.agentId(), new EdgeMessage.Watch(driver.endpoint()));
        } else if (first) {
            relay.send(remote.get().tenant(), driver.agentId(), RelayFrame.WATCHING, null, null, null);
        }
    }

    void detach(AgentDriver driver) {
        Map<String, AgentDriver> attached = drivers.get(driver.agentId());
        if (attached != null && attached.remove(driver.printerId(), driver) && sessions.containsKey(
                driver.agentId())) {
            send(driver.agentId(), new EdgeMessage.Unwatch(driver.printerId()));
        }
    }

    /**
     * Runs one driver call on the agent and waits for its result.
     *
     * @param upload the file's bytes for an upload, sent ahead of the command in slices
     * @param sink   where a download's slices go, in order
     */
    EdgeMessage.Result call(String agentId, String printerId, EdgeMessage.Action action, String path, Integer amsSlot,
            byte[] upload, Consumer<byte[]> sink) {
        if (!isConnected(agentId)) {
            throw new PrinterCommandException("agent " + agentId + " of printer " + printerId + " is not connected");
        }
        EdgeMessage.Command command = new EdgeMessage.Command(UUID.randomUUID().toString(), printerId, action, path,
                amsSlot);
        Pending waiting = new Pending(agentId, command, slices(upload), sink, new CompletableFuture<>());
        pending.put(command.commandId(), waiting);
        try {
            send(waiting);
            EdgeMessage.Result result = waiting.result().get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (result.refusal() != null) {
                EdgeMessage.Refusal refusal = result.refusal();
                throw new CommandRefusedException(printerId, refusal.command(), refusal.errorCode(), refusal.reason());
            }
            if (result.error() != null) {
                throw new PrinterCommandException(result.error());
            }
            return result;
        } catch (TimeoutException e) {
            throw new PrinterCommandException("agent " + agentId + " did not answer " + action.name().toLowerCase()
                    + " for printer " + printerId + " within " + commandTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrinterCommandException("interrupted waiting for agent " + agentId, e);
        } catch (ExecutionException e) {
            throw new PrinterCommandException("agent " + agentId + ": " + e.getCause().getMessage(), e.getCause());
        } finally {
            pending.remove(command.commandId());
        }
    }

    private static List<byte[]> slices(byte[] content) {
        if (content == null) {
            return List.of();
        }
        List<byte[]> slices = new ArrayList<>();
        for (int from = 0; from < content.length; from += EdgeProtocol.CHUNK_BYTES) {
            slices.add(Arrays.copyOfRange(content, from,
                    Math.min(content.length, from + EdgeProtocol.CHUNK_BYTES)));
        }
        return slices;
    }

    private void send(Pending waiting) {
        for (byte[] slice : waiting.upload()) {
            send(waiting.agentId(), new EdgeMessage.Chunk(waiting.command().commandId(), slice));
        }
        send(waiting.agentId(), waiting.command());
    }

    /** A message for the agent: straight to it when connected here, else through the replica it is connected to. */
    private void send(String agentId, EdgeMessage message) {
        Session session = sessions.get(agentId);
        if (session == null) {
            remote(agentId).ifPresent(remote -> relay.send(remote.tenant(), agentId, RelayFrame.DOWN, null, null,
                    EdgeProtocol.write(message)));
            return;
        }
        try {
            session.connection().sendTextAndAwait(EdgeProtocol.write(message));
        } catch (RuntimeException e) {
            LOG.infof("tenant %s agent %s: sending a %s failed (%s); it follows when the agent is back",
                    session.agent().tenant(), agentId, message.getClass().getSimpleName(), e.getMessage());
        }
    }

    /** Cuts a revoked agent off at once. */
    public void revoked(String agentId) {
        Session session = sessions.get(agentId);
        if (session != null) {
            LOG.infof("tenant %s agent %s was revoked: its connection is closed", session.agent().tenant(), agentId);
            session.connection().closeAndAwait(new CloseReason(EdgeProtocol.REVOKED, "agent revoked"));
        }
    }

    /**
     * Keeps the agents' last-seen times fresh, closes agents revoked through another replica, repeats to the other
     * replicas which agents this one holds and whose printers it runs through another, and takes the printers of
     * an agent whose replica fell silent offline.
     */
    @Scheduled(every = "${printer.agents.check-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        List<String> connected = List.copyOf(sessions.keySet());
        if (!connected.isEmpty()) {
            agents.seen(connected);
            agents.revokedOf(connected).forEach(this::revoked);
        }
        sessions.values().stream().filter(session -> session.boot() != null).forEach(session -> relay.send(
                session.agent().tenant(), session.agent().agentId(), RelayFrame.OWNER, null, session.id(), null));
        long now = System.nanoTime();
        remotes.forEach((agentId, remote) -> {
            if (now - remote.heardAt() >= remoteLifetime().toNanos()) {
                if (remotes.remove(agentId, remote) && !sessions.containsKey(agentId)) {
                    LOG.infof("tenant %s agent %s: replica %s holding it fell silent; its printers are offline",
                            remote.tenant(), agentId, remote.replica());
                    gone(agentId, "the replica holding agent " + agentId + " is gone");
                }
            } else if (!sessions.containsKey(agentId) && !drivers.getOrDefault(agentId, Map.of()).isEmpty()) {
                relay.send(remote.tenant(), agentId, RelayFrame.WATCHING, null, null, null);
            }
        });
        origins.values().removeIf(origin -> now - origin.at() > commandTimeout.multipliedBy(2).toNanos());
        long dropped = relay.takeDropped();
        if (dropped > 0) {
            LOG.warnf("%d agent frames were not passed on to the other replicas (Kafka away or too slow)", dropped);
        }
    }

    private Optional<AgentDriver> driver(String agentId, String printerId) {
        return Optional.ofNullable(drivers.getOrDefault(agentId, Map.of()).get(printerId));
    }
}
