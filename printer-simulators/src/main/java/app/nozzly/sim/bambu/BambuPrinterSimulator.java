package app.nozzly.sim.bambu;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import app.nozzly.sim.Ports;
import app.nozzly.sim.PrintOutcome;
import app.nozzly.sim.SimulatedClock;
import app.nozzly.sim.StoredFile;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A Bambu Lab printer on the LAN: MQTT 3.1.1 over TLS (server certificate CN = serial, signed by the simulator's CA),
 * full report on pushall then partial reports of changed fields, pause/resume/stop/project_file commands answered
 * with result, prints that progress in accelerated time and end in FINISH or FAILED, and an implicit-FTPS SD card.
 * See printer-simulators/README.md for the protocol details it reproduces.
 */
public final class BambuPrinterSimulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BambuPrinterSimulator.class.getName());
    /** err_code 0x05024007: an unsigned command refused by firmware with Authorization Control (since 2025). */
    public static final int ERR_UNSIGNED_COMMAND = 0x05024007;
    /** err_code 0x05024009: a command whose signature envelope ("header") the firmware cannot verify. */
    public static final int ERR_BAD_SIGNATURE = 0x05024009;
    /** The reason firmware gives for both. */
    public static final String VERIFY_FAILED = "mqtt message verify failed";

    private final String serial;
    private final BambuModel model;
    private final String accessCode;
    private final BambuCertificateAuthority certificateAuthority;
    private final SimulatedClock clock;
    private final Vertx vertx;
    private final BambuStorage storage = new BambuStorage();
    private final BambuPrinterState state;
    private final BambuMqttBroker broker;
    private final ImplicitFtpsServer ftps;
    private final Object lock = new Object();
    private final long timerId;
    private Duration projectPrintTime;
    private PrintOutcome projectOutcome;
    private double projectFilamentGrams;
    private boolean online = true;
    private boolean authorizationLocked;
    private int refusedCommands;
    private boolean closed;

    private BambuPrinterSimulator(Builder builder) {
        this.serial = builder.serial;
        this.model = builder.model;
        this.accessCode = builder.accessCode;
        this.certificateAuthority = builder.certificateAuthority != null ? builder.certificateAuthority
                : BambuCertificateAuthority.generate();
        this.clock = new SimulatedClock(builder.timeScale);
        this.projectPrintTime = builder.projectPrintTime;
        this.projectOutcome = builder.projectOutcome;
        this.projectFilamentGrams = builder.projectFilamentGrams;
        this.authorizationLocked = builder.authorizationLocked;
        this.state = new BambuPrinterState(serial, model, builder.ams, authorizationLocked);
        ServerIdentity identity = certificateAuthority.issueServerIdentity(serial);
        // one event loop: MQTT handlers and the report timer never run concurrently
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        this.broker = new BambuMqttBroker(vertx, serial, accessCode, builder.maxMqttConnections, identity,
                this::onRequest);
        this.ftps = new ImplicitFtpsServer(serial, storage, identity.sslContext(), BambuMqttBroker.USERNAME, accessCode,
                builder.requireFtpsSessionReuse);
        try {
            broker.listen(builder.mqttPort);
            ftps.listen(builder.ftpsPort);
        } catch (RuntimeException e) {
            ftps.close();
            vertx.close();
            throw e;
        }
        this.timerId = vertx.setPeriodic(builder.reportInterval.toMillis(), ignored -> tick());
        LOG.log(System.Logger.Level.INFO, "Bambu " + model + " " + serial + " listening: MQTT 127.0.0.1:"
                + broker.port() + ", FTPS 127.0.0.1:" + ftps.port());
    }

    public static Builder builder() {
        return new Builder();
    }

    public String host() {
        return "127.0.0.1";
    }

    public int mqttPort() {
        return broker.port();
    }

    public int ftpsPort() {
        return ftps.port();
    }

    public String serial() {
        return serial;
    }

    public String accessCode() {
        return accessCode;
    }

    public BambuModel model() {
        return model;
    }

    /** PEM of the simulator's own CA, which signed the server certificate (CN = serial, no SAN). */
    public String caCertificatePem() {
        return certificateAuthority.certificatePem();
    }

    /**
     * What a farm owner enters to add this printer to printer-service (specs/003 POST /api/v1/printers): its
     * address and ports, serial, access code and the CA that signed its certificate.
     */
    public Map<String, Object> registration(String id, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("type", "bambu_lab");
        body.put("model", model.name());
        body.put("serial_number", serial);
        body.put("ip_address", host());
        body.put("access_code", accessCode);
        body.put("mqtt_port", mqttPort());
        body.put("ftps_port", ftpsPort());
        body.put("ca_certificate", caCertificatePem());
        return body;
    }

    public BambuCertificateAuthority certificateAuthority() {
        return certificateAuthority;
    }

    /** Puts a file on the SD card, e.g. addFile("/cache/bracket.3mf", bytes); parent directories are created. */
    public void addFile(String path, byte[] content) {
        storage.put(path, content);
    }

    /** Every file on the SD card. */
    public List<StoredFile> files() {
        return storage.all();
    }

    /** The file at that path, if any. */
    public Optional<StoredFile> file(String path) {
        return storage.get(path);
    }

    /**
     * Starts a print as if started on the printer's screen; the file need not exist on the SD card.
     *
     * @throws IllegalStateException when the printer is already printing
     */
    public void startPrint(String fileName, Duration printTime, PrintOutcome outcome, double filamentGrams) {
        startPrint(fileName, printTime, outcome, filamentGrams, Duration.ZERO);
    }

    /**
     * Starts a print that has already run for {@code alreadyPrinted} (simulated time), as a client that connects while
     * the printer is busy finds it.
     */
    public void startPrint(String fileName, Duration printTime, PrintOutcome outcome, double filamentGrams,
            Duration alreadyPrinted) {
        synchronized (lock) {
            state.advance(clock.takeElapsed());
            state.startJob(fileName, printTime, outcome, filamentGrams, List.of()).ifPresent(reason -> {
                throw new IllegalStateException("printer " + serial + " cannot start " + fileName + ": " + reason);
            });
            state.advance(alreadyPrinted.toMillis() / 1000.0);
        }
    }

    /**
     * From now on every report carries these fields instead of the real ones, as firmware with a broken sensor or an
     * overflowed counter does (e.g. {"nozzle_temper": 42901129, "mc_percent": -70663677}); nested objects are merged.
     */
    public void corruptReports(JsonObject fields) {
        synchronized (lock) {
            state.corrupt(Objects.requireNonNull(fields, "fields"));
        }
    }

    /** Ends {@link #corruptReports}: the real values are reported again. */
    public void reportTruthfully() {
        synchronized (lock) {
            state.reportTruthfully();
        }
    }

    /** How prints started by the MQTT command project_file behave (default 30 simulated minutes, FINISH, 15 g). */
    public void projectFileJobs(Duration printTime, PrintOutcome outcome, double filamentGrams) {
        synchronized (lock) {
            this.projectPrintTime = Objects.requireNonNull(printTime, "printTime");
            this.projectOutcome = Objects.requireNonNull(outcome, "outcome");
            this.projectFilamentGrams = filamentGrams;
        }
    }

    /** The current print.gcode_state (IDLE, PREPARE, RUNNING, PAUSE, FINISH, FAILED). */
    public String gcodeState() {
        synchronized (lock) {
            state.advance(clock.takeElapsed());
            return state.gcodeState();
        }
    }

    /** The full report a pushall would answer now (the "print" object), for assertions. */
    public JsonObject currentReport() {
        synchronized (lock) {
            state.advance(clock.takeElapsed());
            return state.fullReportPreview();
        }
    }

    /** Remaining filament in grams of an AMS tray (index = ams_id * 4 + tray_id) or of the external spool (254). */
    public Optional<Double> trayGrams(int trayIndex) {
        synchronized (lock) {
            return state.trayGrams(trayIndex);
        }
    }

    /**
     * Locks or unlocks third-party control as firmware with Authorization Control does: while locked (Developer Mode
     * off) every print command (pause, resume, stop, project_file, gcode_line, AMS...) is refused with err_code
     * 0x05024007 and changes nothing, while pushall, get_version and the reports go on; X1C and H2D also show it
     * in print.fun. Unlocked is LAN-only Developer Mode (or firmware from before 2025).
     */
    public void authorizationLocked(boolean locked) {
        synchronized (lock) {
            authorizationLocked = locked;
            state.authorizationLocked(locked);
        }
    }

    public boolean authorizationLocked() {
        synchronized (lock) {
            return authorizationLocked;
        }
    }

    /** How many commands were refused for want of authorization so far. */
    public int refusedCommands() {
        synchronized (lock) {
            return refusedCommands;
        }
    }

    /** Number of MQTT clients connected right now. */
    public int mqttConnections() {
        return broker.connections();
    }

    /** The printer drops off the network: connections are closed and new ones refused; prints go on. */
    public void goOffline() {
        synchronized (lock) {
            if (!online || closed) {
                return;
            }
            online = false;
        }
        broker.disconnect();
        ftps.disconnect();
        LOG.log(System.Logger.Level.INFO, "Bambu " + serial + " went offline");
    }

    /** The printer is reachable again on the same ports. */
    public void comeBack() {
        synchronized (lock) {
            if (online || closed) {
                return;
            }
            online = true;
        }
        broker.listen(broker.port());
        ftps.listen(ftps.port());
        LOG.log(System.Logger.Level.INFO, "Bambu " + serial + " is back online");
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        vertx.cancelTimer(timerId);
        broker.disconnect();
        ftps.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "Bambu " + serial + ": Vert.x did not close cleanly", e);
        }
    }

    private void tick() {
        JsonObject report;
        synchronized (lock) {
            if (closed) {
                return;
            }
            state.advance(clock.takeElapsed());
            report = state.partialReport();
        }
        broker.publishReport(report);
    }

    /** Handles one JSON message a client published on device/{serial}/request (runs on the event loop). */
    private void onRequest(JsonObject request) {
        if (request.getValue("pushing") instanceof JsonObject pushing) {
            if ("pushall".equals(pushing.getString("command"))) {
                JsonObject report;
                synchronized (lock) {
                    state.advance(clock.takeElapsed());
                    report = state.fullReport();
                }
                broker.publishReport(report);
            }
            return;
        }
        if (request.getValue("info") instanceof JsonObject info) {
            if ("get_version".equals(info.getString("command"))) {
                String sequenceId = String.valueOf(info.getValue("sequence_id", "0"));
                JsonObject version;
                synchronized (lock) {
                    version = state.versionReport(sequenceId);
                }
                broker.publishReport(version);
            }
            return;
        }
        if (request.getValue("print") instanceof JsonObject print) {
            boolean locked;
            synchronized (lock) {
                locked = authorizationLocked;
            }
            if (locked) {
                refuseUnauthorized(print, request.containsKey("header"));
            } else {
                onPrintCommand(print);
            }
            return;
        }
        if (request.getValue("system") instanceof JsonObject system) {
            broker.publishReport(new JsonObject().put("system", answer(system, Optional.empty())));
        }
    }

    private void onPrintCommand(JsonObject command) {
        String name = command.getString("command", "");
        Optional<String> refusal;
        JsonObject partial;
        synchronized (lock) {
            state.advance(clock.takeElapsed());
            refusal = switch (name) {
                case "pause" -> state.pause();
                case "resume" -> state.resume();
                case "stop" -> state.stop();
                case "project_file" -> startProjectFile(command);
                case "print_speed" -> state.speed(String.valueOf(command.getValue("param", "")));
                case "gcode_line", "gcode_file", "ams_change_filament", "ams_control", "extrusion_cali_get",
                        "calibration", "unload_filament", "ams_filament_setting" -> Optional.empty();
                default -> Optional.of("unsupported command " + name);
            };
            partial = state.partialReport();
        }
        if (refusal.isPresent()) {
            LOG.log(System.Logger.Level.INFO, "Bambu " + serial + ": command " + name + " refused: " + refusal.get());
        }
        broker.publishReport(new JsonObject().put("print", answer(command, refusal)));
        broker.publishReport(partial);
    }

    /**
     * The firmware's answer to a print command it cannot verify: the command echoed with result "failed", the
     * reason and err_code; project_file comes back as the whole command with only err_code appended (as a P1S on
     * firmware 01.08 answers it).
     */
    private void refuseUnauthorized(JsonObject command, boolean signed) {
        String name = command.getString("command", "");
        int code = signed ? ERR_BAD_SIGNATURE : ERR_UNSIGNED_COMMAND;
        JsonObject answer;
        if ("project_file".equals(name)) {
            answer = command.copy().put("err_code", code);
        } else {
            answer = new JsonObject().put("command", name).put("sequence_id", command.getValue("sequence_id", "0"));
            if (command.containsKey("param")) {
                answer.put("param", command.getValue("param"));
            }
            answer.put("result", "failed").put("reason", VERIFY_FAILED).put("err_code", code);
        }
        synchronized (lock) {
            refusedCommands++;
        }
        LOG.log(System.Logger.Level.INFO, "Bambu " + serial + ": command " + name + " refused: " + VERIFY_FAILED
                + " (0x" + Integer.toHexString(code) + ")");
        broker.publishReport(new JsonObject().put("print", answer));
    }

    private Optional<String> startProjectFile(JsonObject command) {
        String url = command.getString("url", "");
        Optional<StoredFile> file = findProjectFile(url);
        if (file.isEmpty()) {
            return Optional.of("file not found on storage: " + url);
        }
        List<Integer> trays = new ArrayList<>();
        boolean useAms = !Boolean.FALSE.equals(command.getValue("use_ams")) && !"false".equals(
                String.valueOf(command.getValue("use_ams")));
        JsonArray mapping = command.getValue("ams_mapping") instanceof JsonArray array ? array : new JsonArray();
        if (!useAms) {
            trays.add(BambuPrinterState.VIRTUAL_TRAY_INDEX);
        } else {
            for (Object entry : mapping) {
                int index = Integer.parseInt(String.valueOf(entry));
                if (index >= 0) {
                    trays.add(index);
                }
            }
        }
        Optional<BambuProject.Plate> plate = BambuProject.plate(file.get().content());
        Duration printTime = plate.map(BambuProject.Plate::printTime).orElse(projectPrintTime);
        double grams = plate.map(BambuProject.Plate::filamentGrams).orElse(projectFilamentGrams);
        Optional<String> refusal = state.startJob(file.get().name(), printTime, projectOutcome, grams, trays);
        String subtask = command.getString("subtask_name");
        if (refusal.isEmpty() && subtask != null && !subtask.isBlank()) {
            state.renameSubtask(subtask);
        }
        return refusal;
    }

    /** project_file names its file by url: "ftp:///name.3mf", "ftp://name.3mf" or "file:///sdcard/cache/name.3mf". */
    private Optional<StoredFile> findProjectFile(String url) {
        String path = url;
        if (path.startsWith("ftp://")) {
            path = path.substring("ftp://".length());
        } else if (path.startsWith("file://")) {
            path = path.substring("file://".length());
            for (String mount : List.of("/mnt/sdcard", "/sdcard")) {
                if (path.startsWith(mount + "/")) {
                    path = path.substring(mount.length());
                }
            }
        }
        if (path.isBlank()) {
            return Optional.empty();
        }
        String normalized = BambuStorage.resolve("/", path);
        Optional<StoredFile> exact = storage.get(normalized);
        if (exact.isPresent()) {
            return exact;
        }
        String name = normalized.substring(normalized.lastIndexOf('/') + 1);
        return storage.get("/cache/" + name).or(() -> storage.get("/" + name));
    }

    private static JsonObject answer(JsonObject command, Optional<String> refusal) {
        JsonObject answer = new JsonObject()
                .put("command", command.getString("command", ""))
                .put("sequence_id", command.getValue("sequence_id", "0"))
                .put("param", command.getValue("param", ""));
        if (refusal.isPresent()) {
            answer.put("result", "fail").put("reason", refusal.get());
        } else {
            answer.put("result", "success").put("reason", "");
        }
        return answer;
    }

    /** Configures and starts a simulated Bambu printer. */
    public static final class Builder {
        private String serial = "01S00A0B0000001";
        private BambuModel model = BambuModel.A1;
        private String accessCode = "12345678";
        private boolean ams = true;
        private double timeScale = 60.0;
        private Duration reportInterval = Duration.ofSeconds(1);
        private int mqttPort;
        private int ftpsPort;
        private int maxMqttConnections = 5;
        private boolean requireFtpsSessionReuse = true;
        private BambuCertificateAuthority certificateAuthority;
        private Duration projectPrintTime = Duration.ofMinutes(30);
        private PrintOutcome projectOutcome = PrintOutcome.FINISH;
        private double projectFilamentGrams = 15.0;
        private boolean authorizationLocked;

        private Builder() {
        }

        public Builder serial(String serial) {
            if (serial == null || !serial.matches("[A-Za-z0-9-]{1,64}")) {
                throw new IllegalArgumentException("serial must be 1-64 letters, digits or '-', was " + serial);
            }
            this.serial = serial;
            return this;
        }

        public Builder model(BambuModel model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        public Builder accessCode(String accessCode) {
            if (accessCode == null || accessCode.isEmpty()) {
                throw new IllegalArgumentException("accessCode must not be empty");
            }
            this.accessCode = accessCode;
            return this;
        }

        /** With AMS: 4 trays per unit (A1/P1P one unit, X1C two, H2D an AMS and an AMS HT); without: vt_tray only. */
        public Builder ams(boolean ams) {
            this.ams = ams;
            return this;
        }

        /** 1 real second = timeScale simulated seconds. */
        public Builder timeScale(double timeScale) {
            this.timeScale = SimulatedClock.requireTimeScale(timeScale);
            return this;
        }

        /** How often (real time) partial reports are published. */
        public Builder reportInterval(Duration reportInterval) {
            if (reportInterval == null || reportInterval.toMillis() < 10) {
                throw new IllegalArgumentException("reportInterval must be at least 10 ms, was " + reportInterval);
            }
            this.reportInterval = reportInterval;
            return this;
        }

        /** 0 = a free port. */
        public Builder mqttPort(int mqttPort) {
            this.mqttPort = Ports.require(mqttPort);
            return this;
        }

        /** 0 = a free port. */
        public Builder ftpsPort(int ftpsPort) {
            this.ftpsPort = Ports.require(ftpsPort);
            return this;
        }

        /** MQTT connections accepted at once (default 5, like P-series printers); more are refused. */
        public Builder maxMqttConnections(int maxMqttConnections) {
            if (maxMqttConnections < 1) {
                throw new IllegalArgumentException("maxMqttConnections must be at least 1");
            }
            this.maxMqttConnections = maxMqttConnections;
            return this;
        }

        /** Whether FTPS data connections must resume the control connection's TLS session (default true, like the printer). */
        public Builder requireFtpsSessionReuse(boolean require) {
            this.requireFtpsSessionReuse = require;
            return this;
        }

        /** Sign the printer certificate with this CA instead of a fresh one (several printers, one trust anchor). */
        public Builder certificateAuthority(BambuCertificateAuthority certificateAuthority) {
            this.certificateAuthority = Objects.requireNonNull(certificateAuthority, "certificateAuthority");
            return this;
        }

        /** How prints started by the MQTT command project_file behave. */
        public Builder projectFileJobs(Duration printTime, PrintOutcome outcome, double filamentGrams) {
            this.projectPrintTime = Objects.requireNonNull(printTime, "printTime");
            this.projectOutcome = Objects.requireNonNull(outcome, "outcome");
            this.projectFilamentGrams = filamentGrams;
            return this;
        }

        /** Starts with third-party control locked (see {@link BambuPrinterSimulator#authorizationLocked(boolean)}). */
        public Builder authorizationLocked(boolean locked) {
            this.authorizationLocked = locked;
            return this;
        }

        public BambuPrinterSimulator start() {
            return new BambuPrinterSimulator(this);
        }
    }
}
