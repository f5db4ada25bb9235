package app.nozzly.sim.prusa;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import app.nozzly.sim.StoredFile;
import io.vertx.core.json.JsonObject;

/** The PrusaLink v1 HTTP API (prusalink/openapi.yaml): Digest authentication first, then routing by method and path. */
final class PrusaLinkHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(PrusaLinkHandler.class.getName());
    private static final Pattern JOB_ACTION = Pattern.compile("/api/v1/job/(\\d+)(?:/(pause|resume|continue))?");
    private static final Pattern FILES = Pattern.compile("/api/v1/files/([^/]+)(/.*)?");
    /** refs.download of a file: its bytes at /usb/{path}. */
    private static final Pattern DOWNLOAD = Pattern.compile("/" + PrusaLinkSimulator.STORAGE + "(/.+)");
    /** refs.icon and refs.thumbnail: /thumb/s|l/usb/{path}. */
    private static final Pattern THUMBNAIL = Pattern.compile("/thumb/([sl])/" + PrusaLinkSimulator.STORAGE + "(/.+)");

    private final PrusaLinkSimulator printer;
    private final DigestAuthentication digest;

    PrusaLinkHandler(PrusaLinkSimulator printer, DigestAuthentication digest) {
        this.printer = printer;
        this.digest = digest;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            DigestAuthentication.Result auth = digest.check(method,
                    exchange.getRequestHeaders().getFirst("Authorization"));
            if (auth != DigestAuthentication.Result.AUTHORIZED) {
                drain(exchange);
                exchange.getResponseHeaders().add("WWW-Authenticate",
                        digest.challenge(auth == DigestAuthentication.Result.STALE));
                error(exchange, 401, "Unauthorized", auth == DigestAuthentication.Result.STALE
                        ? "The nonce is stale, retry with the new one" : "Wrong user name or password");
                return;
            }
            route(exchange, method, exchange.getRequestURI().getRawPath());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "PrusaLink simulator failed on " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI(), e);
            error(exchange, 500, "Internal Server Error", String.valueOf(e.getMessage()));
        }
    }

    private void route(HttpExchange exchange, String method, String path) throws IOException {
        synchronized (printer.lock()) {
            printer.advance();
        }
        if (path.equals("/api/version") && method.equals("GET")) {
            json(exchange, 200, printer.version());
            return;
        }
        if (path.equals("/api/v1/info") && method.equals("GET")) {
            json(exchange, 200, printer.info());
            return;
        }
        if (path.equals("/api/v1/status") && method.equals("GET")) {
            JsonObject status;
            synchronized (printer.lock()) {
                status = printer.status();
            }
            json(exchange, 200, status);
            return;
        }
        if (path.equals("/api/v1/storage") && method.equals("GET")) {
            JsonObject storage;
            synchronized (printer.lock()) {
                storage = printer.storageList();
            }
            json(exchange, 200, storage);
            return;
        }
        if (path.equals("/api/v1/job") && method.equals("GET")) {
            Optional<JsonObject> job;
            synchronized (printer.lock()) {
                job = printer.job();
            }
            if (job.isPresent()) {
                json(exchange, 200, job.get());
            } else {
                empty(exchange, 204);
            }
            return;
        }
        Matcher jobAction = JOB_ACTION.matcher(path);
        if (jobAction.matches()) {
            jobAction(exchange, method, Integer.parseInt(jobAction.group(1)), jobAction.group(2));
            return;
        }
        Matcher files = FILES.matcher(path);
        if (files.matches()) {
            if ("/".equals(files.group(2))) {
                // openapi.yaml: {path} of /api/v1/files/{storage}/{path} is required; the storage itself is the root
                drain(exchange);
                error(exchange, 422, "Unprocessable Entity", "path is required: ask /api/v1/files/"
                        + files.group(1) + " for the storage root");
                return;
            }
            files(exchange, method, files.group(1), files.group(2) == null ? "/" : files.group(2));
            return;
        }
        Matcher download = DOWNLOAD.matcher(path);
        if (download.matches() && method.equals("GET")) {
            raw(exchange, decoded(download.group(1)), null);
            return;
        }
        Matcher thumbnail = THUMBNAIL.matcher(path);
        if (thumbnail.matches() && method.equals("GET")) {
            raw(exchange, decoded(thumbnail.group(2)), "l".equals(thumbnail.group(1)));
            return;
        }
        error(exchange, 404, "Not Found", "No such endpoint: " + method + " " + path);
    }

    private void jobAction(HttpExchange exchange, String method, int id, String action) throws IOException {
        boolean expectedMethod = action == null ? method.equals("DELETE") : method.equals("PUT");
        if (!expectedMethod) {
            error(exchange, 405, "Method Not Allowed", method + " is not allowed here");
            return;
        }
        synchronized (printer.lock()) {
            if (!printer.hasJob() || printer.jobId() != id) {
                error(exchange, 404, "Not Found", "No job with id " + id);
                return;
            }
            boolean done = switch (action == null ? "stop" : action) {
                case "pause" -> printer.pauseJob();
                case "resume" -> printer.resumeJob();
                case "continue" -> printer.busy();
                default -> printer.stopJob();
            };
            if (!done) {
                error(exchange, 409, "Conflict", "Job " + id + " is " + printer.printerState() + ", cannot "
                        + (action == null ? "stop" : action));
                return;
            }
        }
        empty(exchange, 204);
    }

    private void files(HttpExchange exchange, String method, String storage, String rawPath) throws IOException {
        if (!PrusaLinkSimulator.STORAGE.equals(storage)) {
            drain(exchange);
            error(exchange, 404, "Not Found", "No storage " + storage);
            return;
        }
        String path;
        try {
            path = PrusaLinkSimulator.normalize(URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            drain(exchange);
            error(exchange, 400, "Bad Request", e.getMessage());
            return;
        }
        switch (method) {
            case "GET" -> getFile(exchange, path);
            case "HEAD" -> headFile(exchange, path);
            case "PUT" -> upload(exchange, path);
            case "POST" -> printFile(exchange, path);
            case "DELETE" -> deleteFile(exchange, path);
            default -> error(exchange, 405, "Method Not Allowed", method + " is not allowed on files");
        }
    }

    /** A file's bytes (large == null) or its small or large thumbnail. */
    private void raw(HttpExchange exchange, String path, Boolean large) throws IOException {
        Optional<byte[]> content;
        synchronized (printer.lock()) {
            content = large == null ? printer.download(path) : printer.thumbnail(path, large);
        }
        if (content.isEmpty()) {
            error(exchange, 404, "Not Found", "No " + (large == null ? "file " : "thumbnail of ") + path);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", large == null ? "application/octet-stream" : "image/png");
        send(exchange, 200, content.get());
    }

    private static String decoded(String rawPath) {
        return PrusaLinkSimulator.normalize(URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8));
    }

    private void getFile(HttpExchange exchange, String path) throws IOException {
        JsonObject body;
        synchronized (printer.lock()) {
            Optional<StoredFile> file = printer.file(path);
            body = file.map(f -> printer.fileInfo(f, true))
                    .orElse(printer.isFolder(path) ? printer.folderInfo(path) : null);
        }
        if (body == null) {
            error(exchange, 404, "Not Found", "No file " + path);
        } else {
            json(exchange, 200, body);
        }
    }

    private void headFile(HttpExchange exchange, String path) throws IOException {
        boolean exists;
        boolean printing;
        synchronized (printer.lock()) {
            exists = printer.file(path).isPresent() || printer.isFolder(path);
            printing = printer.isPrinting(path);
        }
        if (!exists) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        exchange.getResponseHeaders().add("Read-Only", "false");
        exchange.getResponseHeaders().add("Currently-Printed", String.valueOf(printing));
        exchange.sendResponseHeaders(200, -1);
    }

    private void upload(HttpExchange exchange, String path) throws IOException {
        byte[] content;
        try (InputStream body = exchange.getRequestBody()) {
            content = body.readAllBytes();
        }
        if (path.equals("/")) {
            error(exchange, 400, "Bad Request", "A file name is required");
            return;
        }
        boolean overwrite = "?1".equals(exchange.getRequestHeaders().getFirst("Overwrite"));
        boolean printAfterUpload = "?1".equals(exchange.getRequestHeaders().getFirst("Print-After-Upload"));
        synchronized (printer.lock()) {
            if (printer.file(path).isPresent() && !overwrite) {
                error(exchange, 409, "Conflict", "File " + path + " already exists; send Overwrite: ?1 to replace it");
                return;
            }
            if (printer.isPrinting(path)) {
                error(exchange, 409, "Conflict", "File " + path + " is being printed");
                return;
            }
            if (printAfterUpload && printer.busy()) {
                error(exchange, 409, "Conflict", "Printer is busy, cannot print after upload");
                return;
            }
            printer.putFile(path, content);
            if (printAfterUpload) {
                printer.printStoredFile(path);
            }
        }
        exchange.getResponseHeaders().add("Location", "/api/v1/files/" + PrusaLinkSimulator.STORAGE + path);
        empty(exchange, 201);
    }

    private void printFile(HttpExchange exchange, String path) throws IOException {
        drain(exchange);
        synchronized (printer.lock()) {
            if (printer.file(path).isEmpty()) {
                error(exchange, 404, "Not Found", "No file " + path);
                return;
            }
            if (printer.busy()) {
                error(exchange, 409, "Conflict", "Printer is " + printer.printerState());
                return;
            }
            printer.printStoredFile(path);
        }
        empty(exchange, 204);
    }

    private void deleteFile(HttpExchange exchange, String path) throws IOException {
        boolean force = "?1".equals(exchange.getRequestHeaders().getFirst("Force"));
        synchronized (printer.lock()) {
            if (printer.isPrinting(path)) {
                error(exchange, 409, "Conflict", "File " + path + " is being printed");
                return;
            }
            if (printer.deleteFile(path)) {
                empty(exchange, 204);
                return;
            }
            if (!path.equals("/") && printer.isFolder(path)) {
                if (!force) {
                    error(exchange, 409, "Conflict", "Folder " + path + " is not empty; send Force: ?1");
                    return;
                }
                printer.deleteFolder(path);
                empty(exchange, 204);
                return;
            }
        }
        error(exchange, 404, "Not Found", "No file " + path);
    }

    private static void drain(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static void json(HttpExchange exchange, int status, JsonObject body) throws IOException {
        byte[] bytes = body.encode().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, bytes);
    }

    private static void empty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    /** Error body as the spec's Error object for JSON clients, plain text otherwise. */
    private static void error(HttpExchange exchange, int status, String title, String text) throws IOException {
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept != null && accept.contains("application/json")) {
            json(exchange, status, new JsonObject().put("title", title).put("text", text));
        } else {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            send(exchange, status, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
