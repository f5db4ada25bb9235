package app.nozzly.gateway;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One line per answer: time, request id, client, method, path (never the query, which may carry tokens),
 * status, upstream replica, latency and bytes sent. Event loops only enqueue; one thread writes. When the
 * writer falls behind, lines are dropped and counted rather than slowing requests down.
 */
final class AccessLog implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AccessLog.class.getName());

    /** What an answer's line says; formatted on the writer's thread, never on an event loop. */
    private record Line(long epochMillis, String requestId, String client, String method, String path, int status,
            String upstream, long micros, long bytes) {

        void appendTo(StringBuilder out) {
            long fraction = micros % 1000;
            out.append(Instant.ofEpochMilli(epochMillis)).append(' ').append(requestId).append(' ').append(client)
                    .append(' ').append(method).append(' ').append(path).append(' ').append(status).append(' ')
                    .append(upstream).append(' ').append(micros / 1000).append('.')
                    .append(fraction < 10 ? "00" : fraction < 100 ? "0" : "").append(fraction).append("ms ")
                    .append(bytes).append('\n');
        }
    }

    private final BlockingQueue<Line> lines = new ArrayBlockingQueue<>(65_536);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private final BufferedWriter out;
    private volatile boolean running = true;

    private AccessLog(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        writer = new Thread(this::drain, "gateway-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** A log writing to the file, or one that writes nothing when no file is configured. */
    static AccessLog open(Path file) throws IOException {
        return file == null ? null : new AccessLog(file);
    }

    void record(String requestId, String client, String method, String path, int status, String upstream,
            long micros, long bytes) {
        if (!lines.offer(new Line(System.currentTimeMillis(), requestId, client, method, path, status, upstream, micros,
                bytes))) {
            dropped.incrementAndGet();
        }
    }

    /** Writes what came in during the last tenth of a second in one go: one write and flush per batch. */
    private void drain() {
        List<Line> batch = new ArrayList<>();
        StringBuilder text = new StringBuilder(64 * 1024);
        try {
            while (running || !lines.isEmpty()) {
                lines.drainTo(batch);
                for (Line line : batch) {
                    line.appendTo(text);
                }
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    text.append(Instant.now()).append(" access log fell behind: ").append(lost)
                            .append(" lines dropped\n");
                }
                if (text.length() > 0) {
                    out.write(text.toString());
                    out.flush();
                }
                batch.clear();
                text.setLength(0);
                if (running) {
                    Thread.sleep(100);
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "the access log stopped: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            running = false;
            writer.join(TimeUnit.SECONDS.toMillis(5));
            out.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "the access log did not close cleanly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
