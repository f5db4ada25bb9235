package app.nozzly.printer.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

import org.jboss.logging.Logger;

import app.nozzly.printer.driver.DriverListener;
import app.nozzly.printer.driver.PrinterDriver;
import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.driver.PrinterState;

/**
 * Keeps one printer connected: its own single thread (a slow or silent printer never delays another),
 * reconnects with exponential backoff, probes a quiet printer and declares it offline when it has sent nothing
 * for {@code offlineAfter}. Every report passes the {@link TelemetryBounds} before anyone sees it.
 */
public final class PrinterConnection implements DriverListener {

    private static final Logger LOG = Logger.getLogger(PrinterConnection.class);

    private final LiveKey key;
    private final ScheduledExecutorService executor;
    private final BiFunction<ConnectionSettings, ScheduledExecutorService, PrinterDriver> drivers;
    private final SnapshotHandler handler;
    private final BooleanSupplier records;
    private final TelemetryGuard guard;
    private final Duration offlineAfter;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private volatile ConnectionSettings settings;
    private volatile PrinterDriver driver;
    private volatile PrinterSnapshot snapshot;
    private volatile String connectionStatus = "connecting";
    private volatile int connectionAttempts;
    private volatile Instant lastReportAt = Instant.now();
    private volatile String lastError;
    private Duration backoff;
    private Instant nextAttemptAt = Instant.now();
    private boolean probed;

    PrinterConnection(ConnectionSettings settings,
            BiFunction<ConnectionSettings, ScheduledExecutorService, PrinterDriver> drivers, SnapshotHandler handler,
            BooleanSupplier records, TelemetryGuard guard, Duration offlineAfter, Duration initialBackoff,
            Duration maxBackoff) {
        this.key = new LiveKey(settings.tenant(), settings.printerId());
        this.settings = settings;
        this.drivers = drivers;
        this.handler = handler;
        this.records = records;
        this.guard = guard;
        this.offlineAfter = offlineAfter;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.backoff = initialBackoff;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "printer-" + key.printerId());
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        executor.scheduleWithFixedDelay(this::tick, 0, 500, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            Instant now = Instant.now();
            if (driver == null && !now.isBefore(nextAttemptAt)) {
                connectOnce();
            }
            Duration silent = Duration.between(lastReportAt, now);
            if (driver != null && !probed && silent.compareTo(offlineAfter.dividedBy(2)) > 0) {
                probed = true;
                driver.refresh();
            }
            if (silent.compareTo(offlineAfter) > 0 && (snapshot == null || snapshot.state() != PrinterState.OFFLINE)) {
                LOG.warnf("tenant %s printer %s sent nothing for %s s: offline", key.tenant(), key.printerId(),
                        silent.toSeconds());
                closeDriver();
                scheduleReconnect();
                deliver(PrinterSnapshot.offline(snapshot));
            }
        } catch (RuntimeException e) {
            LOG.warnf("tenant %s printer %s: %s", key.tenant(), key.printerId(), e.getMessage());
        }
    }

    private void connectOnce() {
        connectionAttempts++;
        connectionStatus = "connecting";
        PrinterDriver candidate = null;
        try {
            candidate = drivers.apply(settings, executor);
            driver = candidate;
            candidate.connect(this);
            // the silence that counts towards offline starts now, not at the previous report
            lastReportAt = Instant.now();
            probed = false;
            connectionStatus = "connected";
            backoff = initialBackoff;
            lastError = null;
            LOG.infof("tenant %s printer %s connected", key.tenant(), key.printerId());
        } catch (RuntimeException e) {
            driver = null;
            if (candidate != null) {
                candidate.close();
            }
            lastError = e.getMessage();
            connectionStatus = "disconnected";
            LOG.infof("tenant %s printer %s: connect attempt %d failed: %s (next in %s s)", key.tenant(),
                    key.printerId(), connectionAttempts, e.getMessage(), backoff.toSeconds());
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        nextAttemptAt = Instant.now().plus(backoff);
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
    }

    @Override
    public void onReport(PrinterSnapshot report) {
        lastReportAt = Instant.now();
        probed = false;
        connectionAttempts = 0;
        deliver(report);
    }

    @Override
    public void onIdentified(String serial, String certificateFingerprint) {
        LOG.infof("tenant %s printer %s identified itself as serial %s; its certificate (SHA-256 %s) is the one"
                + " trusted from now on", key.tenant(), key.printerId(), serial, certificateFingerprint);
        settings = settings.identified(serial, certificateFingerprint);
        if (!records.getAsBoolean()) {
            return;
        }
        try {
            handler.onIdentified(key, serial, certificateFingerprint);
        } catch (RuntimeException e) {
            LOG.errorf(e, "tenant %s printer %s: storing its serial %s failed", key.tenant(), key.printerId(), serial);
        }
    }

    @Override
    public void onConnectionLost(String cause) {
        if (driver == null) {
            return;
        }
        LOG.infof("tenant %s printer %s lost its connection: %s", key.tenant(), key.printerId(), cause);
        lastError = cause;
        closeDriver();
        scheduleReconnect();
    }

    private void deliver(PrinterSnapshot report) {
        PrinterSnapshot previous = snapshot;
        PrinterSnapshot checked = guard.check(key, report);
        snapshot = checked;
        try {
            handler.onSnapshot(key, previous, checked, records.getAsBoolean());
        } catch (RuntimeException e) {
            LOG.errorf(e, "tenant %s printer %s: processing a report failed", key.tenant(), key.printerId());
        }
    }

    private void closeDriver() {
        PrinterDriver current = driver;
        driver = null;
        connectionStatus = "disconnected";
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                LOG.debugf("closing driver of %s: %s", key.printerId(), e.getMessage());
            }
        }
    }

    /** The connected driver, for commands and file transfers. */
    /** The settings this connection uses, with the serial and certificate it learned. */
    ConnectionSettings settings() {
        return settings;
    }

    public Optional<PrinterDriver> driver() {
        return Optional.ofNullable(driver);
    }

    public PrinterSnapshot snapshot() {
        return snapshot;
    }

    public String connectionStatus() {
        return connectionStatus;
    }

    public int connectionAttempts() {
        return connectionAttempts;
    }

    public String lastError() {
        return lastError;
    }

    public Instant lastReportAt() {
        return lastReportAt;
    }

    /** Runs work on this printer's own thread (file transfers, commands that must not overlap reports). */
    public ScheduledExecutorService executor() {
        return executor;
    }

    public void close() {
        executor.execute(this::closeDriver);
        executor.shutdown();
    }
}
