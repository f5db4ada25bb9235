package app.nozzly.printer.driver.bambu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.printer.driver.PrintFileMetadata;
import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.driver.PrinterSnapshot.DeviceReport;
import app.nozzly.printer.driver.PrinterSnapshot.JobReport;
import app.nozzly.printer.driver.PrinterSnapshot.Temperatures;
import app.nozzly.printer.driver.PrinterState;
import app.nozzly.printer.driver.TraySnapshot;

/**
 * A Bambu Lab printer's state as the sum of its MQTT reports: the pushall answer first, then the partial reports
 * P1/A1 printers send (only changed fields), merged into one document (reference/README.md, bambu), plus what the
 * get_version answer says (firmware, model). Not thread safe: one instance per connection, on that printer's executor.
 */
public final class BambuReport {

    private static final int EXTERNAL_SPOOL_AMS = 255;
    /** get_version project codes of the models, for firmware that names no product. */
    private static final Map<String, String> PROJECTS = Map.of("N2S", "A1", "N1", "A1 mini", "C11", "P1P", "C12",
            "P1S", "BL-P001", "X1C", "BL-P002", "X1", "C13", "X1E", "O1D", "H2D");
    /** Models without a chamber sensor: they report a constant chamber_temper (5) that measures nothing. */
    private static final Set<String> NO_CHAMBER_SENSOR = Set.of("A1", "A1 MINI", "P1P", "P1S");
    /** err_code of a command refused by Authorization Control: unsigned (0x05024007), unverifiable (0x05024009). */
    private static final Set<Long> AUTHORIZATION_CODES = Set.of(0x05024007L, 0x05024009L);
    /** Bit of print.fun set while the firmware requires signed commands (Developer Mode off); ha-bambulab reads it. */
    private static final long FUN_MQTT_SIGNATURE_REQUIRED = 0x20000000L;
    private static final String DEVELOPER_MODE_HINT =
            "the printer takes third-party commands only in LAN-only Developer Mode";

    private final ObjectNode print;
    private final String configuredModel;
    private String firmware;
    private String reportedModel;
    private boolean stateSeen;
    private String refusal;

    /** @param configuredModel the model the printer was registered as, null when unknown */
    public BambuReport(ObjectNode empty, String configuredModel) {
        this.print = empty;
        this.configuredModel = configuredModel;
    }

    /**
     * Merges one message from {@code device/{serial}/report}.
     *
     * @return true when the printer's state is now (still) known and worth delivering: a {@code print} report once
     *         one has named the gcode_state, or a get_version answer after that (the firmware must not wait for the
     *         next report, which an idle printer may not send for long)
     */
    public boolean merge(JsonNode message) {
        JsonNode info = message.path("info");
        if ("get_version".equals(info.path("command").asText())) {
            for (JsonNode module : info.path("module")) {
                if ("ota".equals(module.path("name").asText())) {
                    firmware = text(module.get("sw_ver"));
                    reportedModel = modelOf(text(module.get("product_name")), text(module.get("project_name")));
                }
            }
            return stateSeen;
        }
        JsonNode report = message.path("print");
        if (!report.isObject() || isCommandReply(report)) {
            // replies to other clients' commands (the slicer, the app) say nothing about the printer's state
            return false;
        }
        Boolean developerModeBefore = developerMode();
        deepMerge(print, (ObjectNode) report);
        // a partial report that comes before the pushall answer names no gcode_state: the state is not known yet
        stateSeen = print.has("gcode_state");
        if (refusal != null && Boolean.TRUE.equals(developerMode()) && !Boolean.TRUE.equals(developerModeBefore)) {
            refusal = null;
        }
        return stateSeen;
    }

    /**
     * Takes the printer's reply to one of our own commands: a refusal by Authorization Control makes the printer
     * read-only, any accepted command makes it controllable again.
     *
     * @return true when what the snapshot says about control changed
     */
    public boolean answered(String command, JsonNode reply) {
        String before = refusal;
        if (refusedForAuthorization(reply)) {
            refusal = "the printer refused " + command + ": " + reason(reply) + " (err_code " + errorCode(reply)
                    + "); " + DEVELOPER_MODE_HINT;
        } else if (!failed(reply)) {
            refusal = null;
        }
        return stateSeen && !Objects.equals(before, refusal);
    }

