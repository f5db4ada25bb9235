package app.nozzly.printer.files.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.persistence.TransactionEnd;
import app.nozzly.platform.tenancy.TenantContext;
import app.nozzly.printer.api.Pagination;
import app.nozzly.printer.config.PrinterConfig;
import app.nozzly.printer.driver.PrintFileMetadata;
import app.nozzly.printer.driver.PrinterCommandException;
import app.nozzly.printer.driver.PrinterDriver;
import app.nozzly.printer.driver.RemoteFile;
import app.nozzly.printer.errors.ApiException;
import app.nozzly.printer.files.FileStatus;
import app.nozzly.printer.files.PrinterFile;
import app.nozzly.printer.files.repository.PrinterFileRepository;
import app.nozzly.printer.files.repository.PrinterFileRepository.Filter;
import app.nozzly.printer.files.repository.PrinterFileRepository.Totals;
import app.nozzly.printer.jobs.PrintJob;
import app.nozzly.printer.jobs.repository.PrintJobRepository;
import app.nozzly.printer.live.ConnectionManager;
import app.nozzly.printer.live.PrinterConnection;
import app.nozzly.printer.live.TelemetryBounds;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.printers.repository.PrinterRepository;
import app.nozzly.printer.ws.LiveSocket;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * specs/003 File Management: the unified list of printer and local files, downloads from printers (FTPS, PrusaLink)
 * to local storage with progress and checksums, uploads of local copies to printers, deletion of local copies and
 * cleanup. A print file's slicer metadata and preview are read once per version of the file: from the printer when
 * it tells them (PrusaLink), else from the file's own bytes. Transfers run on their own small pool so they never
 * hold up a printer's status reports.
 */
@ApplicationScoped
public class FileService {

    private static final Logger LOG = Logger.getLogger(FileService.class);
    private static final Set<String> PRINT_FILES = Set.of(".3mf", ".gcode", ".bgcode", ".gco", ".g", ".bgc");

    /** Progress of one running download, readable while it runs. */
    public record Progress(String downloadId, String fileId, long bytesTotal, Instant startedAt, long bytesDone) {
    }

    /** One page of GET /files with the names of the printers on it and the tenant's totals. */
    public record Page(List<PrinterFile> files, long total, Map<String, String> printerNames, Totals totals) {
    }

    /** GET /files/{id}: the file, its printer's name and the jobs that printed it. */
    public record Detail(PrinterFile file, String printerName, List<PrintJob> relatedJobs) {
    }

    /** The result of one cleanup: freed bytes and the ids that could not be cleaned with the reason. */
    public record Cleanup(int cleaned, long bytesFreed, Map<String, String> failed) {
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
    TransactionSynchronizationRegistry transaction;

    @Inject
    TenantContext tenants;

    @Inject
    PrinterConfig config;

    @Inject
    LiveSocket socket;

    @Inject
    PrinterFileRepository files;

    @Inject
    PrinterRepository printers;

    @Inject
    PrintJobRepository jobs;

