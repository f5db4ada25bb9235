package app.nozzly.sim.bambu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import app.nozzly.sim.PrintOutcome;
import app.nozzly.sim.SimulatedJob;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The state a Bambu printer reports (the "print" object of device/{serial}/report), advanced in simulated time.
 * It starts from a real recorded pushall of the model and changes only the fields a real printer changes while it
 * heats, prints, pauses, fails or finishes, keeping each field's JSON type (many numbers are strings). Not
 * thread-safe: the simulator guards it.
 */
final class BambuPrinterState {

    /** 0300_400C "The task was canceled": what a printer reports after a stop command. */
    static final int PRINT_ERROR_CANCELLED = 0x0300400C;
    /** 0700_8011 "AMS filament ran out": the error a simulated FAILED print ends with. */
    static final int PRINT_ERROR_FILAMENT_RUNOUT = 0x07008011;
    /** HMS 0700_2000_0002_0001 "AMS1 Slot1 filament has run out". */
    static final long HMS_RUNOUT_ATTR = 0x07002000L;
    static final long HMS_RUNOUT_CODE = 0x00020001L;
    static final int VIRTUAL_TRAY_INDEX = 254;
    /**
     * Bit of print.fun set while the firmware requires signed commands, i.e. LAN Developer Mode is off (the X1 and
     * H2D firmware report fun; A1 and P1 firmware do not, so their clients learn it only from a refused command).
     */
    static final long FUN_MQTT_SIGNATURE_REQUIRED = 0x20000000L;

    private static final double AMBIENT_CELSIUS = 25.0;
    private static final double HEATING_TIME_CONSTANT_SECONDS = 20.0;
    private static final double PREPARE_MAX_SECONDS = 60.0;
    private static final double SECONDS_PER_LAYER = 30.0;
    private static final double DEFAULT_SPOOL_GRAMS = 1000.0;

    private final String serial;
    private final BambuModel model;
    private final JsonObject print;
    private final JsonObject versionInfo;
    private final Map<Integer, Tray> trays = new LinkedHashMap<>();
    private JsonObject published;
    private long sequence = 100;
    private JsonObject overlay = new JsonObject();
    private JsonObject overwritten = new JsonObject();

    private SimulatedJob job;
    private List<Tray> jobTrays = List.of();
    private double accountedGrams;
    private boolean jobEndReported = true;
    private String taskId = "0";
    private String subtask = "";
    private double nozzle = AMBIENT_CELSIUS;
    private double bed = AMBIENT_CELSIUS;
    private double chamber = AMBIENT_CELSIUS;
    private double nozzleTarget;
    private double bedTarget;

    BambuPrinterState(String serial, BambuModel model, boolean ams, boolean authorizationLocked) {
        this.serial = serial;
        this.model = model;
        JsonObject template = loadTemplate(model);
        this.print = template.getJsonObject("print");
        this.versionInfo = template.getJsonObject("info");
        for (String key : List.of("command", "msg", "sequence_id")) {
            print.remove(key);
        }
        configureAms(ams);
        print.put("hms", new JsonArray());
        print.put("print_error", 0);
        if (!print.containsKey("chamber_temper")) {
            print.put("chamber_temper", 25);
        }
        applyIdle();
        applyTemperatures();
        authorizationLocked(authorizationLocked);
        this.published = new JsonObject();
    }

    // ---- reports ----

    /** A full report, as answered to pushall; what clients have seen is now the whole state. */
    JsonObject fullReport() {
        JsonObject report = print.copy();
        published = print.copy();
        return wrap(report, 0);
    }

    /** Only the fields that changed since the last report (P1/A1 behaviour); nested objects are diffed, arrays sent whole. */
    JsonObject partialReport() {
        JsonObject changes = diff(print, published);
        published = print.copy();
        return wrap(changes, 1);
    }

    /** The full state without marking it as seen by clients. */
    JsonObject fullReportPreview() {
        return print.copy();
    }

