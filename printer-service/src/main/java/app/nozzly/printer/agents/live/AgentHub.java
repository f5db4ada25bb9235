package app.nozzly.printer.agents.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * The edge agents connected to this replica and the printers reached through them. Reports an agent sends go to
 * the {@link AgentDriver} of their printer; a command for an agent that is away is refused at once, one sent
 * waits for the agent's result and survives a reconnect: still unanswered when its agent comes back, it is sent
 * again with the same id, which the agent answers without running it twice.
 */
@ApplicationScoped
public class AgentHub {

    private static final Logger LOG = Logger.getLogger(AgentHub.class);

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, AgentDriver>> drivers = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSeq = new ConcurrentHashMap<>();
    private final Set<String> connectedHere = ConcurrentHashMap.newKeySet();

    @Inject
    AgentService agents;

    @Inject
    Event<AgentOnline> online;

    @ConfigProperty(name = "printer.agents.command-timeout", defaultValue = "20s")
    Duration commandTimeout;

    /** An agent (re)connected: its printers' connections on this replica should attach again now. */
    public record AgentOnline(String tenant, String agentId) {
    }

    private record Session(AgentService.Identity agent, WebSocketConnection connection, String boot) {
    }

    /** A command on its way: the agent's result completes it; a download's slices go to {@code sink}. */
    private record Pending(String agentId, EdgeMessage.Command command, List<byte[]> upload, Consumer<byte[]> sink,
            CompletableFuture<EdgeMessage.Result> result) {
    }

    void opened(AgentService.Identity agent, WebSocketConnection connection) {
        connectedHere.add(agent.agentId());
        Session previous = sessions.put(agent.agentId(), new Session(agent, connection, null));
        if (previous != null) {
            LOG.infof("tenant %s agent %s connected again: its previous connection is closed", agent.tenant(),
                    agent.agentId());
            previous.connection().close(new CloseReason(4409, "replaced by a newer connection")).subscribe()
                    .with(ok -> { }, e -> { });
        }
    }

    /** One message of an agent, on its connection's event loop: nothing here blocks but a download's slice. */
    void received(AgentService.Identity agent, WebSocketConnection connection, EdgeMessage message) {
        Session session = sessions.get(agent.agentId());
        if (session == null || session.connection() != connection) {
            return;
        }
        if (message instanceof EdgeMessage.Hello hello) {
            // records the agent and attaches its printers: database work, off the event loop
            Infrastructure.getDefaultWorkerPool().execute(() -> hello(session, hello));
        } else if (message instanceof EdgeMessage.Report report) {
            report(agent, report);
        } else if (message instanceof EdgeMessage.Identified identified) {
            driver(agent.agentId(), identified.printerId()).ifPresent(d -> d.identified(identified));
        } else if (message instanceof EdgeMessage.Lost lost) {
            LOG.infof("tenant %s agent %s lost printer %s (%s); it reconnects on its own", agent.tenant(),
                    agent.agentId(), lost.printerId(), lost.cause());
        } else if (message instanceof EdgeMessage.Chunk chunk) {
            chunk(agent, chunk);
        } else if (message instanceof EdgeMessage.Result result) {
            Pending waiting = pending.get(result.commandId());
            if (waiting != null && waiting.agentId().equals(agent.agentId())) {
                waiting.result().complete(result);
            }
        } else {
            LOG.warnf("tenant %s agent %s sent a %s, which only printer-service sends; ignored", agent.tenant(),
                    agent.agentId(), message.getClass().getSimpleName());
        }
    }

    private void chunk(AgentService.Identity agent, EdgeMessage.Chunk chunk) {
        Pending waiting = pending.get(chunk.commandId());
        if (waiting != null && waiting.sink() != null && waiting.agentId().equals(agent.agentId())) {
            try {
                waiting.sink().accept(chunk.data());
            } catch (RuntimeException e) {
                waiting.result().completeExceptionally(e);
            }
        }
    }

    private void hello(Session session, EdgeMessage.Hello hello) {
        AgentService.Identity agent = session.agent();
        Session known = new Session(agent, session.connection(), hello.boot());
        sessions.replace(agent.agentId(), session, known);
        lastSeq.keySet().removeIf(key -> key.startsWith(agent.agentId() + "/") && !key.contains("/" + hello.boot()
                + "/"));
        agents.connected(agent, hello.version(), hello.host());
        LOG.infof("tenant %s agent %s is online (version %s on %s, %d printers running)", agent.tenant(),
                agent.agentId(), hello.version(), hello.host(), hello.printers() == null ? 0 : hello.printers().size());
        pending.values().stream().filter(p -> p.agentId().equals(agent.agentId())).forEach(this::send);
        online.fire(new AgentOnline(agent.tenant(), agent.agentId()));
    }

    private void report(AgentService.Identity agent, EdgeMessage.Report report) {
        Session session = sessions.get(agent.agentId());
        String key = agent.agentId() + "/" + (session == null ? "" : session.boot()) + "/" + report.printerId();
        Long previous = lastSeq.get(key);
        if (previous != null && report.seq() <= previous) {
            return;
        }
        lastSeq.put(key, report.seq());
        driver(agent.agentId(), report.printerId()).ifPresent(d -> d.report(report.snapshot()));
    }

    void closed(AgentService.Identity agent, WebSocketConnection connection) {
        Session current = sessions.get(agent.agentId());
        if (current == null || current.connection() != connection || !sessions.remove(agent.agentId(), current)) {
            return;
        }
        LOG.infof("tenant %s agent %s disconnected: its printers are offline until it is back", agent.tenant(),
                agent.agentId());
        drivers.getOrDefault(agent.agentId(), Map.of()).values()
                .forEach(d -> d.agentGone("agent " + agent.agentId() + " disconnected"));
    }

    public boolean isConnected(String agentId) {
        return sessions.containsKey(agentId);
    }

    /** Whether this replica held the agent's connection at some time: then it knows whether it is online. */
    public boolean wasConnectedHere(String agentId) {
        return connectedHere.contains(agentId);
    }

    /** A printer's driver starts running the printer on its agent; refused while the agent is away. */
    void attach(AgentDriver driver) {
        if (!sessions.containsKey(driver.agentId())) {
            throw new PrinterCommandException("agent " + driver.agentId() + " is not connected");
        }
        drivers.computeIfAbsent(driver.agentId(), id -> new ConcurrentHashMap<>()).put(driver.printerId(), driver);
        send(driver.agentId(), new EdgeMessage.Watch(driver.endpoint()));
    }

    void detach(AgentDriver driver) {
        Map<String, AgentDriver> attached = drivers.get(driver.agentId());
        if (attached != null && attached.remove(driver.printerId(), driver) && isConnected(driver.agentId())) {
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

    private void send(String agentId, EdgeMessage message) {
        Session session = sessions.get(agentId);
        if (session == null) {
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

    /** Keeps the agents' last-seen times fresh and closes agents revoked through another replica. */
    @Scheduled(every = "${printer.agents.check-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        List<String> connected = List.copyOf(sessions.keySet());
        if (connected.isEmpty()) {
            return;
        }
        agents.seen(connected);
        agents.revokedOf(connected).forEach(this::revoked);
    }

    private Optional<AgentDriver> driver(String agentId, String printerId) {
        return Optional.ofNullable(drivers.getOrDefault(agentId, Map.of()).get(printerId));
    }
}