    @PreDestroy
    void stop() {
        transfers.shutdownNow();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page page(Filter filter, int page, int limit) {
        List<PrinterFile> found = files.page(filter, Pagination.offset(page, limit), limit);
        Map<String, String> names = printers.namesOf(found.stream().map(f -> f.printerId)
                .filter(id -> id != null).distinct().toList());
        return new Page(found, files.count(filter), names, files.totals());
    }

    /** A file's detail; reading it counts as an access (cleanup spares recently used files). */
    @Transactional
    public Detail detail(String id) {
        PrinterFile file = find(id);
        file.lastAccessed = Instant.now();
        String printerName = file.printerId == null ? null
                : printers.byId(file.printerId).map(p -> p.name).orElse(null);
        List<PrintJob> related = file.printerId == null ? List.of() : jobs.ofFile(file.printerId, file.filename);
        return new Detail(file, printerName, related);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PrinterFile find(String id) {
        return files.byId(id).orElseThrow(() -> new ApiException(404, "FILE_NOT_FOUND", "file " + id + " not found",
                Map.of("file_id", id)));
    }

    /** The file's plate preview (PNG). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] preview(String id) {
        PrinterFile file = find(id);
        if (file.thumbnail == null) {
            throw new ApiException(404, "FILE_NOT_FOUND", "file " + id + " has no preview", Map.of("file_id", id));
        }
        return file.thumbnail;
    }

    // ---- the printers' files ----

    /** Reads a printer's file list in the background, records new or changed files and reads their metadata. */
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
        PrinterDriver driver = driverOf(tenant, printerId);
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
        List<PrinterFile> unread = tenants.callAs(tenant, () -> QuarkusTransaction.requiringNew().call(() -> {
            for (RemoteFile file : remote) {
                record(printerId, file);
            }
            return files.unread(printerId);
        }));
        for (PrinterFile file : unread) {
            describe(tenant, printerId, driver, file.id, file.printerPath, file.filename, file.fileSize);
        }
    }

    private void record(String printerId, RemoteFile remote) {
        PrinterFile row = files.onPrinter(printerId, remote.path()).orElse(null);
        boolean isNew = row == null;
        if (isNew) {
            row = new PrinterFile();
            row.id = "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            row.printerId = printerId;
            row.printerPath = remote.path();
            row.status = FileStatus.AVAILABLE;
            row.createdAt = Instant.now();
        } else if (row.fileSize != remote.size() || remote.modifiedAt() != null
                && !remote.modifiedAt().equals(row.createdOnPrinter)) {
            // another version of the file: what was read from the old one no longer holds
            row.metadataReadAt = null;
        }
        row.filename = remote.name();
        row.fileSize = remote.size();
        row.fileType = typeOf(remote.name());
        row.createdOnPrinter = remote.modifiedAt();
        if (row.lastAccessed == null) {
            row.lastAccessed = remote.modifiedAt() != null ? remote.modifiedAt() : Instant.now();
        }
        if (isNew) {
            files.persist(row);
        }
    }

    /** Reads a printer file's metadata and preview: as the printer tells them, else from the file's bytes. */
    private void describe(String tenant, String printerId, PrinterDriver driver, String fileId, String path,
            String name, long size) {
        PrintFileMetadata metadata = PrintFileMetadata.NONE;
        byte[] thumbnail = null;
        Hashes hashes = null;
        if (PRINT_FILES.contains(typeOf(name))) {
            try {
                RemoteFile.Description told = driver.describe(path).orElse(null);
                if (told != null) {
                    metadata = told.metadata();
                    thumbnail = told.thumbnail();
                } else if (size <= config.files().readLimit().asLongValue()) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    Hashing hashing = new Hashing(bytes);
                    driver.download(path, hashing, done -> { });
                    PrintFileReader.Contents contents = PrintFileReader.read(name, bytes.toByteArray());
                    metadata = contents.metadata();
                    thumbnail = contents.thumbnail();
                    hashes = hashing.hashes();
                }
            } catch (PrinterCommandException e) {
                LOG.warnf("tenant %s printer %s: metadata of %s unavailable: %s", tenant, printerId, path,
                        e.getMessage());
                return;
            }
        }
        PrintFileMetadata bounded = bounded(tenant, printerId, path, metadata);
        byte[] preview = thumbnail;
        Hashes read = hashes;
        tenants.runAs(tenant, () -> QuarkusTransaction.requiringNew().run(() -> files.byId(fileId).ifPresent(file -> {
            file.metadata = bounded.isEmpty() ? null : bounded;
            file.thumbnail = preview;
            file.metadataReadAt = Instant.now();
            if (read != null) {
                file.checksum = read.md5();
                file.sha256 = read.sha256();
            }
        })));
    }

    private static PrintFileMetadata bounded(String tenant, String printerId, String path, PrintFileMetadata metadata) {
        List<String> rejected = new ArrayList<>();
        PrintFileMetadata bounded = TelemetryBounds.metadata(metadata, rejected);
        if (!rejected.isEmpty()) {
            LOG.warnf("tenant %s printer %s: file %s carries impossible metadata, ignored: %s", tenant, printerId,
                    path, String.join(", ", rejected));
        }
        return bounded;
    }

    static String typeOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(dot).toLowerCase(Locale.ROOT);
    }

    private PrinterDriver driverOf(String tenant, String printerId) {
        return connections.connection(tenant, printerId).flatMap(PrinterConnection::driver).orElse(null);
    }

    private PrinterDriver requireDriver(String tenant, String printerId) {
        PrinterDriver driver = driverOf(tenant, printerId);
        if (driver == null) {
            Map<String, Object> details = new HashMap<>();
            details.put("printer_id", printerId);
            printers.byId(printerId).map(p -> p.lastSeen).ifPresent(seen -> details.put("last_seen", seen));
            throw new ApiException(503, "PRINTER_OFFLINE", "printer " + printerId + " is currently offline", details);
        }
        return driver;
    }

    // ---- downloads ----

