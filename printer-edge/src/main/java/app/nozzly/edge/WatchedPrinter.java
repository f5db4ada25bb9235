package app.nozzly.edge;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import app.nozzly.printer.driver.DriverListener;
import app.nozzly.printer.driver.PrinterDriver;
import app.nozzly.printer.driver.PrinterEndpoint;
import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.edge.EdgeMessage;
import app.nozzly.printer.edge.EdgeMessage.Report;
import app.nozzly.printer.edge.EdgeProtocol;
import io.vertx.core.Vertx;

/**
 * One printer the service watches through this agent, on its own single thread (a slow or silent printer never
 * delays another): keeps its driver connected with exponential backoff, probes it when it goes quiet, and numbers
 * its reports. A report goes up only while the service watches the printer on the current connection; otherwise it
 * waits in a bounded buffer (oldest dropped first) that the next Watch replays in order before live reports.
 * Every field below is touched on {@link #executor} only.
 */
final class WatchedPrinter implements DriverListener {

    private static final Logger LOG = Logger.getLogger(WatchedPrinter.class);
    /** A printer quiet this long is asked for its state. */
    private static final Duration QUIET = Duration.ofSeconds(10);
    /** A printer silent this long despite the probe has lost its connection. */
    private static final Duration SILENT = Duration.ofSeconds(20);

    private final String printerId;
    private final Vertx vertx;
    private final Uplink uplink;
    private final AtomicLong sequence;
    private final int capacity;
    private final Duration maxBackoff;
    private final ScheduledExecutorService executor;
    private final Deque<Report> buffer = new ArrayDeque<>();

    private PrinterEndpoint requested;
    private PrinterEndpoint endpoint;
    private PrinterDriver driver;
    private boolean live;
    private long dropped;
    private String lastError;
    private boolean lostSent;
    private Duration backoff = Backoff.INITIAL;
    private Instant nextAttemptAt = Instant.now();
    private Instant lastReportAt = Instant.now();
    private boolean probed;
    private boolean closed;

    WatchedPrinter(String printerId, Vertx vertx, Uplink uplink, AtomicLong sequence, int capacity,
            Duration maxBackoff) {
        this.printerId = printerId;
        this.vertx = vertx;
        this.uplink = uplink;
        this.sequence = sequence;
        this.capacity = capacity;
        this.maxBackoff = maxBackoff;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "printer-" + printerId);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs work on this printer's thread (commands and file transfers never overlap its reports). */
    void execute(Runnable work) {
        executor.execute(work);
    }

    /** The driver while the printer is connected, else null; call on this printer's thread only. */
    PrinterDriver connectedDriver() {
        return driver;
    }

    /**
     * The service watches the printer on the current connection: the same endpoint keeps the running driver, a
     * changed one restarts it; then the buffer goes up in order, and a fresh state is asked for.
     */
    void watch(PrinterEndpoint watched) {
        executor.execute(() -> onWatch(watched));
    }

    /** The WebSocket closed: reports wait in the buffer until the service watches the printer again. */
    void disconnected() {
        executor.execute(() -> live = false);
    }

    void start() {
        executor.scheduleWithFixedDelay(this::tick, 0, 500, TimeUnit.MILLISECONDS);
    }

    /** Closes the driver and the thread, dropping the buffer. */
    void close() {
        executor.execute(() -> {
            closed = true;
            closeDriver();
            buffer.clear();
        });
        executor.shutdown();
    }