    /** A reply to a command rather than a report: it carries a result or an err_code (push_status never does). */
    static boolean isCommandReply(JsonNode report) {
        return !"push_status".equals(report.path("command").asText("push_status"))
                && (report.has("result") || report.has("err_code"));
    }

    /** The reply says the command was not carried out ("fail", "failed" or a non-zero err_code). */
    static boolean failed(JsonNode reply) {
        String result = reply.path("result").asText("");
        return reply.path("err_code").asLong(0) != 0 || "fail".equalsIgnoreCase(result)
                || "failed".equalsIgnoreCase(result);
    }

    /** Refused because the firmware requires authorization (Developer Mode off), not because of the printer's state. */
    static boolean refusedForAuthorization(JsonNode reply) {
        return AUTHORIZATION_CODES.contains(reply.path("err_code").asLong(0))
                || reply.path("reason").asText("").toLowerCase(Locale.ROOT).contains("verify failed");
    }

    /** The reply's err_code as the hex Bambu documents it, e.g. "0x05024007". */
    static String errorCode(JsonNode reply) {
        return String.format(Locale.ROOT, "0x%08X", reply.path("err_code").asLong(0));
    }

    /** What the printer said; a project_file echo carries no reason, only its err_code. */
    static String reason(JsonNode reply) {
        String reason = text(reply.get("reason"));
        if (reason != null) {
            return reason;
        }
        return refusedForAuthorization(reply) ? "refused without a reason (authorization required)"
                : "refused without a reason";
    }