    /** Starts copying a printer file to local storage; answers at once with the download id. */
    @Transactional
    public PrinterFile startDownload(String id) {
        PrinterFile file = find(id);
        if (file.printerId == null || file.printerPath == null) {
            throw new ApiException(409, "VALIDATION_ERROR", "file " + id + " is local and has nothing to download");
        }
        if (file.status == FileStatus.DOWNLOADING) {
            throw new ApiException(409, "DOWNLOAD_IN_PROGRESS", "file " + id + " is already downloading",
                    Map.of("download_id", file.downloadId));
        }
        if (active.get() >= config.rateLimit().concurrentDownloads()) {
            throw new ApiException(429, "RATE_LIMIT_EXCEEDED", "at most " + config.rateLimit().concurrentDownloads()
                    + " concurrent downloads");
        }
        String tenant = tenants.require();
        PrinterDriver driver = requireDriver(tenant, file.printerId);
        file.status = FileStatus.DOWNLOADING;
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
        // the transfer starts once "downloading" is committed, so that commit can never overwrite its outcome
        TransactionEnd.afterOutcome(transaction,
                () -> transfers.execute(() -> download(tenant, driver, fileId, printerId, remotePath, name, progress)),
                () -> {
                    active.decrementAndGet();
                    running.remove(fileId);
                });
        return file;
    }

    @ActivateRequestContext
    void download(String tenant, PrinterDriver driver, String fileId, String printerId, String remotePath, String name,
            Progress started) {
        Path target = Path.of(config.files().storageDir(), tenant, printerId, name).toAbsolutePath();
        LOG.infof("tenant %s printer %s: downloading %s (file %s)", tenant, printerId, remotePath, fileId);
        String error = null;
        long bytes = 0;
        Hashes hashes = null;
        try {
            Files.createDirectories(target.getParent());
            try (Hashing out = new Hashing(Files.newOutputStream(target))) {
                long[] last = { 0 };
                driver.download(remotePath, out, done -> {
                    running.put(fileId, new Progress(started.downloadId(), fileId, started.bytesTotal(),
                            started.startedAt(), done));
                    if (done - last[0] > 256 * 1024) {
                        last[0] = done;
                        socket.send(tenant, "file_update", Map.of("file_id", fileId, "status",
                                FileStatus.DOWNLOADING.value(), "bytes_downloaded", done, "bytes_total",
                                started.bytesTotal()));
                    }
                });
                hashes = out.hashes();
            }
            bytes = Files.size(target);
        } catch (IOException | PrinterCommandException e) {
            error = e.getMessage();
            LOG.warnf("tenant %s printer %s: download of %s failed: %s", tenant, printerId, remotePath, error);
        } finally {
            active.decrementAndGet();
        }
        PrintFileReader.Contents contents = error == null && bytes <= config.files().readLimit().asLongValue()
                ? readLocal(target, name) : null;
        String failure = error;
        long size = bytes;
        Hashes downloaded = hashes;
        tenants.runAs(tenant, () -> QuarkusTransaction.requiringNew().run(() -> files.byId(fileId).ifPresent(file -> {
            if (failure != null) {
                file.status = FileStatus.ERROR;
                file.downloadError = failure;
                return;
            }
            file.status = FileStatus.DOWNLOADED;
            file.localPath = target.toString();
            file.downloadedAt = Instant.now();
            file.lastAccessed = file.downloadedAt;
            file.bytesDownloaded = size;
            file.fileSize = size;
            file.checksum = downloaded.md5();
            file.sha256 = downloaded.sha256();
            if (contents != null && (file.metadata == null || file.thumbnail == null)) {
                PrintFileMetadata bounded = bounded(tenant, printerId, remotePath, contents.metadata());
                file.metadata = file.metadata != null || bounded.isEmpty() ? file.metadata : bounded;
                file.thumbnail = file.thumbnail != null ? file.thumbnail : contents.thumbnail();
                file.metadataReadAt = Instant.now();
            }
        })));
        running.remove(fileId);
        if (error == null) {
            LOG.infof("tenant %s printer %s: downloaded %s (file %s, %d bytes)", tenant, printerId, remotePath, fileId,
                    bytes);
        }
        socket.send(tenant, "file_update", Map.of("file_id", fileId, "status",
                (error == null ? FileStatus.DOWNLOADED : FileStatus.ERROR).value(), "bytes_downloaded", bytes));
    }

    private static PrintFileReader.Contents readLocal(Path copy, String name) {
        try {
            return PrintFileReader.read(name, Files.readAllBytes(copy));
        } catch (IOException e) {
            return null;
        }
    }

    /** GET /files/{id}/download/status: the file and how far its (last) download got. */
    public record DownloadProgress(PrinterFile file, Progress progress) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DownloadProgress downloadProgress(String id) {
        PrinterFile file = find(id);
        if (file.downloadId == null) {
            throw new ApiException(404, "FILE_NOT_FOUND", "file " + id + " has never been downloaded",
                    Map.of("file_id", id));
        }
        Progress live = running.get(file.id);
        return new DownloadProgress(file, live != null ? live
                : new Progress(file.downloadId, file.id, file.fileSize, file.downloadStartedAt, file.bytesDownloaded));
    }

    // ---- uploads ----

