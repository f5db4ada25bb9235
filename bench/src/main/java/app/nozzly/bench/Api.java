package app.nozzly.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A JSON client of the platform through the gateway, as a web or mobile client calls it. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Http1 http;
    private final HttpClient webSockets;
    private final String base;
    private final String token;
    private final Map<String, String> headers;

    Api(String base, String token) {
        this(new Http1(Duration.ofSeconds(5), Duration.ofSeconds(30)), HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build(), base, token);
    }

    private Api(Http1 http, HttpClient webSockets, String base, String token) {
        this.http = http;
        this.webSockets = webSockets;
        this.base = base;
        this.token = token;
        this.headers = Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json", "Accept",
                "application/json");
    }

    /** The same caller speaking to another base URL (a service's own port, bypassing the gateway). */
    Api at(String otherBase) {
        return new Api(http, webSockets, otherBase, token);
    }

    /** The same client speaking for another caller (a student of one team, a teacher). */
    Api as(String otherToken) {
        return new Api(http, webSockets, base, otherToken);
    }

    /** An answer; its body is parsed when first asked for, so a load loop that checks only the status does not. */
    static final class Reply {
        private final int status;
        private final byte[] raw;
        private JsonNode body;

        Reply(int status, byte[] raw) {
            this.status = status;
            this.raw = raw;
        }

        int status() {
            return status;
        }

        JsonNode body() {
            if (body == null) {
                body = parse(raw);
            }
            return body;
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode require() {
            if (!ok()) {
                throw new IllegalStateException("HTTP " + status + ": " + body());
            }
            return body();
        }
    }

    Reply get(String path) throws IOException {
        return send("GET", path, null);
    }

    Reply post(String path, Object body) throws IOException {
        return send("POST", path, JSON.writeValueAsBytes(body));
    }

    Reply patch(String path, Object body) throws IOException {
        return send("PATCH", path, JSON.writeValueAsBytes(body));
    }

    Reply delete(String path) throws IOException {
        return send("DELETE", path, null);
    }

    /** Opens a WebSocket (the platform's /ws) with this caller's token. */
    java.net.http.WebSocket webSocket(String path, java.net.http.WebSocket.Listener listener) {
        return webSockets.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(URI.create(base.replaceFirst("^http", "ws") + path), listener).join();
    }

    private Reply send(String method, String path, byte[] body) throws IOException {
        Http1.Response response = http.exchange(method, URI.create(base + path), headers, body);
        return new Reply(response.status(), response.body());
    }

    private static JsonNode parse(byte[] raw) {
        if (raw.length == 0 || new String(raw, StandardCharsets.UTF_8).isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(raw, StandardCharsets.UTF_8));
        }
    }
}