    boolean awaitClosed(Duration timeout) throws InterruptedException {
        return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onWatch(PrinterEndpoint watched) {
        if (closed) {
            return;
        }
        if (!watched.equals(requested) && !watched.equals(endpoint)) {
            if (requested != null) {
                LOG.infof("printer %s: its endpoint changed to %s, reconnecting", printerId, watched);
            }
            requested = watched;
            endpoint = watched;
            closeDriver();
            lastError = null;
            lostSent = false;
            backoff = Backoff.INITIAL;
            nextAttemptAt = Instant.now();
        }
        while (!buffer.isEmpty()) {
            if (!uplink.send(buffer.peekFirst())) {
                return;
            }
            buffer.pollFirst();
        }
        if (dropped > 0) {
            LOG.warnf("printer %s: %d reports were dropped while printer-service was unreachable (buffer of %d)",
                    printerId, dropped, capacity);
            dropped = 0;
        }
        live = true;
        if (endpoint.serial() != null && watched.serial() == null) {
            uplink.send(new EdgeMessage.Identified(printerId, endpoint.serial(), endpoint.certificateFingerprint()));
        }
        if (driver != null) {
            try {
                driver.refresh();
            } catch (RuntimeException e) {
                LOG.infof("printer %s: asking for its state failed: %s", printerId, e.getMessage());
            }
        } else if (lastError != null) {
            lostSent = uplink.send(new EdgeMessage.Lost(printerId, lastError));
        }
    }

    private void tick() {
        try {
            if (closed || endpoint == null) {
                return;
            }
            Instant now = Instant.now();
            if (driver == null && !now.isBefore(nextAttemptAt)) {
                connectOnce();
            }
            Duration silent = Duration.between(lastReportAt, now);
            if (driver != null && !probed && silent.compareTo(QUIET) > 0) {
                probed = true;
                driver.refresh();
            }
            if (driver != null && silent.compareTo(SILENT) > 0) {
                connectionLost("sent nothing for " + silent.toSeconds() + " s");
            }
        } catch (RuntimeException | LinkageError e) {
            // an exception escaping a scheduled tick would silently end the printer's supervision
            LOG.warnf("printer %s: %s", printerId, e);
        }
    }

    private void connectOnce() {
        PrinterDriver candidate = null;
        try {
            candidate = endpoint.driver(vertx, EdgeProtocol.json(), executor);
            driver = candidate;
            candidate.connect(this);
            lastReportAt = Instant.now();
            probed = false;
            backoff = Backoff.INITIAL;
            lastError = null;
            lostSent = false;
            LOG.infof("printer %s connected (%s)", printerId, endpoint);
        } catch (RuntimeException e) {
            driver = null;
            if (candidate != null) {
                candidate.close();
            }
            LOG.infof("printer %s: connecting failed: %s (next attempt in %s s)", printerId, e.getMessage(),
                    backoff.toSeconds());
            scheduleReconnect();
            lost(e.getMessage());
        }
    }

    private void scheduleReconnect() {
        nextAttemptAt = Instant.now().plus(backoff);
        backoff = Backoff.next(backoff, maxBackoff);
    }

    @Override
    public void onReport(PrinterSnapshot snapshot) {
        lastReportAt = Instant.now();
        probed = false;
        Report report = new Report(printerId, sequence.getAndIncrement(), snapshot);
        if (live && buffer.isEmpty() && uplink.send(report)) {
            return;
        }
        if (buffer.size() >= capacity) {
            buffer.pollFirst();
            dropped++;
        }
        buffer.addLast(report);
    }

    @Override
    public void onConnectionLost(String cause) {
        if (driver == null) {
            return;
        }
        connectionLost(cause);
    }

    private void connectionLost(String cause) {
        LOG.infof("printer %s lost its connection: %s", printerId, cause);
        closeDriver();
        scheduleReconnect();
        lost(cause);
    }

    private void lost(String cause) {
        lastError = cause;
        if (live && !lostSent) {
            lostSent = uplink.send(new EdgeMessage.Lost(printerId, cause));
        }
    }

    @Override
    public void onIdentified(String serial, String certificateFingerprint) {
        LOG.infof("printer %s identified itself as serial %s; its certificate (SHA-256 %s) is the one trusted from"
                + " now on", printerId, serial, certificateFingerprint);
        endpoint = endpoint.identified(serial, certificateFingerprint);
        if (live) {
            uplink.send(new EdgeMessage.Identified(printerId, serial, certificateFingerprint));
        }
    }

    private void closeDriver() {
        PrinterDriver current = driver;
        driver = null;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                LOG.debugf("printer %s: closing its driver: %s", printerId, e.getMessage());
            }
        }
    }
}
