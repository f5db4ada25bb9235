package app.nozzly.printer.driver.prusa;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.printer.driver.DriverListener;
import app.nozzly.printer.driver.PrintFileMetadata;
import app.nozzly.printer.driver.PrinterCommandException;
import app.nozzly.printer.driver.PrinterDriver;
import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.driver.PrinterSnapshot.DeviceReport;
import app.nozzly.printer.driver.PrinterSnapshot.JobReport;
import app.nozzly.printer.driver.PrinterSnapshot.Temperatures;
import app.nozzly.printer.driver.PrinterState;
import app.nozzly.printer.driver.RemoteFile;

/**
 * PrusaLink (reference/prusalink/openapi.yaml): HTTP with Digest authentication, polled. /api/version when
 * connecting, /api/v1/status every poll, /api/v1/job when the printer starts another job (204 when idle), job
 * pause/resume/stop and files on the "usb" storage (MK4, Core One): /api/v1/files/usb is the storage's root folder,
 * /api/v1/files/usb/{path} a file or folder in it, and a file's refs say where its bytes and thumbnails are.
 */
public final class PrusaLinkDriver implements PrinterDriver {

    private static final String STORAGE = "usb";
    private static final String FILES = "/api/v1/files/" + STORAGE;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern PERCENT = Pattern.compile("(\\d+)\\s*%?");
    /** What a job streamed over the serial line (openapi.yaml JobSerialPrint) is called: it has no file. */
    static final String SERIAL_PRINT = "Serial print";

    private final ObjectMapper json;
    private final ScheduledExecutorService executor;
    private final PrusaEndpoint endpoint;
    private final HttpClient http;
    private final DigestAuthenticator digest;
    private ScheduledFuture<?> polling;
    private String firmware;
    private Integer jobId;
    private CurrentJob current;

    /** Where and how to reach one printer. */
    public record PrusaEndpoint(String printerId, String baseUrl, String username, String password,
            Duration pollInterval, String model) {
    }

    /** What /api/v1/job said about the job the printer runs, read once per job id. */
    private record CurrentJob(int id, String name, String path, PrintFileMetadata settings) {
    }

    public PrusaLinkDriver(ObjectMapper json, ScheduledExecutorService executor, PrusaEndpoint endpoint) {
        this.json = json;
        this.executor = executor;
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
        this.digest = new DigestAuthenticator(endpoint.username(), endpoint.password());
    }