    JsonObject versionReport(String sequenceId) {
        JsonObject info = versionInfo.copy();
        info.put("command", "get_version");
        info.put("sequence_id", sequenceId);
        JsonArray modules = info.getJsonArray("module", new JsonArray());
        for (int i = 0; i < modules.size(); i++) {
            JsonObject module = modules.getJsonObject(i);
            if ("ota".equals(module.getString("name"))) {
                module.put("sn", serial);
            }
        }
        return new JsonObject().put("info", info);
    }

    private JsonObject wrap(JsonObject printFields, int msg) {
        printFields.put("command", "push_status");
        printFields.put("msg", msg);
        printFields.put("sequence_id", String.valueOf(sequence++));
        return new JsonObject().put("print", printFields);
    }

    static JsonObject diff(JsonObject now, JsonObject before) {
        JsonObject changes = new JsonObject();
        for (Map.Entry<String, Object> entry : now) {
            Object previous = before.getValue(entry.getKey());
            Object current = entry.getValue();
            if (current instanceof JsonObject && previous instanceof JsonObject) {
                JsonObject nested = diff((JsonObject) current, (JsonObject) previous);
                if (!nested.isEmpty()) {
                    changes.put(entry.getKey(), nested);
                }
            } else if (!Objects.equals(current, previous)) {
                changes.put(entry.getKey(), copyOf(current));
            }
        }
        return changes;
    }

    private static Object copyOf(Object value) {
        if (value instanceof JsonObject) {
            return ((JsonObject) value).copy();
        }
        if (value instanceof JsonArray) {
            return ((JsonArray) value).copy();
        }
        return value;
    }

    // ---- commands ----

    String gcodeState() {
        return print.getString("gcode_state");
    }

    boolean busy() {
        return job != null && job.isActive();
    }

    /** Starts a print; an empty result means it started, otherwise the reason it was refused. */
    Optional<String> startJob(String fileName, Duration printTime, PrintOutcome outcome, double filamentGrams,
            List<Integer> trayIndexes) {
        if (busy()) {
            return Optional.of("printer is busy printing " + job.fileName());
        }
        List<Tray> selected = new ArrayList<>();
        for (Integer index : trayIndexes) {
            Tray tray = trays.get(index);
            if (tray == null || !tray.loaded()) {
                return Optional.of("no filament loaded in tray " + index);
            }
            if (!selected.contains(tray)) {
                selected.add(tray);
            }
        }
        if (selected.isEmpty()) {
            selected.add(defaultTray());
        }
        job = new SimulatedJob(fileName, printTime, outcome, filamentGrams);
        jobTrays = List.copyOf(selected);
        accountedGrams = 0;
        jobEndReported = false;
        taskId = String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
        Tray first = jobTrays.get(0);
        nozzleTarget = first.nozzleTarget();
        bedTarget = first.bedTarget();
        set(print, "task_id", taskId);
        set(print, "subtask_id", String.valueOf(Long.parseLong(taskId) + 1));
        set(print, "gcode_file", fileName);
        subtask = subtaskName(fileName);
        set(print, "subtask_name", subtask);
        set(print, "print_type", "local");
        set(print, "mc_print_stage", 2);
        set(print, "print_error", 0);
        print.put("hms", new JsonArray());
        set(print, "total_layer_num", Math.max(10, Math.round(job.printSeconds() / SECONDS_PER_LAYER)));
        JsonObject ams = print.getJsonObject("ams");
        if (ams != null && first.index != VIRTUAL_TRAY_INDEX) {
            set(ams, "tray_now", first.index);
            set(ams, "tray_tar", first.index);
        }
        applyJobProgress();
        applyTemperatures();
        return Optional.empty();
    }

    /** The name a client gave the job (project_file subtask_name) instead of the file name. */
    void renameSubtask(String name) {
        subtask = name;
        set(print, "subtask_name", name);
    }

    Optional<String> pause() {
        if (job == null || !job.pause()) {
            return Optional.of("printer is not printing (gcode_state " + gcodeState() + ")");
        }
        applyJobProgress();
        return Optional.empty();
    }

