package app.nozzly.printer.agents.live;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import app.nozzly.printer.driver.DriverListener;
import app.nozzly.printer.driver.PrinterCommandException;
import app.nozzly.printer.driver.PrinterDriver;
import app.nozzly.printer.driver.PrinterEndpoint;
import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.driver.RemoteFile;
import app.nozzly.printer.edge.EdgeMessage;
import app.nozzly.printer.edge.EdgeMessage.Action;
import app.nozzly.printer.edge.EdgeProtocol;

/**
 * A printer on a farm's network, driven through the farm's edge agent: the agent runs the real driver next to
 * the printer; this driver forwards the calls and hands the agent's reports to its listener on the printer's own
 * executor, as a local driver would.
 */
public final class AgentDriver implements PrinterDriver {

    private static final TypeReference<List<RemoteFile>> FILES = new TypeReference<>() {
    };

    private final AgentHub hub;
    private final String agentId;
    private final PrinterEndpoint endpoint;
    private final ScheduledExecutorService executor;
    private volatile DriverListener listener;
    private volatile PrinterSnapshot last;

    public AgentDriver(AgentHub hub, String agentId, PrinterEndpoint endpoint, ScheduledExecutorService executor) {
        this.hub = hub;
        this.agentId = agentId;
        this.endpoint = endpoint;
        this.executor = executor;
    }

    String agentId() {
        return agentId;
    }

    String printerId() {
        return endpoint.printerId();
    }

    PrinterEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void connect(DriverListener target) {
        this.listener = target;
        hub.attach(this);
    }

    void report(PrinterSnapshot snapshot) {
        last = snapshot;
        deliver(l -> l.onReport(snapshot));
    }

    void identified(EdgeMessage.Identified identified) {
        deliver(l -> l.onIdentified(identified.serial(), identified.certificateFingerprint()));
    }

    /** The agent is gone: its printers are offline at once, and reconnect when it is back. */
    void agentGone(String cause) {
        deliver(l -> {
            l.onReport(PrinterSnapshot.offline(last));
            l.onConnectionLost(cause);
        });
    }

    private void deliver(Consumer<DriverListener> call) {
        DriverListener target = listener;
        if (target != null && !executor.isShutdown()) {
            executor.execute(() -> call.accept(target));
        }
    }

    @Override
    public void refresh() {
        call(Action.REFRESH, null, null);
    }

    @Override
    public void pause() {
        call(Action.PAUSE, null, null);
    }

    @Override
    public void resume() {
        call(Action.RESUME, null, null);
    }

    @Override
    public void stop() {
        call(Action.STOP, null, null);
    }

    @Override
    public void startPrint(String path, Integer amsSlot) {
        call(Action.START_PRINT, path, amsSlot);
    }

    @Override
    public List<RemoteFile> listFiles() {
        return read(call(Action.LIST_FILES, null, null).value(), FILES);
    }

    @Override
    public Optional<RemoteFile.Description> describe(String path) {
        JsonNode value = call(Action.DESCRIBE, path, null).value();
        return value == null || value.isNull() ? Optional.empty()
                : Optional.of(read(value, new TypeReference<RemoteFile.Description>() {
                }));
    }

    @Override
    public void download(String path, OutputStream target, LongConsumer progress) {
        AtomicLong copied = new AtomicLong();
        hub.call(agentId, printerId(), Action.DOWNLOAD, path, null, null, slice -> {
            try {
                target.write(slice);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            progress.accept(copied.addAndGet(slice.length));
        });
    }

    @Override
    public String uploadPath(String name) {
        return call(Action.UPLOAD_PATH, name, null).value().asText();
    }

    @Override
    public void upload(String path, byte[] content) {
        hub.call(agentId, printerId(), Action.UPLOAD, path, null, content, null);
    }

    private EdgeMessage.Result call(Action action, String path, Integer amsSlot) {
        return hub.call(agentId, printerId(), action, path, amsSlot, null, null);
    }

    private static <T> T read(JsonNode value, TypeReference<T> type) {
        try {
            return EdgeProtocol.json().treeToValue(value, EdgeProtocol.json().constructType(type));
        } catch (IOException e) {
            throw new PrinterCommandException("the agent answered what is not a " + type.getType(), e);
        }
    }

    @Override
    public void close() {
        listener = null;
        hub.detach(this);
    }
}
