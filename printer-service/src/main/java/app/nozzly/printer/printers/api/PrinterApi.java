package app.nozzly.printer.printers.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.nozzly.printer.api.Pagination;
import app.nozzly.printer.printers.ConnectionType;
import app.nozzly.printer.printers.PrinterType;

/** API records of specs/003 "Printer Management" and specs/002 "Printer Management" (snake_case JSON). */
public final class PrinterApi {

    /** A printer id: chosen by the client, unique within its tenant (column printer.id, varchar(64)). */
    private static final String ID = "[A-Za-z0-9_.-]+";
    private static final String ID_RULE = "must be letters, digits, '_', '-' or '.'";
    /** A serial as the printer's certificate names it, or blank for none. */
    private static final String SERIAL = "|[A-Za-z0-9-]+";
    private static final String SERIAL_RULE = "must be letters, digits or '-'";

    private PrinterApi() {
    }

    /**
     * specs/003 POST /printers. Beyond the spec: model, mqtt_port, ftps_port (Bambu), port, username, password
     * (PrusaLink) and ca_certificate (PEM of the CA that signs this Bambu printer's certificate). serial_number may
     * be left out for a Bambu printer: its certificate names it on the first connection. Bounds are the columns'.
     */
    public record CreatePrinter(@NotBlank @Size(max = 64) @Pattern(regexp = ID, message = ID_RULE) String id,
            @NotBlank @Size(max = 200) String name, @NotNull PrinterType type, @Size(max = 64) String model,
            @NotBlank @Size(max = 255) String ipAddress, @Size(max = 255) String accessCode,
            @Size(max = 64) @Pattern(regexp = SERIAL, message = SERIAL_RULE) String serialNumber, Boolean isActive,
            @Min(1) @Max(65535) Integer mqttPort, @Min(1) @Max(65535) Integer ftpsPort,
            @Min(1) @Max(65535) Integer port, @Size(max = 128) String username, @Size(max = 255) String password,
            String caCertificate, @Size(max = 36) String agentId) {
    }

    /** specs/003 PUT /printers/{id}: every field optional. */
    public record UpdatePrinter(@Size(max = 200) String name, @Size(max = 64) String model,
            @Size(max = 255) String ipAddress, @Size(max = 255) String accessCode,
            @Size(max = 64) @Pattern(regexp = SERIAL, message = SERIAL_RULE) String serialNumber, Boolean isActive,
            @Min(1) @Max(65535) Integer mqttPort, @Min(1) @Max(65535) Integer ftpsPort,
            @Min(1) @Max(65535) Integer port, @Size(max = 128) String username, @Size(max = 255) String password,
            String caCertificate, @Size(max = 36) String agentId) {
    }

    public record Created(String id, String name, PrinterType type, String status, String connectionStatus,
            String message, Instant createdAt) {
    }

    @Schema(name = "PrinterUpdated")
    public record Updated(String id, String message, Instant updatedAt) {
    }

    @Schema(name = "PrinterDeleted")
    public record Deleted(String message, Instant deletedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CurrentJob(long id, String name, String status, double progress, Integer layerCurrent,
            Integer layerTotal, Integer estimatedRemaining, Instant startedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Temperatures(Double nozzle, Double nozzleTarget, Double bed, Double bedTarget, Double chamber) {
    }

    public record Statistics(long totalJobs, long successfulJobs, long failedJobs, long totalPrintTime,
            double materialUsedTotal) {
    }

    public record Capabilities(boolean hasCamera, boolean hasAms, boolean supportsRemoteControl) {
    }

    /** One printer in GET /printers; read_only_reason (beyond specs/003) when it takes no commands from us. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    @Schema(name = "PrinterSummary")
    public record Summary(String id, String name, PrinterType type, String model, String ipAddress,
            String serialNumber, String status, @JsonInclude(JsonInclude.Include.ALWAYS) CurrentJob currentJob,
            Temperatures temperatures, boolean isActive, Instant lastSeen, Instant createdAt, String readOnlyReason) {
    }

    /** GET /printers/{id}; read_only_reason (beyond specs/003) says why supports_remote_control is false. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Detail(String id, String name, PrinterType type, String model, String ipAddress,
            String serialNumber, String accessCode, String status, String connectionStatus, String firmwareVersion,
            @JsonInclude(JsonInclude.Include.ALWAYS) CurrentJob currentJob, Temperatures temperatures,
            Statistics statistics, Capabilities capabilities, boolean isActive, Instant lastSeen, Instant createdAt,
            String readOnlyReason, String agentId) {
    }

    public record ListPage(List<Summary> printers, long totalCount, long activeCount, Pagination pagination) {
    }

    /**
     * specs/002 POST /bambu/printers. A LAN printer needs only name, api_url and access_code: its serial is learned
     * from its certificate, an explicit port in api_url is its MQTT port. id, model, serial_number, mqtt_port,
     * ftps_port and ca_certificate are extensions.
     */
    public record CreateBambuPrinter(@Size(max = 64) @Pattern(regexp = ID, message = ID_RULE) String id,
            @NotBlank @Size(max = 200) String name, @NotNull ConnectionType connectionType,
            @Size(max = 64) @Pattern(regexp = SERIAL, message = SERIAL_RULE) String serialNumber,
            @Size(max = 255) String accessCode, @Size(max = 255) String apiUrl, @Size(max = 64) String model,
            @Min(1) @Max(65535) Integer mqttPort, @Min(1) @Max(65535) Integer ftpsPort, String caCertificate) {
    }

    /** specs/002 printer item (ids are strings, shared with specs/003). */
    public record BambuPrinter(String id, String name, String type, ConnectionType connectionType,
            String serialNumber, String status, String currentJob, int utilizationPct, Instant createdAt) {
    }

    /** specs/002 GET /bambu/printers/{id}/status. */
    public record BambuStatus(String id, String status, String currentJob, double progress, Double nozzleTemp,
            Double bedTemp, Double chamberTemp, int utilization, Integer estimatedTimeRemaining, Instant lastUpdated) {
    }
}