    Optional<String> resume() {
        if (job == null || !job.resume()) {
            return Optional.of("printer is not paused (gcode_state " + gcodeState() + ")");
        }
        applyJobProgress();
        return Optional.empty();
    }

    Optional<String> stop() {
        if (job == null || !job.stop()) {
            return Optional.of("no print to stop (gcode_state " + gcodeState() + ")");
        }
        applyJobEnd();
        return Optional.empty();
    }

    Optional<String> speed(String level) {
        try {
            int parsed = Integer.parseInt(level);
            if (parsed < 1 || parsed > 4) {
                return Optional.of("speed level must be 1..4");
            }
            set(print, "spd_lvl", parsed);
            set(print, "spd_mag", new int[] {0, 50, 100, 124, 166}[parsed]);
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("speed level must be 1..4");
        }
    }

    /** Mirrors Developer Mode in print.fun, on the models whose firmware reports that field. */
    void authorizationLocked(boolean locked) {
        String fun = print.getString("fun");
        if (fun == null) {
            return;
        }
        long bits = Long.parseUnsignedLong(fun, 16);
        bits = locked ? bits | FUN_MQTT_SIGNATURE_REQUIRED : bits & ~FUN_MQTT_SIGNATURE_REQUIRED;
        String hex = Long.toHexString(bits).toUpperCase(Locale.ROOT);
        print.put("fun", "0".repeat(Math.max(0, fun.length() - hex.length())) + hex);
    }

    // ---- time ----

    void advance(double simulatedSeconds) {
        if (job != null && !jobEndReported) {
            job.advance(simulatedSeconds);
            accountFilament();
            if (job.isActive()) {
                applyJobProgress();
            } else {
                applyJobEnd();
            }
        }
        double approach = 1 - Math.exp(-simulatedSeconds / HEATING_TIME_CONSTANT_SECONDS);
        nozzle += ((nozzleTarget > 0 ? nozzleTarget : AMBIENT_CELSIUS) - nozzle) * approach;
        bed += ((bedTarget > 0 ? bedTarget : AMBIENT_CELSIUS) - bed) * approach;
        double chamberTarget = bedTarget > 0 ? AMBIENT_CELSIUS + bedTarget / 6 : AMBIENT_CELSIUS;
        chamber += (chamberTarget - chamber) * approach / 4;
        applyTemperatures();
        merge(print, overlay);
    }

    /**
     * Reports these fields over the real ones from now on (a broken sensor, an overflowed counter); the fields'
     * true values come back with {@link #reportTruthfully()}.
     */
    void corrupt(JsonObject fields) {
        reportTruthfully();
        overwritten = saved(print, fields);
        overlay = fields.copy();
        merge(print, overlay);
    }

    void reportTruthfully() {
        merge(print, overwritten);
        overlay = new JsonObject();
        overwritten = new JsonObject();
    }

    /** The current values of the fields an overlay replaces (null where absent). */
    private static JsonObject saved(JsonObject from, JsonObject fields) {
        JsonObject saved = new JsonObject();
        for (Map.Entry<String, Object> field : fields) {
            Object own = from.getValue(field.getKey());
            if (field.getValue() instanceof JsonObject nested && own instanceof JsonObject ownObject) {
                saved.put(field.getKey(), saved(ownObject, nested));
            } else {
                saved.put(field.getKey(), copyOf(own));
            }
        }
        return saved;
    }

    private static void merge(JsonObject target, JsonObject overlay) {
        for (Map.Entry<String, Object> field : overlay) {
            if (field.getValue() instanceof JsonObject nested && target.getValue(field.getKey()) instanceof JsonObject own) {
                merge(own, nested);
            } else if (field.getValue() == null) {
                target.remove(field.getKey());
            } else {
                target.put(field.getKey(), copyOf(field.getValue()));
            }
        }
    }

    private void accountFilament() {
        double delta = job.filamentUsedGrams() - accountedGrams;
        if (delta <= 0) {
            return;
        }
        accountedGrams += delta;
        for (Tray tray : jobTrays) {
            tray.consume(delta / jobTrays.size());
        }
    }

