package app.nozzly.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a newcomer sees at once: the simulated Etsy shop signed in through order-sync-service's real
 * OAuth flow (the shop becomes the demo tenant) and the simulated printers registered with
 * printer-service for that tenant, and the tenant's first data ({@link DemoShop}). Best effort: a step that fails
 * is reported and skipped.
 */
final class Demo {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final Ports ports;
    private final Keys keys;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Demo(Path home, Ports ports, Keys keys) {
        this.home = home;
        this.ports = ports;
        this.keys = keys;
    }

    /** Signs the demo shop in and registers the printers; returns the shop's platform token, if any. */
    String seed() {
        String token = null;
        try {
            token = signInShop();
            Files.writeString(home.resolve("demo-token"), token);
        } catch (Exception e) {
            Stack.log("demo: Etsy shop not signed in (" + e.getMessage() + ")");
        }
        if (token != null) {
            registerPrinters(token);
            try {
                call("POST", "/api/orders/sync", token, null);
                Stack.log("demo: first order sync of the Etsy shop requested");
            } catch (Exception e) {
                Stack.log("demo: first sync not started (" + e.getMessage() + ")");
            }
            seedShop(token);
        }
        return token;
    }

    /**
     * The shop's own token carries the roles of a seller; the demo data also needs a plant operator and a teacher
     * of the facility simulation, so it is written with a token of the same tenant that holds those roles.
     */
    private void seedShop(String shopToken) {
        String tenant;
        try {
            tenant = tenantOf(shopToken);
        } catch (IOException | RuntimeException e) {
            Stack.log("demo: the shop's token names no tenant (" + e.getMessage() + ")");
            return;
        }
        String token;
        try {
            token = keys.token(tenant, List.of("owner", "admin", "teacher"), 600, null);
        } catch (GeneralSecurityException | IOException e) {
            Stack.log("demo: no token for the demo data (" + e.getMessage() + ")");
            return;
        }
        new DemoShop((method, path, body) -> call(method, path, token, body)).seed();
    }

    /** The demo tenant: the simulated Etsy shop's, once the stack has signed it in. */
    static Optional<String> tenant(Path home) throws IOException {
        Path token = home.resolve("demo-token");
        return Files.exists(token) ? Optional.of(tenantOf(Files.readString(token).trim())) : Optional.empty();
    }

    private static String tenantOf(String token) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("tenant_id").asText();
    }

    private String signInShop() throws IOException, InterruptedException {
        JsonNode login = call("GET", "/api/auth/login", null, null);
        HttpResponse<String> consent = http.send(HttpRequest.newBuilder(URI.create(login.get("auth_url").asText()))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        String location = consent.headers().firstValue("location")
                .orElseThrow(() -> new IOException("Etsy consent answered " + consent.statusCode()));
        if (!login.get("state").asText().equals(query(location, "state"))) {
            throw new IOException("Etsy's consent returned another state than /api/auth/login gave");
        }
        String code = query(location, "code");
        Map<String, String> callback = new LinkedHashMap<>();
        callback.put("code", code);
        callback.put("code_verifier", login.get("code_verifier").asText());
        JsonNode signedIn = call("POST", "/api/auth/callback", null, callback);
        Stack.log("demo: Etsy shop " + signedIn.path("user").path("shop_name").asText() + " (tenant "
                + signedIn.path("user").path("shop_id").asText() + ") signed in");
        return signedIn.get("token").asText();
    }

    /** The simulated farm describes its printers once they listen, which on a busy machine is after the services. */
    private static boolean awaitFile(Path file, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return Files.exists(file);
    }

    private void registerPrinters(String token) {
        Path printers = home.resolve("sim").resolve("printers.json");
        if (!awaitFile(printers, Duration.ofSeconds(60))) {
            Stack.log("demo: no simulated printers to register");
            return;
        }
        try {
            int n = 0;
            for (JsonNode printer : JSON.readTree(printers.toFile())) {
                Map<String, Object> body = new LinkedHashMap<>();
                boolean bambu = "bambu".equals(printer.path("kind").asText());
                body.put("id", (bambu ? "bambu_" : "prusa_") + printer.path("model").asText().toLowerCase()
                        .replace(' ', '_') + "_" + String.format("%03d", ++n));
                body.put("name", printer.path("name").asText());
                body.put("type", bambu ? "bambu_lab" : "prusa");
                body.put("model", printer.path("model").asText());
                body.put("serial_number", printer.path("serial").asText());
                if (bambu) {
                    body.put("ip_address", printer.path("host").asText());
                    body.put("access_code", printer.path("access_code").asText());
                    body.put("mqtt_port", printer.path("mqtt_port").asInt());
                    body.put("ftps_port", printer.path("ftps_port").asInt());
                    body.put("ca_certificate", Files.readString(Path.of(printer.path("ca_certificate_path").asText())));
                } else {
                    URI url = URI.create(printer.path("url").asText());
                    body.put("ip_address", url.getHost());
                    body.put("port", url.getPort());
                    body.put("username", printer.path("username").asText());
                    body.put("password", printer.path("password").asText());
                }
                register(token, body);
            }
        } catch (IOException e) {
            Stack.log("demo: printers.json unreadable (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A printer the tenant already has (a second start of the stack) gets the credentials the simulated farm
     * uses now, as a farm would after replacing a printer's access code: it reconnects and shows online.
     */
    private void register(String token, Map<String, Object> body) throws IOException, InterruptedException {
        String name = String.valueOf(body.get("name"));
        Reply created = send("POST", "/api/v1/printers", token, body);
        if (created.status() == 409) {
            Map<String, Object> update = new LinkedHashMap<>(body);
            Object id = update.remove("id");
            update.remove("type");
            Reply updated = send("PUT", "/api/v1/printers/" + id, token, update);
            Stack.log("demo: printer " + name + (updated.status() < 300 ? " reconnected with the farm's credentials"
                    : " not updated (" + updated.status() + ": " + updated.body() + ")"));
        } else {
            Stack.log("demo: printer " + name + (created.status() < 300 ? " registered"
                    : " not registered (" + created.status() + ": " + created.body() + ")"));
        }
    }

    private record Reply(int status, String body) {
    }

    private JsonNode call(String method, String path, String token, Object body) throws IOException,
            InterruptedException {
        Reply reply = send(method, path, token, body);
        if (reply.status() >= 300) {
            throw new IOException(method + " " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body().isBlank() ? JSON.nullNode() : JSON.readTree(reply.body());
    }

    /** Through the gateway, as any client of the platform calls it. */
    private Reply send(String method, String path, String token, Object body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.gateway() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private static String query(String location, String name) {
        String query = URI.create(location).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2) {
                return java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new IllegalArgumentException("no " + name + " in " + location);
    }
}
