package app.nozzly.sim.prusa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

import app.nozzly.sim.Ports;
import app.nozzly.sim.PrintOutcome;
import app.nozzly.sim.SimulatedClock;
import app.nozzly.sim.SimulatedJob;
import app.nozzly.sim.StoredFile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A Prusa printer (Core One, MK4 ...) running PrusaLink: the v1 HTTP API of prusalink/openapi.yaml behind HTTP Digest
 * authentication, with prints that progress in accelerated time. See printer-simulators/README.md.
 */
public final class PrusaLinkSimulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PrusaLinkSimulator.class.getName());
    private static final double AMBIENT_CELSIUS = 24.0;
    private static final double HEATING_TIME_CONSTANT_SECONDS = 25.0;
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)([dhms])");
    static final String STORAGE = "usb";

    private final String model;
    private final String name;
    private final String serial;
    private final String username;
    private final String password;
    private final SimulatedClock clock;
    private final DigestAuthentication digest;
    private final Object lock = new Object();
    private final NavigableMap<String, StoredFile> files = new TreeMap<>();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService executor;
    private HttpServer server;
    private int port;
    private boolean closed;

    private SimulatedJob job;
    private int jobId = ThreadLocalRandom.current().nextInt(100, 1000);
    private String jobPath;
    private Duration stopLatency;
    private Instant stopAt;
    private JsonObject statusOverlay = new JsonObject();
    private JsonObject jobOverlay = new JsonObject();
    private Duration filePrintTime;
    private PrintOutcome fileOutcome;
    private double fileFilamentGrams;
    private double nozzle = AMBIENT_CELSIUS;
    private double bed = AMBIENT_CELSIUS;

    private PrusaLinkSimulator(Builder builder) {
        this.model = builder.model;
        this.name = builder.name != null ? builder.name : "Prusa " + builder.model;
        this.serial = builder.serial != null ? builder.serial
                : "SN" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        this.username = builder.username;
        this.password = builder.password;
        this.clock = new SimulatedClock(builder.timeScale);
        this.digest = new DigestAuthentication(username, password, builder.nonceLifetime);
        this.filePrintTime = builder.filePrintTime;
        this.fileOutcome = builder.fileOutcome;
        this.fileFilamentGrams = builder.fileFilamentGrams;
        this.stopLatency = builder.stopLatency;
        this.executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "prusalink-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        listen(builder.port);
        LOG.log(System.Logger.Level.INFO, "PrusaLink " + model + " " + serial + " listening on " + url());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Base URL, e.g. http://127.0.0.1:18800 . */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String serial() {
        return serial;
    }

    public String model() {
        return model;
    }

    /** Puts a file on a storage (only "usb" exists on Core One/MK4), path like "/bracket.bgcode". */
    public void addFile(String storage, String path, byte[] content) {
        requireStorage(storage);
        synchronized (lock) {
            String normalized = normalize(path);
            files.put(normalized, new StoredFile(normalized, content, Instant.now()));
        }
    }

    /** Every file on the USB drive. */
    public List<StoredFile> files() {
        synchronized (lock) {
            return List.copyOf(files.values());
        }
    }

    /** Starts a print as if started on the printer; the file need not exist on the USB drive. */
    public void startPrint(String fileName, Duration printTime, PrintOutcome outcome, double filamentGrams) {
        startPrint(fileName, printTime, outcome, filamentGrams, Duration.ZERO);
    }

    /**
     * Starts a print that has already run for {@code alreadyPrinted} (simulated time), as a client that connects
     * while the printer is busy finds it.
     */
    public void startPrint(String fileName, Duration printTime, PrintOutcome outcome, double filamentGrams,
            Duration alreadyPrinted) {
        synchronized (lock) {
            advance();
            requireIdle(fileName);
            begin(normalize(fileName), printTime, outcome, filamentGrams);
            job.advance(alreadyPrinted.toMillis() / 1000.0);
        }
    }

    /** Starts a print streamed over the serial line (USB from a host): PrusaLink shows a job without a file. */
    public void startSerialPrint(Duration printTime, PrintOutcome outcome, double filamentGrams) {
        synchronized (lock) {
            advance();
            requireIdle("a serial print");
            begin(null, printTime, outcome, filamentGrams);
        }
    }

    private void requireIdle(String what) {
        if (job != null && job.isActive()) {
            throw new IllegalStateException("printer " + serial + " cannot start " + what + ": busy printing "
                    + job.fileName());
        }
    }

    /**
     * How long (real time) a stopped job keeps being reported as printing, with the same job id, while the
     * printer finishes its moves and parks; zero (the default) stops at once.
     */
    public void stopLatency(Duration latency) {
        synchronized (lock) {
            this.stopLatency = Objects.requireNonNull(latency, "latency");
        }
    }

    /**
     * From now on /api/v1/status and /api/v1/job answer with these fields merged into their real values, as firmware
     * with a broken sensor or an overflowed counter does (e.g. {"printer": {"temp_nozzle": 42901129}});
     * {@link #reportTruthfully()} ends it.
     */
    public void corruptTelemetry(JsonObject status, JsonObject job) {
        synchronized (lock) {
            this.statusOverlay = status == null ? new JsonObject() : status.copy();
            this.jobOverlay = job == null ? new JsonObject() : job.copy();
        }
    }

    public void reportTruthfully() {
        corruptTelemetry(null, null);
    }

    /** How prints of files uploaded with Print-After-Upload or started by POST behave when the file carries no metadata. */
    public void fileJobs(Duration printTime, PrintOutcome outcome, double filamentGrams) {
        synchronized (lock) {
            this.filePrintTime = Objects.requireNonNull(printTime, "printTime");
            this.fileOutcome = Objects.requireNonNull(outcome, "outcome");
            this.fileFilamentGrams = filamentGrams;
        }
    }

    /** The printer.state of /api/v1/status: IDLE, PRINTING, PAUSED, FINISHED, STOPPED or ERROR. */
    public String state() {
        synchronized (lock) {
            advance();
            return printerState();
        }
    }

    /** Filament extruded by the current or last job so far, in grams. */
    public double filamentUsedGrams() {
        synchronized (lock) {
            advance();
            return job == null ? 0 : job.filamentUsedGrams();
        }
    }

    /** The printer drops off the network: the HTTP server stops and connections are refused; prints go on. */
    public void goOffline() {
        synchronized (lock) {
            if (server == null) {
                return;
            }
            server.stop(0);
            server = null;
        }
        LOG.log(System.Logger.Level.INFO, "PrusaLink " + serial + " went offline");
    }

    /** The printer answers again on the same port. */
    public void comeBack() {
        synchronized (lock) {
            if (server != null || closed) {
                return;
            }
            listen(port);
        }
        LOG.log(System.Logger.Level.INFO, "PrusaLink " + serial + " is back online");
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }
        executor.shutdownNow();
    }

    private void listen(int requestedPort) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 50);
            created.createContext("/", new PrusaLinkHandler(this, digest));
            created.setExecutor(executor);
            created.start();
            server = created;
            port = created.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("PrusaLink " + model + " cannot listen on port " + requestedPort, e);
        }
    }

    // ---- state used by the HTTP handler (always under the lock) ----

    Object lock() {
        return lock;
    }

    void advance() {
        double seconds = clock.takeElapsed();
        if (job != null) {
            job.advance(seconds);
            if (stopAt != null && !Instant.now().isBefore(stopAt)) {
                stopAt = null;
                job.stop();
            }
        }
        boolean heating = job != null && job.isActive();
        double approach = 1 - Math.exp(-seconds / HEATING_TIME_CONSTANT_SECONDS);
        nozzle += ((heating ? targetNozzle() : AMBIENT_CELSIUS) - nozzle) * approach;
        bed += ((heating ? targetBed() : AMBIENT_CELSIUS) - bed) * approach;
    }

    String printerState() {
        if (job == null) {
            return "IDLE";
        }
        return jobState();
    }

    private String jobState() {
        return switch (job.status()) {
            case RUNNING -> "PRINTING";
            case PAUSED -> "PAUSED";
            case FINISHED -> "FINISHED";
            case FAILED -> "ERROR";
            case STOPPED -> "STOPPED";
        };
    }

    private double targetNozzle() {
        return 215;
    }

    private double targetBed() {
        return 60;
    }

    JsonObject version() {
        return new JsonObject()
                .put("api", "2.0.0")
                .put("version", "2.1.2")
                .put("printer", "1.0.0")
                .put("text", "PrusaLink")
                .put("firmware", "6.2.4+8000")
                .put("sdk", "0.8.1")
                .put("hostname", hostname())
                .put("nozzle_diameter", 0.4)
                .put("capabilities", new JsonObject().put("upload-by-put", true));
    }

    JsonObject info() {
        return new JsonObject()
                .put("mmu", false)
                .put("name", name)
                .put("location", "")
                .put("farm_mode", false)
                .put("nozzle_diameter", 0.4)
                .put("min_extrusion_temp", 170)
                .put("serial", serial)
                .put("sd_ready", false)
                .put("active_camera", false)
                .put("hostname", hostname())
                .put("port", "")
                .put("network_error_chime", false);
    }

    private String hostname() {
        return "prusa-" + model.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    JsonObject status() {
        boolean active = job != null && job.isActive();
        JsonObject printer = new JsonObject()
                .put("state", printerState())
                .put("temp_nozzle", round1(nozzle))
                .put("target_nozzle", active ? targetNozzle() : 0.0)
                .put("temp_bed", round1(bed))
                .put("target_bed", active ? targetBed() : 0.0)
                .put("axis_z", job == null ? 0.0 : round1(job.progress() * 40))
                .put("flow", 100)
                .put("speed", 100)
                .put("fan_hotend", active ? 3500 : 0)
                .put("fan_print", active ? 5000 : 0);
        JsonObject status = new JsonObject()
                .put("storage", new JsonObject().put("path", "/" + STORAGE + "/").put("name", STORAGE)
                        .put("read_only", false))
                .put("printer", printer);
        if (job != null) {
            status.put("job", new JsonObject()
                    .put("id", jobId)
                    .put("progress", round1(job.progress() * 100))
                    .put("time_remaining", (long) job.remainingSeconds())
                    .put("time_printing", (long) job.elapsedSeconds()));
        }
        return merge(status, statusOverlay);
    }

    private static JsonObject merge(JsonObject target, JsonObject overlay) {
        for (Map.Entry<String, Object> field : overlay) {
            if (field.getValue() instanceof JsonObject nested && target.getValue(field.getKey()) instanceof JsonObject own) {
                merge(own, nested);
            } else {
                target.put(field.getKey(), field.getValue());
            }
        }
        return target;
    }

    /** The current job, or empty when the printer has none (answered 204). */
    Optional<JsonObject> job() {
        if (job == null) {
            return Optional.empty();
        }
        JsonObject body = new JsonObject()
                .put("id", jobId)
                .put("state", jobState())
                .put("progress", round1(job.progress() * 100))
                .put("time_remaining", (long) job.remainingSeconds())
                .put("time_printing", (long) job.elapsedSeconds())
                .put("inaccurate_estimates", false);
        if (jobPath == null) {
            body.put("serial_print", true);
            return Optional.of(merge(body, jobOverlay));
        }
        StoredFile file = files.get(jobPath);
        JsonObject meta = file == null ? new JsonObject() : meta(file);
        if (file == null) {
            meta.put("estimated_print_time", (long) job.printSeconds())
                    .put("filament used [g]", round2(job.filamentGrams()))
                    .put("filament_type", "PLA")
                    .put("temperature", (int) targetNozzle())
                    .put("bed_temperature", (int) targetBed());
        }
        body.put("file", new JsonObject()
                .put("name", jobPath.substring(jobPath.lastIndexOf('/') + 1))
                .put("display_name", jobPath.substring(jobPath.lastIndexOf('/') + 1))
                .put("path", "/" + STORAGE + parentOf(jobPath))
                .put("display_path", "/" + STORAGE.toUpperCase() + parentOf(jobPath))
                .put("size", file == null ? 0 : file.size())
                .put("m_timestamp", file == null ? Instant.now().getEpochSecond() : file.modified().getEpochSecond())
                .put("refs", refs(jobPath, file))
                .put("meta", meta));
        return Optional.of(merge(body, jobOverlay));
    }

    /** The file's metadata as PrusaLink types it (openapi.yaml PrintFileMetadata). */
    private static JsonObject meta(StoredFile file) {
        JsonObject meta = new JsonObject();
        PrusaPrintFile.read(file.name(), file.content()).metadata().forEach((key, value) -> {
            switch (key) {
                case "temperature", "bed_temperature", "brim_width" -> integer(value).ifPresent(v -> meta.put(key, v));
                case "layer_height", "nozzle_diameter", "max_layer_z", "filament used [g]", "filament used [mm]",
                        "filament used [cm3]", "filament cost" -> number(value).ifPresent(v -> meta.put(key, v));
                case "estimated printing time (normal mode)" -> {
                    meta.put(key, value);
                    Duration parsed = parseDuration(value);
                    if (!parsed.isZero()) {
                        meta.put("estimated_print_time", parsed.toSeconds());
                    }
                }
                default -> meta.put(key, value);
            }
        });
        return meta;
    }

    private static Optional<Integer> integer(String value) {
        return number(value).map(v -> (int) Math.round(v));
    }

    private static Optional<Double> number(String value) {
        try {
            return Optional.of(Double.parseDouble(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    int jobId() {
        return job == null ? -1 : jobId;
    }

    boolean hasJob() {
        return job != null;
    }

    boolean pauseJob() {
        return job.pause();
    }

    boolean resumeJob() {
        return job.resume();
    }

    boolean stopJob() {
        if (!job.isActive() || stopAt != null) {
            return false;
        }
        if (stopLatency.isZero()) {
            return job.stop();
        }
        stopAt = Instant.now().plus(stopLatency);
        return true;
    }

    boolean busy() {
        return job != null && job.isActive();
    }

    boolean isPrinting(String path) {
        return busy() && path.equals(jobPath);
    }

    /** The file's raw bytes, as its refs.download serves them. */
    Optional<byte[]> download(String path) {
        return file(path).map(StoredFile::content);
    }

    /** The file's smallest (icon) or largest (thumbnail) embedded PNG. */
    Optional<byte[]> thumbnail(String path, boolean large) {
        return file(path).flatMap(f -> {
            PrusaPrintFile print = PrusaPrintFile.read(f.name(), f.content());
            return large ? print.largest() : print.smallest();
        }).map(PrusaPrintFile.Thumbnail::png);
    }

    Optional<StoredFile> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    boolean isFolder(String path) {
        if (path.equals("/")) {
            return true;
        }
        String prefix = path + "/";
        String next = files.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    void putFile(String path, byte[] content) {
        files.put(path, new StoredFile(path, content, Instant.now()));
    }

    boolean deleteFile(String path) {
        return files.remove(path) != null;
    }

    int deleteFolder(String path) {
        String prefix = path + "/";
        List<String> doomed = new ArrayList<>(files.subMap(prefix, prefix + Character.MAX_VALUE).keySet());
        doomed.forEach(files::remove);
        return doomed.size();
    }

    /** Starts printing a stored file, reading its print time and filament from G-code metadata when present. */
    void printStoredFile(String path) {
        StoredFile file = files.get(path);
        Map<String, String> meta = PrusaPrintFile.read(file.name(), file.content()).metadata();
        Duration printTime = filePrintTime;
        double grams = fileFilamentGrams;
        Duration parsed = parseDuration(meta.getOrDefault("estimated printing time (normal mode)", ""));
        if (!parsed.isZero()) {
            printTime = parsed;
        }
        Optional<Double> used = number(meta.getOrDefault("filament used [g]", ""));
        if (used.isPresent()) {
            grams = used.get();
        }
        begin(path, printTime, fileOutcome, grams);
    }

    /** A file as a folder's children show it (PrintFileInfoBasic), or with its metadata (PrintFileInfo). */
    JsonObject fileInfo(StoredFile file, boolean detail) {
        JsonObject info = new JsonObject()
                .put("name", file.name())
                .put("display_name", file.name())
                .put("read_only", false)
                .put("size", file.size())
                .put("type", isPrintFile(file.name()) ? "PRINT_FILE" : "FILE")
                .put("m_timestamp", file.modified().getEpochSecond())
                .put("refs", refs(file.path(), file));
        if (detail && isPrintFile(file.name())) {
            info.put("meta", meta(file));
        }
        return info;
    }

    JsonObject folderInfo(String path) {
        String prefix = path.equals("/") ? "/" : path + "/";
        JsonArray children = new JsonArray();
        List<String> folders = new ArrayList<>();
        for (Map.Entry<String, StoredFile> entry : files.tailMap(prefix, true).entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            String rest = entry.getKey().substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                children.add(fileInfo(entry.getValue(), false));
            } else if (!folders.contains(rest.substring(0, slash))) {
                folders.add(rest.substring(0, slash));
                children.add(new JsonObject().put("name", rest.substring(0, slash))
                        .put("display_name", rest.substring(0, slash)).put("read_only", false)
                        .put("type", "FOLDER").put("m_timestamp", Instant.now().getEpochSecond()));
            }
        }
        return new JsonObject()
                .put("name", path.equals("/") ? STORAGE : path.substring(path.lastIndexOf('/') + 1))
                .put("display_name", path.equals("/") ? STORAGE.toUpperCase() : path.substring(path.lastIndexOf('/') + 1))
                .put("read_only", false)
                .put("type", "FOLDER")
                .put("m_timestamp", Instant.now().getEpochSecond())
                .put("children", children);
    }

    JsonObject storageList() {
        long used = files.values().stream().mapToLong(StoredFile::size).sum();
        long total = 32L * 1024 * 1024 * 1024;
        return new JsonObject().put("storage_list", new JsonArray().add(new JsonObject()
                .put("name", STORAGE)
                .put("type", "USB")
                .put("path", "/" + STORAGE)
                .put("print_files", used)
                .put("system_files", 0)
                .put("free_space", total - used)
                .put("total_space", total)
                .put("available", true)
                .put("read_only", false)));
    }

    /** A new job; a null path is a serial print. */
    private void begin(String path, Duration printTime, PrintOutcome outcome, double filamentGrams) {
        String name = path == null ? "serial print" : path.substring(path.lastIndexOf('/') + 1);
        job = new SimulatedJob(name, printTime, outcome, filamentGrams);
        jobPath = path;
        stopAt = null;
        jobId++;
        LOG.log(System.Logger.Level.INFO, "PrusaLink " + serial + ": job " + jobId + " started: " + name);
    }

    private static boolean isPrintFile(String fileName) {
        String lower = fileName.toLowerCase();
        return lower.endsWith(".gcode") || lower.endsWith(".bgcode") || lower.endsWith(".gco") || lower.endsWith(".g");
    }

    /** Where the printer serves the file and its thumbnails (answered by {@link PrusaLinkHandler}). */
    private static JsonObject refs(String path, StoredFile file) {
        JsonObject refs = new JsonObject().put("download", "/" + STORAGE + path);
        if (file != null && !PrusaPrintFile.read(file.name(), file.content()).thumbnails().isEmpty()) {
            refs.put("icon", "/thumb/s/" + STORAGE + path).put("thumbnail", "/thumb/l/" + STORAGE + path);
        }
        return refs;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }

    static Duration parseDuration(String text) {
        Duration duration = Duration.ZERO;
        Matcher part = DURATION_PART.matcher(text);
        while (part.find()) {
            long value = Long.parseLong(part.group(1));
            duration = duration.plus(switch (part.group(2)) {
                case "d" -> Duration.ofDays(value);
                case "h" -> Duration.ofHours(value);
                case "m" -> Duration.ofMinutes(value);
                default -> Duration.ofSeconds(value);
            });
        }
        return duration;
    }

    /** Absolute path inside the storage without trailing slash; "/" for the root. */
    static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new IllegalArgumentException("path must not leave the storage: " + path);
            }
            parts.add(part);
        }
        return "/" + String.join("/", parts);
    }

    private static void requireStorage(String storage) {
        if (!STORAGE.equals(storage)) {
            throw new IllegalArgumentException("unknown storage " + storage + ": the printer has only " + STORAGE);
        }
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Configures and starts a simulated PrusaLink printer. */
    public static final class Builder {
        private String model = "Core One";
        private String name;
        private String serial;
        private String username = "maker";
        private String password = "secret";
        private int port;
        private double timeScale = 60.0;
        private Duration nonceLifetime = Duration.ofMinutes(5);
        private Duration filePrintTime = Duration.ofMinutes(30);
        private PrintOutcome fileOutcome = PrintOutcome.FINISH;
        private double fileFilamentGrams = 15.0;
        private Duration stopLatency = Duration.ZERO;

        private Builder() {
        }

        /** How long (real time) a stopped job is still reported as printing (default zero). */
        public Builder stopLatency(Duration stopLatency) {
            this.stopLatency = Objects.requireNonNull(stopLatency, "stopLatency");
            return this;
        }

        public Builder model(String model) {
            this.model = requireText(model, "model");
            return this;
        }

        /** The printer name of /api/v1/info (default "Prusa " + model). */
        public Builder name(String name) {
            this.name = requireText(name, "name");
            return this;
        }

        public Builder serial(String serial) {
            this.serial = requireText(serial, "serial");
            return this;
        }

        public Builder username(String username) {
            this.username = requireText(username, "username");
            return this;
        }

        public Builder password(String password) {
            this.password = requireText(password, "password");
            return this;
        }

        /** 0 = a free port. */
        public Builder port(int port) {
            this.port = Ports.require(port);
            return this;
        }

        /** 1 real second = timeScale simulated seconds. */
        public Builder timeScale(double timeScale) {
            this.timeScale = SimulatedClock.requireTimeScale(timeScale);
            return this;
        }

        /** How long (real time) a Digest nonce stays valid before answers to it get 401 stale=true. */
        public Builder nonceLifetime(Duration nonceLifetime) {
            if (nonceLifetime == null || nonceLifetime.isNegative() || nonceLifetime.isZero()) {
                throw new IllegalArgumentException("nonceLifetime must be positive");
            }
            this.nonceLifetime = nonceLifetime;
            return this;
        }

        /** How uploaded prints behave when their G-code carries no time/filament metadata. */
        public Builder fileJobs(Duration printTime, PrintOutcome outcome, double filamentGrams) {
            this.filePrintTime = Objects.requireNonNull(printTime, "printTime");
            this.fileOutcome = Objects.requireNonNull(outcome, "outcome");
            this.fileFilamentGrams = filamentGrams;
            return this;
        }

        public PrusaLinkSimulator start() {
            return new PrusaLinkSimulator(this);
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }
    }
}