    private void applyJobProgress() {
        double prepare = Math.min(PREPARE_MAX_SECONDS, job.printSeconds() * 0.05);
        boolean preparing = job.elapsedSeconds() < prepare;
        String state = job.status() == SimulatedJob.Status.PAUSED ? "PAUSE" : preparing ? "PREPARE" : "RUNNING";
        set(print, "gcode_state", state);
        int percent = (int) Math.min(99, Math.floor(job.progress() * 100));
        int remainingMinutes = (int) Math.ceil(job.remainingSeconds() / 60.0);
        set(print, "mc_percent", percent);
        set(print, "mc_remaining_time", remainingMinutes);
        setIfPresent(print, "percent", percent);
        setIfPresent(print, "remain_time", remainingMinutes);
        set(print, "gcode_file_prepare_percent", preparing ? (int) (job.elapsedSeconds() / prepare * 100) : 100);
        int total = print.getValue("total_layer_num") == null ? 10 : Integer.parseInt(print.getValue("total_layer_num").toString());
        set(print, "layer_num", preparing ? 0 : Math.max(1, (int) Math.ceil(job.progress() * total)));
    }

    private void applyJobEnd() {
        jobEndReported = true;
        SimulatedJob.Status status = job.status();
        nozzleTarget = 0;
        bedTarget = 0;
        set(print, "mc_print_stage", 1);
        set(print, "mc_remaining_time", 0);
        setIfPresent(print, "remain_time", 0);
        JsonObject ams = print.getJsonObject("ams");
        if (ams != null) {
            set(ams, "tray_now", 255);
            set(ams, "tray_tar", 255);
        }
        if (status == SimulatedJob.Status.FINISHED) {
            set(print, "gcode_state", "FINISH");
            set(print, "mc_percent", 100);
            setIfPresent(print, "percent", 100);
            set(print, "layer_num", Integer.parseInt(print.getValue("total_layer_num").toString()));
        } else if (status == SimulatedJob.Status.FAILED) {
            set(print, "gcode_state", "FAILED");
            set(print, "print_error", PRINT_ERROR_FILAMENT_RUNOUT);
            print.put("hms", new JsonArray().add(new JsonObject().put("attr", HMS_RUNOUT_ATTR).put("code", HMS_RUNOUT_CODE)));
        } else {
            set(print, "gcode_state", "FAILED");
            set(print, "print_error", PRINT_ERROR_CANCELLED);
        }
        JsonArray used = new JsonArray();
        for (Tray tray : jobTrays) {
            used.add(new JsonObject()
                    .put("ams_id", tray.amsId)
                    .put("tray_id", tray.trayId)
                    .put("tray_index", tray.index)
                    .put("used_g", round2(accountedGrams / jobTrays.size())));
        }
        print.put("filament_used", new JsonObject()
                .put("task_id", taskId)
                .put("subtask_name", subtask)
                .put("gcode_state", gcodeState())
                .put("total_g", round2(accountedGrams))
                .put("trays", used));
        applyTemperatures();
    }

    private void applyIdle() {
        set(print, "gcode_state", "IDLE");
        set(print, "mc_percent", 0);
        set(print, "mc_remaining_time", 0);
        setIfPresent(print, "percent", 0);
        setIfPresent(print, "remain_time", 0);
        set(print, "layer_num", 0);
        set(print, "total_layer_num", 0);
        set(print, "gcode_file", "");
        set(print, "subtask_name", "");
        set(print, "task_id", "0");
        set(print, "subtask_id", "0");
        set(print, "print_type", "idle");
        set(print, "mc_print_stage", 1);
        set(print, "gcode_file_prepare_percent", 0);
        JsonObject ams = print.getJsonObject("ams");
        if (ams != null) {
            set(ams, "tray_now", 255);
            set(ams, "tray_tar", 255);
            set(ams, "tray_pre", 255);
        }
    }