    /** What print.fun says about Developer Mode; null where the firmware does not report fun (A1, P1). */
    private Boolean developerMode() {
        String fun = text(print.get("fun"));
        if (fun == null) {
            return null;
        }
        try {
            return (Long.parseUnsignedLong(fun.trim(), 16) & FUN_MQTT_SIGNATURE_REQUIRED) == 0;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Why we cannot control the printer: its refusal of our last command, or fun saying Developer Mode is off. */
    private String readOnlyReason() {
        if (refusal != null) {
            return refusal;
        }
        return Boolean.FALSE.equals(developerMode())
                ? "the printer reports that it requires signed commands (Developer Mode off); " + DEVELOPER_MODE_HINT
                : null;
    }

    /** "Bambu Lab X1-Carbon" is an X1C; without a product name the project code tells ("N2S" is an A1). */
    static String modelOf(String productName, String projectName) {
        if (productName != null) {
            String model = productName.replaceFirst("(?i)^Bambu Lab\\s+", "").trim();
            return "X1-Carbon".equalsIgnoreCase(model) ? "X1C" : model;
        }
        return projectName == null ? null : PROJECTS.get(projectName.toUpperCase(Locale.ROOT));
    }

    private static void deepMerge(ObjectNode target, ObjectNode update) {
        for (Map.Entry<String, JsonNode> field : update.properties()) {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode updateObject) {
                deepMerge(existingObject, updateObject);
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    /** The model this printer is: what it reports, else what it was registered as. */
    String model() {
        return reportedModel != null ? reportedModel : configuredModel;
    }

    public PrinterSnapshot snapshot() {
        String raw = print.path("gcode_state").asText("IDLE");
        int error = print.path("print_error").asInt(0);
        return new PrinterSnapshot(state(raw), raw, temperatures(), job(), device(),
                error == 0 ? null : Integer.toHexString(error).toUpperCase(Locale.ROOT), trays(), Instant.now(),
                readOnlyReason());
    }

    private Temperatures temperatures() {
        JsonNode device = print.path("device");
        Double nozzle = number(print.get("nozzle_temper"));
        Double nozzleTarget = number(print.get("nozzle_target_temper"));
        Double bed = number(print.get("bed_temper"));
        Double bedTarget = number(print.get("bed_target_temper"));
        Double chamber = number(print.get("chamber_temper"));
        // newer models (H2D, X1 firmware with a device block) pack temperatures as target << 16 | current
        JsonNode extruders = device.path("extruder").path("info");
        if (extruders.isArray() && !extruders.isEmpty()) {
            int active = (device.path("extruder").path("state").asInt(0) >> 4) & 0xF;
            JsonNode extruder = extruders.get(0);
            for (JsonNode candidate : extruders) {
                if (candidate.path("id").asInt(-1) == active) {
                    extruder = candidate;
                }
            }
            if (extruder.has("temp")) {
                int packed = extruder.path("temp").asInt();
                nozzle = (double) (packed & 0xFFFF);
                nozzleTarget = (double) (packed >> 16);
            }
        }
        if (device.path("bed").path("info").has("temp")) {
            int packed = device.path("bed").path("info").path("temp").asInt();
            bed = (double) (packed & 0xFFFF);
            bedTarget = (double) (packed >> 16);
        }
        if (chamber == null && device.path("ctc").path("info").has("temp")) {
            chamber = (double) (device.path("ctc").path("info").path("temp").asInt() & 0xFFFF);
        }
        String model = model();
        if (model != null && NO_CHAMBER_SENSOR.contains(model.toUpperCase(Locale.ROOT))) {
            chamber = null;
        }
        return new Temperatures(nozzle, nozzleTarget, bed, bedTarget, chamber);
    }

    private JobReport job() {
        if (!state(print.path("gcode_state").asText("IDLE")).isActive() && text(print.get("subtask_name")) == null
                && text(print.get("gcode_file")) == null) {
            return JobReport.NONE;
        }
        Integer remainingMinutes = integer(print.get("mc_remaining_time"));
        String name = text(print.get("subtask_name"));
        String file = text(print.get("gcode_file"));
        String task = text(print.get("task_id"));
        // not sent by every firmware: the job's filament total, when the printer reports it
        Double used = number(print.path("filament_used").get("total_g"));
        return new JobReport("0".equals(task) ? null : task, name != null ? name : file, file,
                number(print.get("mc_percent")), integer(print.get("layer_num")), integer(print.get("total_layer_num")),
                remainingMinutes == null ? null : remainingMinutes * 60, null, used, PrintFileMetadata.NONE,
                integer(print.get("spd_mag")));
    }

    private DeviceReport device() {
        JsonNode camera = print.path("ipcam").get("ipcam_dev");
        return new DeviceReport(firmware, model(), camera == null ? null : "1".equals(camera.asText()));
    }

    static PrinterState state(String gcodeState) {
        return switch (gcodeState) {
            case "PREPARE", "RUNNING", "SLICING" -> PrinterState.PRINTING;
            case "PAUSE" -> PrinterState.PAUSED;
            case "FINISH" -> PrinterState.FINISHED;
            case "FAILED" -> PrinterState.FAILED;
            case "OFFLINE" -> PrinterState.OFFLINE;
            default -> PrinterState.IDLE;
        };
    }

    private List<TraySnapshot> trays() {
        List<TraySnapshot> trays = new ArrayList<>();
        for (JsonNode unit : print.path("ams").path("ams")) {
            int amsId = unit.path("id").asInt();
            for (JsonNode tray : unit.path("tray")) {
                trays.add(tray(amsId, tray));
            }
        }
        JsonNode external = print.path("vt_tray");
        if (external.isObject() && text(external.get("tray_type")) != null) {
            trays.add(tray(EXTERNAL_SPOOL_AMS, external));
        }
        return trays;
    }

    private static TraySnapshot tray(int amsId, JsonNode tray) {
        int trayId = amsId == EXTERNAL_SPOOL_AMS ? 0 : tray.path("id").asInt();
        String color = text(tray.get("tray_color"));
        Integer remain = integer(tray.get("remain"));
        Integer weight = integer(tray.get("tray_weight"));
        return new TraySnapshot(amsId, trayId, text(tray.get("tray_type")),
                color == null ? null : "#" + color.substring(0, Math.min(6, color.length())),
                remain == null || remain < 0 ? null : remain, weight == null || weight <= 0 ? null : weight,
                text(tray.get("tray_sub_brands")), text(tray.get("tray_uuid")));
    }

    // Bambu sends many numbers as strings ("mc_print_stage": "1"); both forms are accepted.
    private static Double number(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.valueOf(node.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(JsonNode node) {
        Double value = number(node);
        return value == null || value.isNaN() || value.isInfinite() ? null
                : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.round(value)));
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String value = node.asText();
        return value.isBlank() ? null : value;
    }
}
