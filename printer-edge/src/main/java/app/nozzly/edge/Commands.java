package app.nozzly.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

import app.nozzly.printer.driver.CommandRefusedException;
import app.nozzly.printer.driver.PrinterDriver;
import app.nozzly.printer.edge.EdgeMessage.Action;
import app.nozzly.printer.edge.EdgeMessage.Chunk;
import app.nozzly.printer.edge.EdgeMessage.Command;
import app.nozzly.printer.edge.EdgeMessage.Refusal;
import app.nozzly.printer.edge.EdgeMessage.Result;
import app.nozzly.printer.edge.EdgeProtocol;

/**
 * Runs the service's commands on their printer's thread, idempotent by command id: the outcomes of the last
 * {@value #REMEMBERED} ids are remembered, a repeated id is answered from that memory (a running one when it
 * finishes), so a command that moves the printer never runs twice. A download only reads, so a repeated download
 * transfers the file again. A refusal because the printer is not connected is not remembered: nothing ran.
 */
final class Commands {

    private static final Logger LOG = Logger.getLogger(Commands.class);
    static final int REMEMBERED = 10_000;

    private final Uplink uplink;
    private final Function<String, WatchedPrinter> printers;
    private final Map<String, CompletableFuture<Result>> outcomes = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Result>> eldest) {
            return size() > REMEMBERED;
        }
    };
    /** File contents arriving for upload commands on the current connection. */
    private final Map<String, ByteArrayOutputStream> uploads = new HashMap<>();

    Commands(Uplink uplink, Function<String, WatchedPrinter> printers) {
        this.uplink = uplink;
        this.printers = printers;
    }

    void chunk(Chunk chunk) {
        if (chunk.commandId() == null || chunk.data() == null) {
            LOG.warn("ignored a chunk without command id or data");
            return;
        }
        synchronized (uploads) {
            uploads.computeIfAbsent(chunk.commandId(), id -> new ByteArrayOutputStream()).writeBytes(chunk.data());
        }
    }

    /** The connection closed: a partly received upload is sent again whole with its repeated command. */
    void disconnected() {
        synchronized (uploads) {
            uploads.clear();
        }
    }

    void run(Command command) {
        String id = command.commandId();
        if (id == null || command.action() == null || command.printerId() == null) {
            LOG.warnf("ignored a command without id, action or printer (id %s)", id);
            return;
        }
        byte[] content = null;
        if (command.action() == Action.UPLOAD) {
            synchronized (uploads) {
                ByteArrayOutputStream received = uploads.remove(id);
                content = received == null ? new byte[0] : received.toByteArray();
            }
        }
        CompletableFuture<Result> outcome;
        boolean fresh;
        synchronized (outcomes) {
            outcome = outcomes.get(id);
            fresh = outcome == null || command.action() == Action.DOWNLOAD;
            if (fresh) {
                outcome = new CompletableFuture<>();
                outcomes.put(id, outcome);
            }
        }
        if (fresh) {
            start(command, content, outcome);
        } else {
            LOG.infof("printer %s: command %s (%s) was received before; answering with its outcome",
                    command.printerId(), id, command.action());
        }
        outcome.thenAccept(uplink::send);
    }

    private void start(Command command, byte[] content, CompletableFuture<Result> outcome) {
        WatchedPrinter printer = printers.apply(command.printerId());
        if (printer == null) {
            notConnected(command, outcome);
            return;
        }
        try {
            printer.execute(() -> {
                PrinterDriver driver = printer.connectedDriver();
                if (driver == null) {
                    notConnected(command, outcome);
                    return;
                }
                outcome.complete(execute(driver, command, content));
            });
        } catch (RejectedExecutionException e) {
            notConnected(command, outcome);
        }
    }

    private void notConnected(Command command, CompletableFuture<Result> outcome) {
        synchronized (outcomes) {
            outcomes.remove(command.commandId(), outcome);
        }
        outcome.complete(new Result(command.commandId(),
                "printer " + command.printerId() + " is not connected to this agent", null));
    }

    private Result execute(PrinterDriver driver, Command command, byte[] content) {
        try {
            JsonNode value = switch (command.action()) {
                case REFRESH -> {
                    driver.refresh();
                    yield null;
                }
                case PAUSE -> {
                    driver.pause();
                    yield null;
                }
                case RESUME -> {
                    driver.resume();
                    yield null;
                }
                case STOP -> {
                    driver.stop();
                    yield null;
                }
                case START_PRINT -> {
                    driver.startPrint(path(command), command.amsSlot());
                    yield null;
                }
                case LIST_FILES -> EdgeProtocol.json().valueToTree(driver.listFiles());
                case DESCRIBE -> driver.describe(path(command)).<JsonNode> map(EdgeProtocol.json()::valueToTree)
                        .orElse(null);
                case DOWNLOAD -> LongNode.valueOf(download(driver, command));
                case UPLOAD_PATH -> TextNode.valueOf(driver.uploadPath(path(command)));
                case UPLOAD -> {
                    driver.upload(path(command), content);
                    yield null;
                }
            };
            LOG.debugf("printer %s: command %s (%s) done", command.printerId(), command.commandId(), command.action());
            return new Result(command.commandId(), null, value);
        } catch (CommandRefusedException e) {
            LOG.warnf("printer %s: command %s (%s) refused: %s", command.printerId(), command.commandId(),
                    command.action(), e.getMessage());
            return new Result(command.commandId(), e.getMessage(), null,
                    new Refusal(e.command(), e.errorCode(), e.reason()));
        } catch (RuntimeException e) {
            LOG.warnf("printer %s: command %s (%s) failed: %s", command.printerId(), command.commandId(),
                    command.action(), e.getMessage());
            return new Result(command.commandId(), e.getMessage() == null ? e.toString() : e.getMessage(), null);
        }
    }

    private static String path(Command command) {
        if (command.path() == null || command.path().isBlank()) {
            throw new IllegalArgumentException("command " + command.commandId() + ": " + command.action()
                    + " needs a path");
        }
        return command.path();
    }

    /** Streams the file up as chunks in order; the result's value is its size in bytes. */
    private long download(PrinterDriver driver, Command command) {
        try (ChunkStream chunks = new ChunkStream(command.commandId())) {
            driver.download(path(command), chunks, copied -> {
            });
            chunks.sendPending();
            return chunks.total;
        } catch (IOException e) {
            throw new IllegalStateException("download of " + command.path() + " stopped: " + e.getMessage(), e);
        }
    }

    /** Cuts what it is given into {@link EdgeProtocol#CHUNK_BYTES} chunks sent as soon as they are full. */
    private final class ChunkStream extends OutputStream {

        private final String commandId;
        private final byte[] pending = new byte[EdgeProtocol.CHUNK_BYTES];
        private int filled;
        private long total;

        ChunkStream(String commandId) {
            this.commandId = commandId;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            int from = offset;
            int left = length;
            while (left > 0) {
                int taken = Math.min(left, pending.length - filled);
                System.arraycopy(data, from, pending, filled, taken);
                filled += taken;
                from += taken;
                left -= taken;
                total += taken;
                if (filled == pending.length) {
                    sendPending();
                }
            }
        }

        void sendPending() throws IOException {
            if (filled == 0) {
                return;
            }
            if (!uplink.send(new Chunk(commandId, Arrays.copyOf(pending, filled)))) {
                throw new IOException("the connection to printer-service closed");
            }
            filled = 0;
        }
    }
}