    private void applyTemperatures() {
        double nozzleNow = sixteenths(nozzle);
        double bedNow = sixteenths(bed);
        set(print, "nozzle_temper", nozzleNow);
        set(print, "nozzle_target_temper", nozzleTarget);
        set(print, "bed_temper", bedNow);
        set(print, "bed_target_temper", bedTarget);
        if (model.chamberSensor()) {
            set(print, "chamber_temper", Math.round(chamber));
        }
        JsonObject device = print.getJsonObject("device");
        if (device == null) {
            return;
        }
        // newer firmware packs temperatures as target << 16 | current
        JsonObject extruder = device.getJsonObject("extruder");
        JsonArray extruders = extruder == null ? null : extruder.getJsonArray("info");
        if (extruders != null && !extruders.isEmpty()) {
            extruders.getJsonObject(0).put("temp", packed(nozzleTarget, nozzleNow));
        }
        JsonObject bedDevice = device.getJsonObject("bed");
        if (bedDevice != null && bedDevice.getJsonObject("info") != null) {
            bedDevice.getJsonObject("info").put("temp", packed(bedTarget, bedNow));
        }
        setIfPresent(device, "bed_temp", packed(bedTarget, bedNow));
        JsonObject ctc = device.getJsonObject("ctc");
        if (ctc != null && ctc.getJsonObject("info") != null) {
            ctc.getJsonObject("info").put("temp", packed(0, chamber));
        }
        setIfPresent(device, "cham_temp", packed(0, chamber));
    }

    private static int packed(double target, double current) {
        return ((int) Math.round(target) << 16) | (int) Math.round(current);
    }