    @Override
    public void connect(DriverListener listener) {
        JsonNode version = getJson("/api/version");
        firmware = version.path("firmware").asText(null);
        poll(listener);
        synchronized (this) {
            polling = executor.scheduleWithFixedDelay(() -> {
                try {
                    poll(listener);
                } catch (RuntimeException e) {
                    cancelPolling();
                    listener.onConnectionLost(e.getMessage());
                }
            }, endpoint.pollInterval().toMillis(), endpoint.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void poll(DriverListener listener) {
        JsonNode status = getJson("/api/v1/status");
        JsonNode printer = status.path("printer");
        JsonNode job = status.path("job");
        String raw = printer.path("state").asText("IDLE");
        jobId = job.has("id") ? job.path("id").asInt() : null;
        if (jobId != null && (current == null || current.id() != jobId)) {
            current = readJob();
        }
        JobReport report = JobReport.NONE;
        if (jobId != null && current != null) {
            report = new JobReport(Integer.toString(jobId), current.name(), current.path(), number(job, "progress"),
                    null, current.settings().layerCount(), integer(job, "time_remaining"),
                    integer(job, "time_printing"), null, current.settings(), integer(printer, "speed"));
        }
        listener.onReport(new PrinterSnapshot(state(raw, jobId != null), raw,
                new Temperatures(number(printer, "temp_nozzle"), number(printer, "target_nozzle"),
                        number(printer, "temp_bed"), number(printer, "target_bed"), null),
                report, new DeviceReport(firmware, null, null), "ERROR".equals(raw) ? raw : null, List.of(),
                Instant.now()));
    }

    /** The job the printer runs; a serial print (streamed over USB) has no file, so no path and no file name. */
    private CurrentJob readJob() {
        HttpResponse<byte[]> response = send("GET", "/api/v1/job", null);
        if (response.statusCode() == 204) {
            return null;
        }
        JsonNode job = parse(response);
        JsonNode file = job.path("file");
        if (!file.isObject()) {
            return new CurrentJob(job.path("id").asInt(), SERIAL_PRINT, null, PrintFileMetadata.NONE);
        }
        String name = text(file, "name");
        String dir = file.path("path").asText("");
        String path = name == null ? null : (dir.endsWith("/") ? dir : dir + "/") + name;
        String display = text(file, "display_name");
        return new CurrentJob(job.path("id").asInt(), display != null ? display : name, path,
                metadata(file.path("meta")));
    }

    /** openapi.yaml PrintFileMetadata, as far as specs/003 uses it. */
    static PrintFileMetadata metadata(JsonNode meta) {
        if (!meta.isObject()) {
            return PrintFileMetadata.NONE;
        }
        Double layerHeight = number(meta, "layer_height");
        Double maxZ = number(meta, "max_layer_z");
        Integer layers = layerHeight == null || maxZ == null || layerHeight <= 0 ? null
                : (int) Math.round(maxZ / layerHeight);
        String support = text(meta, "support_material");
        return new PrintFileMetadata(integer(meta, "estimated_print_time"), layerHeight, layers,
                percent(text(meta, "fill_density")),
                support == null ? null : !"0".equals(support) && !"false".equals(support),
                text(meta, "filament_type"), integer(meta, "temperature"), integer(meta, "bed_temperature"),
                number(meta, "filament used [g]"));
    }

    private static Integer percent(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = PERCENT.matcher(value.trim());
        return matcher.matches() ? Integer.valueOf(matcher.group(1)) : null;
    }

    static PrinterState state(String raw, boolean hasJob) {
        return switch (raw) {
            case "PRINTING" -> PrinterState.PRINTING;
            case "PAUSED" -> PrinterState.PAUSED;
            case "FINISHED" -> PrinterState.FINISHED;
            case "ERROR", "ATTENTION" -> PrinterState.ERROR;
            case "BUSY" -> hasJob ? PrinterState.PRINTING : PrinterState.IDLE;
            default -> PrinterState.IDLE;
        };
    }

    @Override
    public void refresh() {
        // status is polled continuously; nothing to request
    }

    @Override
    public void pause() {
        command("PUT", "/api/v1/job/" + requireJob() + "/pause");
    }

    @Override
    public void resume() {
        command("PUT", "/api/v1/job/" + requireJob() + "/resume");
    }

    @Override
    public void stop() {
        command("DELETE", "/api/v1/job/" + requireJob());
    }

    @Override
    public void startPrint(String path, Integer amsSlot) {
        command("POST", FILES + encodePath(storagePath(path)));
    }

    @Override
    public List<RemoteFile> listFiles() {
        List<RemoteFile> files = new ArrayList<>();
        collect("/", getJson(FILES), files, 0);
        return files;
    }

    private void collect(String dir, JsonNode folder, List<RemoteFile> files, int depth) {
        for (JsonNode child : folder.path("children")) {
            String name = child.path("name").asText();
            String path = dir + name;
            if ("FOLDER".equals(child.path("type").asText())) {
                if (depth < 2) {
                    collect(path + "/", getJson(FILES + encodePath(path)), files, depth + 1);
                }
            } else {
                long modified = child.path("m_timestamp").asLong(0);
                files.add(new RemoteFile(path, child.path("display_name").asText(name), child.path("size").asLong(0),
                        modified == 0 ? null : Instant.ofEpochSecond(modified)));
            }
        }
    }

    @Override
    public Optional<RemoteFile.Description> describe(String path) {
        JsonNode info = getJson(FILES + encodePath(storagePath(path)));
        String thumbnailRef = text(info.path("refs"), "thumbnail");
        byte[] thumbnail = null;
        if (thumbnailRef != null) {
            HttpResponse<byte[]> response = send("GET", reference(thumbnailRef), null);
            thumbnail = response.statusCode() == 200 ? response.body() : null;
        }
        return Optional.of(new RemoteFile.Description(metadata(info.path("meta")), thumbnail));
    }

    @Override
    public void download(String path, OutputStream target, LongConsumer progress) {
        JsonNode info = getJson(FILES + encodePath(storagePath(path)));
        String ref = text(info.path("refs"), "download");
        if (ref == null) {
            throw new PrinterCommandException("printer " + endpoint.printerId() + " offers no download for " + path);
        }
        String location = reference(ref);
        HttpResponse<InputStream> response = sendStreaming(location);
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new PrinterCommandException("printer " + endpoint.printerId() + " answered "
                        + response.statusCode() + " for the download of " + path + " (" + location + ")");
            }
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                target.write(buffer, 0, read);
                total += read;
                progress.accept(total);
            }
        } catch (IOException e) {
            throw new PrinterCommandException("downloading " + path + " from " + endpoint.printerId() + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String uploadPath(String name) {
        return "/" + name;
    }

    @Override
    public void upload(String path, byte[] content) {
        HttpResponse<byte[]> response = send("PUT", FILES + encodePath(storagePath(path)), content, "Overwrite", "?1",
                "Content-Type", "application/octet-stream");
        if (response.statusCode() / 100 != 2) {
            throw new PrinterCommandException("printer " + endpoint.printerId() + " answered "
                    + response.statusCode() + " to the upload of " + path);
        }
    }

    /**
     * A ref as a request path: refs are server-relative ("/usb/BRACKET.BGC"); one that is not percent-encoded
     * yet is encoded segment by segment.
     */
    static String reference(String ref) {
        String path = ref.startsWith("http://") || ref.startsWith("https://") ? URI.create(ref).getRawPath() : ref;
        String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        return encodePath(decoded.startsWith("/") ? decoded : "/" + decoded);
    }

    private static String storagePath(String path) {
        String trimmed = path.startsWith("/" + STORAGE + "/") ? path.substring(STORAGE.length() + 1) : path;
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }

    private static String encodePath(String path) {
        return Stream.of(path.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    private int requireJob() {
        if (jobId == null) {
            throw new PrinterCommandException("printer " + endpoint.printerId() + " has no job to control");
        }
        return jobId;
    }

    private void command(String method, String path) {
        HttpResponse<byte[]> response = send(method, path, null);
        int status = response.statusCode();
        if (status == 409) {
            throw new PrinterCommandException("printer " + endpoint.printerId() + " is busy (409 for " + method + " " + path + ")");
        }
        if (status / 100 != 2) {
            throw new PrinterCommandException("printer " + endpoint.printerId() + " answered " + status + " to "
                    + method + " " + path);
        }
    }

    private JsonNode getJson(String path) {
        HttpResponse<byte[]> response = send("GET", path, null);
        if (response.statusCode() != 200) {
            throw new PrinterCommandException("printer " + endpoint.printerId() + " answered " + response.statusCode()
                    + " to GET " + path);
        }
        return parse(response);
    }

    private JsonNode parse(HttpResponse<byte[]> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new PrinterCommandException("printer " + endpoint.printerId() + " sent unreadable JSON: " + e.getMessage(), e);
        }
    }

    private HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers) {
        HttpResponse<byte[]> response = exchange(method, path, body, HttpResponse.BodyHandlers.ofByteArray(), headers);
        if (response.statusCode() == 401 && digest.accept(response.headers().firstValue("WWW-Authenticate").orElse(null))) {
            response = exchange(method, path, body, HttpResponse.BodyHandlers.ofByteArray(), headers);
        }
        if (response.statusCode() == 401) {
            throw new PrinterCommandException("printer " + endpoint.printerId() + " rejected the PrusaLink credentials of user "
                    + endpoint.username());
        }
        return response;
    }

    private HttpResponse<InputStream> sendStreaming(String path) {
        HttpResponse<InputStream> response = exchange("GET", path, null, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 401 && digest.accept(response.headers().firstValue("WWW-Authenticate").orElse(null))) {
            try {
                response.body().close();
            } catch (IOException e) {
                throw new PrinterCommandException("printer " + endpoint.printerId() + ": " + e.getMessage(), e);
            }
            response = exchange("GET", path, null, HttpResponse.BodyHandlers.ofInputStream());
        }
        return response;
    }

    private <T> HttpResponse<T> exchange(String method, String path, byte[] body, HttpResponse.BodyHandler<T> handler,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + path))
                .timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (digest.ready()) {
            request.header("Authorization", digest.authorization(method, path));
        }
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new PrinterCommandException("PrusaLink " + endpoint.baseUrl() + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrinterCommandException("interrupted while calling " + endpoint.printerId(), e);
        }
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        try {
            return Double.valueOf(value.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(JsonNode node, String field) {
        Double value = number(node, field);
        return value == null || value.isNaN() || value.isInfinite() ? null
                : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.round(value)));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private synchronized void cancelPolling() {
        if (polling != null) {
            polling.cancel(false);
            polling = null;
        }
    }

    @Override
    public void close() {
        cancelPolling();
    }
}