    /**
     * Sends a file's local copy to a printer (its own when none is named) and records it there; the printer's next
     * file list confirms it.
     */
    @Transactional
    public PrinterFile upload(String id, String printerId) {
        PrinterFile file = find(id);
        if (file.localPath == null) {
            throw new ApiException(409, "FILE_NOT_FOUND", "file " + id + " has no local copy to upload; download it"
                    + " first", Map.of("file_id", id));
        }
        String target = printerId != null ? printerId : file.printerId;
        if (target == null) {
            throw ApiProblem.badRequest("printer_id is required to upload a local file");
        }
        Printer printer = printers.byId(target).orElseThrow(() -> new ApiException(404, "PRINTER_NOT_FOUND",
                "printer " + target + " not found", Map.of("printer_id", target)));
        PrinterDriver driver = requireDriver(tenants.require(), printer.id);
        byte[] content;
        try {
            content = Files.readAllBytes(Path.of(file.localPath));
        } catch (IOException e) {
            throw new ApiException(500, "FILE_NOT_FOUND", "local copy of " + id + " cannot be read: " + e.getMessage());
        }
        String path = printer.id.equals(file.printerId) && file.printerPath != null ? file.printerPath
                : driver.uploadPath(file.filename);
        try {
            driver.upload(path, content);
        } catch (PrinterCommandException e) {
            throw new ApiException(502, "PRINTER_COMMUNICATION_ERROR", "printer " + printer.id
                    + " did not accept " + file.filename + ": " + e.getMessage(), Map.of("printer_id", printer.id));
        }
        Instant now = Instant.now();
        PrinterFile stored = files.onPrinter(printer.id, path).orElse(null);
        if (stored == null) {
            stored = new PrinterFile();
            stored.id = "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            stored.printerId = printer.id;
            stored.printerPath = path;
            stored.filename = file.filename;
            stored.fileType = file.fileType;
            stored.status = FileStatus.AVAILABLE;
            stored.createdAt = now;
            stored.metadata = file.metadata;
            stored.thumbnail = file.thumbnail;
            stored.metadataReadAt = file.metadataReadAt;
            files.persist(stored);
        }
        stored.fileSize = content.length;
        stored.createdOnPrinter = now;
        stored.lastAccessed = now;
        stored.checksum = file.checksum;
        stored.sha256 = file.sha256;
        LOG.infof("tenant %s: file %s uploaded to printer %s as %s", tenants.require(), id, printer.id, path);
        return stored;
    }

    // ---- local copies ----

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

    private void removeLocal(PrinterFile file) {
        try {
            Files.deleteIfExists(Path.of(file.localPath));
        } catch (IOException e) {
            throw new ApiException(500, "DATABASE_ERROR", "local copy of " + file.id + " could not be deleted: "
                    + e.getMessage());
        }
        file.localPath = null;
        file.downloadedAt = null;
        if (file.printerId == null) {
            files.delete(file);
        } else {
            file.status = FileStatus.AVAILABLE;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PrinterFile> cleanupCandidates(Integer olderThanDays, Integer minSizeMb, boolean unusedOnly) {
        return files.cleanupCandidates(olderThanDays, minSizeMb, unusedOnly);
    }

    /** POST /files/cleanup: deletes the local copies of the named files, which the caller confirmed. */
    @Transactional
    public Cleanup cleanup(List<String> ids) {
        int cleaned = 0;
        long freed = 0;
        Map<String, String> failed = new LinkedHashMap<>();
        Map<String, PrinterFile> found = new HashMap<>();
        files.byIds(ids).forEach(f -> found.put(f.id, f));
        for (String id : ids) {
            PrinterFile file = found.get(id);
            if (file == null || file.localPath == null) {
                failed.put(id, file == null ? "FILE_NOT_FOUND" : "no local copy");
                continue;
            }
            long size = file.fileSize;
            removeLocal(file);
            cleaned++;
            freed += size;
        }
        return new Cleanup(cleaned, freed, failed);
    }

    // ---- hashing ----

    /** specs/003 checksums of a file's content: file "checksum" (md5) and the job's file_info.hash (sha256). */
    record Hashes(String md5, String sha256) {
    }

    /** Passes bytes through to another stream while hashing them. */
    private static final class Hashing extends OutputStream {

        private final DigestOutputStream md5;
        private final MessageDigest sha256;

        Hashing(OutputStream target) {
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
                this.md5 = new DigestOutputStream(target, MessageDigest.getInstance("MD5"));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("MD5 and SHA-256 are always available", e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            md5.write(b);
            sha256.update((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            md5.write(bytes, offset, length);
            sha256.update(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            md5.close();
        }

        Hashes hashes() {
            return new Hashes("md5:" + HexFormat.of().formatHex(md5.getMessageDigest().digest()),
                    "sha256:" + HexFormat.of().formatHex(sha256.digest()));
        }
    }
}