    private static double sixteenths(double value) {
        return Math.round(value * 16) / 16.0;
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static String subtaskName(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        for (String suffix : List.of(".gcode.3mf", ".3mf", ".gcode")) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    // ---- AMS ----

    private void configureAms(boolean ams) {
        JsonObject amsObject = print.getJsonObject("ams");
        if (amsObject == null) {
            amsObject = new JsonObject();
            print.put("ams", amsObject);
        }
        JsonArray units = amsObject.getJsonArray("ams", new JsonArray());
        JsonArray kept = new JsonArray();
        if (ams) {
            for (int i = 0; i < units.size() && kept.size() < model.amsUnits(); i++) {
                kept.add(units.getJsonObject(i));
            }
        }
        amsObject.put("ams", kept);
        long unitBits = 0;
        long trayBits = 0;
        for (int u = 0; u < kept.size(); u++) {
            JsonObject unit = kept.getJsonObject(u);
            int amsId = Integer.parseInt(unit.getString("id"));
            unitBits |= 1L << (amsId < 128 ? amsId : 4 + amsId - 128);
            JsonArray unitTrays = unit.getJsonArray("tray", new JsonArray());
            for (int t = 0; t < unitTrays.size(); t++) {
                JsonObject tray = unitTrays.getJsonObject(t);
                int trayId = Integer.parseInt(tray.getString("id"));
                int index = amsId < 128 ? amsId * 4 + trayId : amsId + trayId;
                Tray simulated = new Tray(index, unit.getString("id"), tray.getString("id"), tray);
                trays.put(index, simulated);
                if (simulated.loaded()) {
                    trayBits |= 1L << (amsId < 128 ? index : 16 + amsId - 128 + trayId);
                }
            }
        }
        setIfPresent(amsObject, "ams_exist_bits", Long.toHexString(unitBits));
        setIfPresent(amsObject, "ams_exist_bits_raw", Long.toHexString(unitBits));
        for (String key : List.of("tray_exist_bits", "tray_is_bbl_bits", "tray_read_done_bits")) {
            setIfPresent(amsObject, key, Long.toHexString(trayBits));
        }
        JsonObject virtualTray = print.getJsonObject("vt_tray");
        if (virtualTray == null) {
            virtualTray = new JsonObject().put("id", "254").put("tray_type", "PLA").put("tray_color", "FFFFFFFF")
                    .put("remain", 0);
            print.put("vt_tray", virtualTray);
        }
        trays.put(VIRTUAL_TRAY_INDEX, new Tray(VIRTUAL_TRAY_INDEX, "255", "254", virtualTray));
    }

    private Tray defaultTray() {
        return trays.values().stream()
                .filter(tray -> tray.index != VIRTUAL_TRAY_INDEX && tray.loaded())
                .findFirst()
                .orElse(trays.get(VIRTUAL_TRAY_INDEX));
    }

    /** Remaining filament of one tray in grams (what the simulator tracks behind the remain percentage). */
    Optional<Double> trayGrams(int index) {
        Tray tray = trays.get(index);
        return tray == null ? Optional.empty() : Optional.of(tray.grams);
    }

    /** One AMS slot (or the external spool), backed by its JSON object inside the report. */
    private static final class Tray {
        final int index;
        final String amsId;
        final String trayId;
        final JsonObject json;
        final double spoolGrams;
        final boolean remainKnown;
        double grams;

        Tray(int index, String amsId, String trayId, JsonObject json) {
            this.index = index;
            this.amsId = amsId;
            this.trayId = trayId;
            this.json = json;
            double weight;
            try {
                weight = Double.parseDouble(json.getValue("tray_weight", "0").toString());
            } catch (NumberFormatException e) {
                weight = 0;
            }
            this.spoolGrams = weight > 0 ? weight : DEFAULT_SPOOL_GRAMS;
            Object remain = json.getValue("remain");
            int percent = remain == null ? -1 : Integer.parseInt(remain.toString());
            this.remainKnown = percent >= 0 && index != VIRTUAL_TRAY_INDEX;
            this.grams = remainKnown ? spoolGrams * percent / 100.0 : spoolGrams;
        }

        boolean loaded() {
            String type = json.getString("tray_type");
            return type != null && !type.isEmpty();
        }

        void consume(double usedGrams) {
            grams = Math.max(0, grams - usedGrams);
            if (remainKnown) {
                set(json, "remain", (int) Math.floor(grams / spoolGrams * 100));
            }
        }

        double nozzleTarget() {
            try {
                double min = Double.parseDouble(json.getValue("nozzle_temp_min", "190").toString());
                double max = Double.parseDouble(json.getValue("nozzle_temp_max", "240").toString());
                return Math.round((min + max) / 2 / 5) * 5.0;
            } catch (NumberFormatException e) {
                return 220;
            }
        }

        double bedTarget() {
            String type = json.getString("tray_type", "PLA");
            if (type.startsWith("PETG")) {
                return 70;
            }
            if (type.startsWith("ABS") || type.startsWith("ASA") || type.startsWith("PC") || type.startsWith("PA")) {
                return 90;
            }
            return 55;
        }
    }

    // ---- typed field updates ----

    /** Sets a field keeping the JSON type the real printer uses for it (string, integer or float). */
    static void set(JsonObject object, String key, Object value) {
        Object existing = object.getValue(key);
        object.put(key, typedLike(existing, value));
    }

    private static void setIfPresent(JsonObject object, String key, Object value) {
        if (object.containsKey(key)) {
            set(object, key, value);
        }
    }

    private static Object typedLike(Object existing, Object value) {
        if (existing instanceof String) {
            if (value instanceof Double && ((Double) value) == Math.rint((Double) value)) {
                return String.valueOf(((Double) value).longValue());
            }
            return String.valueOf(value);
        }
        if (value instanceof String) {
            return value;
        }
        Number number = (Number) value;
        if (existing instanceof Double || existing instanceof Float) {
            return number.doubleValue();
        }
        if (existing instanceof Integer || existing instanceof Long) {
            long rounded = Math.round(number.doubleValue());
            return rounded == (int) rounded ? (Object) (int) rounded : (Object) rounded;
        }
        if (number instanceof Double && ((Double) number) == Math.rint((Double) number)
                && Math.abs((Double) number) < Integer.MAX_VALUE) {
            return (int) number.doubleValue();
        }
        return number;
    }

    private static JsonObject loadTemplate(BambuModel model) {
        try (InputStream in = BambuPrinterState.class.getResourceAsStream(model.templateResource())) {
            if (in == null) {
                throw new IllegalStateException("missing report template " + model.templateResource());
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report template " + model.templateResource(), e);
        }
    }
}
