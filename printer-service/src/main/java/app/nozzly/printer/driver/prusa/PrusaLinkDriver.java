package app.nozzly.printer.driver.prusa;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.nozzly.printer.driver.DriverListener;
import app.nozzly.printer.driver.PrinterCommandException;
import app.nozzly.printer.driver.PrinterDriver;
import app.nozzly.printer.driver.PrinterSnapshot;
import app.nozzly.printer.driver.PrinterState;
import app.nozzly.printer.driver.RemoteFile;
import app.nozzly.printer.driver.TraySnapshot;

/**
 * PrusaLink (reference/prusalink/openapi.yaml): HTTP with Digest authentication, polled. /api/version when
 * connecting, /api/v1/status every poll, /api/v1/job while a job runs (204 when idle), job pause/resume/stop
 * and files on the "usb" storage (MK4, Core One).
 */
public final class PrusaLinkDriver implements PrinterDriver {

    private static final String STORAGE = "usb";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final ObjectMapper json;
    private final ScheduledExecutorService executor;
    private final PrusaEndpoint endpoint;
    private final HttpClient http;
    private final DigestAuthenticator digest;
    private ScheduledFuture<?> polling;
    private String firmware;
    private Integer jobId;
    private Integer cachedJobId;
    private String jobName;
    private String jobPath;
    private Double jobFilamentGrams;
    private Integer layerTotal;

    /** Where and how to reach one printer. */
    public record PrusaEndpoint(String printerId, String baseUrl, String username, String password,
            Duration pollInterval, String model) {
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
        if (jobId != null && !jobId.equals(cachedJobId)) {
            readJob();
        }
        PrinterState state = state(raw, jobId != null);
        List<TraySnapshot> trays = List.of();
        listener.onReport(new PrinterSnapshot(state, raw, job.has("progress") ? job.path("progress").asDouble() : null,
                null, layerTotal, job.has("time_remaining") ? job.path("time_remaining").asInt() : null,
                number(printer, "temp_nozzle"), number(printer, "target_nozzle"), number(printer, "temp_bed"),
                number(printer, "target_bed"), null, jobId == null ? null : jobName, jobId == null ? null : jobPath,
                jobId == null ? null : jobFilamentGrams, firmware, "ERROR".equals(raw) ? raw : null, trays, Instant.now()));
    }

    private void readJob() {
        HttpResponse<byte[]> response = send("GET", "/api/v1/job", null);
        if (response.statusCode() == 204) {
            return;
        }
        JsonNode job = parse(response);
        JsonNode file = job.path("file");
        cachedJobId = job.path("id").asInt();
        jobName = file.path("display_name").asText(file.path("name").asText(null));
        String dir = file.path("path").asText("");
        jobPath = (dir.endsWith("/") ? dir : dir + "/") + file.path("name").asText("");
        JsonNode meta = file.path("meta");
        jobFilamentGrams = meta.has("filament used [g]") ? meta.path("filament used [g]").asDouble() : null;
        layerTotal = meta.has("layer_count") ? meta.path("layer_count").asInt() : null;
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
        command("POST", "/api/v1/files/" + STORAGE + encodePath(storagePath(path)));
    }

    @Override
    public List<RemoteFile> listFiles() {
        List<RemoteFile> files = new ArrayList<>();
        collect("/", getJson("/api/v1/files/" + STORAGE + "/"), files, 0);
        return files;
    }

    private void collect(String dir, JsonNode folder, List<RemoteFile> files, int depth) {
        for (JsonNode child : folder.path("children")) {
            String name = child.path("name").asText();
            String path = dir + name;
            if ("FOLDER".equals(child.path("type").asText())) {
                if (depth < 2) {
                    collect(path + "/", getJson("/api/v1/files/" + STORAGE + encodePath(path) + "/"), files, depth + 1);
                }
            } else {
                long modified = child.path("m_timestamp").asLong(0);
                files.add(new RemoteFile(path, child.path("display_name").asText(name), child.path("size").asLong(0),
                        modified == 0 ? null : Instant.ofEpochSecond(modified)));
            }
        }
    }

    @Override
    public void download(String path, OutputStream target, LongConsumer progress) {
        JsonNode info = getJson("/api/v1/files/" + STORAGE + encodePath(storagePath(path)));
        String raw = info.path("refs").path("download").asText(null);
        if (raw == null) {
            throw new PrinterCommandException("printer " + endpoint.printerId() + " offers no download for " + path);
        }
        HttpResponse<InputStream> response = sendStreaming(raw);
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new PrinterCommandException("printer " + endpoint.printerId() + " answered "
                        + response.statusCode() + " for " + raw);
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

    private HttpResponse<byte[]> send(String method, String path, byte[] body) {
        HttpResponse<byte[]> response = exchange(method, path, body, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 401 && digest.accept(response.headers().firstValue("WWW-Authenticate").orElse(null))) {
            response = exchange(method, path, body, HttpResponse.BodyHandlers.ofByteArray());
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

    private <T> HttpResponse<T> exchange(String method, String path, byte[] body, HttpResponse.BodyHandler<T> handler) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + path))
                .timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
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
        return node.has(field) && node.get(field).isNumber() ? node.get(field).asDouble() : null;
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
