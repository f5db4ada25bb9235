package app.nozzly.printer.files.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.config.PrinterConfig;
import app.nozzly.printer.driver.PrinterCommandException;
import app.nozzly.printer.driver.PrinterDriver;
import app.nozzly.printer.driver.RemoteFile;
import app.nozzly.printer.errors.ApiException;
import app.nozzly.printer.files.PrinterFile;
import app.nozzly.printer.live.ConnectionManager;
import app.nozzly.printer.live.PrinterConnection;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.ws.LiveSocket;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * specs/003 File Management: the unified list of printer and local files, downloads from printers (FTPS, PrusaLink)
 * to local storage with progress, deletion of local copies and cleanup. Transfers run on their own small pool so
 * they never hold up a printer's status reports.
 */
@ApplicationScoped
public class FileService {

    private static final Logger LOG = Logger.getLogger(FileService.class);

    /** Progress of one running download, readable while it runs. */
    public record Progress(String downloadId, String fileId, long bytesTotal, Instant startedAt, long bytesDone) {
    }

    private final Map<String, Progress> running = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private final ExecutorService transfers = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "printer-file-transfer");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    ConnectionManager connections;

    @Inject
    TenantContext tenants;

    @Inject
    PrinterConfig config;

    @Inject
    LiveSocket socket;

    @PreDestroy
    void stop() {
        transfers.shutdownNow();
    }

    /** Reads a printer's file list in the background and records new or changed files. */
    public void syncLater(String tenant, String printerId) {
        transfers.execute(() -> {
            try {
                sync(tenant, printerId);
            } catch (RuntimeException e) {
                LOG.errorf(e, "tenant %s printer %s: recording the printer's files failed", tenant, printerId);
            }
        });
    }

    @ActivateRequestContext
    void sync(String tenant, String printerId) {
        PrinterDriver driver = connections.connection(tenant, printerId).flatMap(PrinterConnection::driver).orElse(null);
        if (driver == null) {
            return;
        }
        List<RemoteFile> remote;
        try {
            remote = driver.listFiles();
        } catch (PrinterCommandException e) {
            LOG.warnf("tenant %s printer %s: file list unavailable: %s", tenant, printerId, e.getMessage());
            return;
        }
        tenants.runAs(tenant, () -> QuarkusTransaction.requiringNew().run(() -> {
            for (RemoteFile file : remote) {
                PrinterFile row = PrinterFile.<PrinterFile> find("printerId = ?1 and printerPath = ?2", printerId,
                        file.path()).firstResult();
                if (row == null) {
                    row = new PrinterFile();
                    row.id = "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                    row.printerId = printerId;
                    row.printerPath = file.path();
                    row.status = PrinterFile.AVAILABLE;
                    row.createdAt = Instant.now();
                }
                row.filename = file.name();
                row.fileSize = file.size();
                row.fileType = typeOf(file.name());
                row.createdOnPrinter = file.modifiedAt();
                if (row.lastAccessed == null) {
                    row.lastAccessed = file.modifiedAt() != null ? file.modifiedAt() : Instant.now();
                }
                if (!row.isPersistent()) {
                    row.persist();
                }
            }
        }));
    }

    static String typeOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(dot).toLowerCase(Locale.ROOT);
    }

    @Transactional
    public PrinterFile find(String id) {
        PrinterFile file = PrinterFile.findById(id);
        if (file == null) {
            throw new ApiException(404, "FILE_NOT_FOUND", "file " + id + " not found", Map.of("file_id", id));
        }
        return file;
    }

    @Transactional
    public PrinterFile touch(String id) {
        PrinterFile file = find(id);
        file.lastAccessed = Instant.now();
        return file;
    }

    /** Starts copying a printer file to local storage; answers at once with the download id. */
    @Transactional
    public PrinterFile startDownload(String id) {
        PrinterFile file = find(id);
        if (file.printerId == null || file.printerPath == null) {
            throw new ApiException(409, "VALIDATION_ERROR", "file " + id + " is local and has nothing to download");
        }
        if (PrinterFile.DOWNLOADING.equals(file.status)) {
            throw new ApiException(409, "DOWNLOAD_IN_PROGRESS", "file " + id + " is already downloading",
                    Map.of("download_id", file.downloadId));
        }
        if (active.get() >= config.rateLimit().concurrentDownloads()) {
            throw new ApiException(429, "RATE_LIMIT_EXCEEDED", "at most " + config.rateLimit().concurrentDownloads()
                    + " concurrent downloads");
        }
        String tenant = tenants.require();
        PrinterDriver driver = connections.connection(tenant, file.printerId).flatMap(PrinterConnection::driver)
                .orElseThrow(() -> {
                    Printer printer = Printer.findById(file.printerId);
                    Map<String, Object> details = new HashMap<>();
                    details.put("printer_id", file.printerId);
                    details.put("last_seen", printer == null ? null : printer.lastSeen);
                    return new ApiException(503, "PRINTER_OFFLINE", "printer " + file.printerId + " is currently offline",
                            details);
                });
        file.status = PrinterFile.DOWNLOADING;
        file.downloadId = "dl_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        file.downloadStartedAt = Instant.now();
        file.downloadAttempts++;
        file.bytesDownloaded = 0;
        file.downloadError = null;
        Progress progress = new Progress(file.downloadId, file.id, file.fileSize, file.downloadStartedAt, 0);
        running.put(file.id, progress);
        String fileId = file.id;
        String printerId = file.printerId;
        String remotePath = file.printerPath;
        String name = file.filename;
        active.incrementAndGet();
        transfers.execute(() -> download(tenant, driver, fileId, printerId, remotePath, name, progress));
        return file;
    }

    @ActivateRequestContext
    void download(String tenant, PrinterDriver driver, String fileId, String printerId, String remotePath, String name,
            Progress started) {
        Path target = Path.of(config.files().storageDir(), tenant, printerId, name).toAbsolutePath();
        String error = null;
        long bytes = 0;
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target)) {
                long[] last = { 0 };
                driver.download(remotePath, out, done -> {
                    running.put(fileId, new Progress(started.downloadId(), fileId, started.bytesTotal(), started.startedAt(), done));
                    if (done - last[0] > 256 * 1024) {
                        last[0] = done;
                        socket.send(tenant, "file_update", Map.of("file_id", fileId, "status", PrinterFile.DOWNLOADING,
                                "bytes_downloaded", done, "bytes_total", started.bytesTotal()));
                    }
                });
            }
            bytes = Files.size(target);
        } catch (IOException | PrinterCommandException e) {
            error = e.getMessage();
            LOG.warnf("tenant %s printer %s: download of %s failed: %s", tenant, printerId, remotePath, error);
        } finally {
            active.decrementAndGet();
        }
        String failure = error;
        long size = bytes;
        tenants.runAs(tenant, () -> QuarkusTransaction.requiringNew().run(() -> {
            PrinterFile file = PrinterFile.findById(fileId);
            if (file == null) {
                return;
            }
            if (failure == null) {
                file.status = PrinterFile.DOWNLOADED;
                file.localPath = target.toString();
                file.downloadedAt = Instant.now();
                file.lastAccessed = file.downloadedAt;
                file.bytesDownloaded = size;
                file.fileSize = size;
            } else {
                file.status = PrinterFile.ERROR;
                file.downloadError = failure;
            }
        }));
        running.remove(fileId);
        socket.send(tenant, "file_update", Map.of("file_id", fileId, "status",
                error == null ? PrinterFile.DOWNLOADED : PrinterFile.ERROR, "bytes_downloaded", bytes));
    }

    public Progress progress(PrinterFile file) {
        Progress live = running.get(file.id);
        if (live != null) {
            return live;
        }
        return new Progress(file.downloadId, file.id, file.fileSize, file.downloadStartedAt, file.bytesDownloaded);
    }

    /** Deletes the local copy; a printer file stays listed as available. */
    @Transactional
    public PrinterFile deleteLocal(String id) {
        PrinterFile file = find(id);
        if (file.localPath == null) {
            throw new ApiException(409, "FILE_NOT_FOUND", "file " + id + " has no local copy", Map.of("file_id", id));
        }
        removeLocal(file);
        return file;
    }

    private static void removeLocal(PrinterFile file) {
        try {
            Files.deleteIfExists(Path.of(file.localPath));
        } catch (IOException e) {
            throw new ApiException(500, "DATABASE_ERROR", "local copy of " + file.id + " could not be deleted: " + e.getMessage());
        }
        file.localPath = null;
        file.downloadedAt = null;
        if (file.printerId == null) {
            file.delete();
        } else {
            file.status = PrinterFile.AVAILABLE;
        }
    }

    @Transactional
    public List<PrinterFile> cleanupCandidates(Integer olderThanDays, Integer minSizeMb, Boolean unusedOnly) {
        StringBuilder where = new StringBuilder("localPath is not null");
        Map<String, Object> params = new HashMap<>();
        if (olderThanDays != null) {
            where.append(" and coalesce(downloadedAt, createdAt) < :before");
            params.put("before", Instant.now().minus(Duration.ofDays(olderThanDays)));
        }
        if (minSizeMb != null) {
            where.append(" and fileSize >= :size");
            params.put("size", minSizeMb * 1024L * 1024L);
        }
        if (Boolean.TRUE.equals(unusedOnly)) {
            where.append(" and (lastAccessed is null or lastAccessed < :unused)");
            params.put("unused", Instant.now().minus(Duration.ofDays(7)));
        }
        return PrinterFile.list(where + " order by fileSize desc, id", params);
    }

    /** Result of one cleanup: freed bytes and the ids that could not be cleaned with the reason. */
    public record Cleanup(int cleaned, long bytesFreed, List<Map<String, String>> failed) {
    }

    @Transactional
    public Cleanup cleanup(List<String> ids) {
        int cleaned = 0;
        long freed = 0;
        List<Map<String, String>> failed = new java.util.ArrayList<>();
        for (String id : ids) {
            PrinterFile file = PrinterFile.findById(id);
            if (file == null || file.localPath == null) {
                failed.add(Map.of("id", id, "error", file == null ? "FILE_NOT_FOUND" : "no local copy"));
                continue;
            }
            long size = file.fileSize;
            removeLocal(file);
            cleaned++;
            freed += size;
        }
        return new Cleanup(cleaned, freed, failed);
    }
}
