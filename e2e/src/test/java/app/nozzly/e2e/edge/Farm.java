package app.nozzly.e2e.edge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/** The edge tests' farm: its printers as printer-service registers them, and the processes the tests run. */
final class Farm {

    private Farm() {
    }

    /** The specs/003 registration of one of the farm's printers (printers.json), run through the agent. */
    static Map<String, Object> registration(JsonNode printer, String agentId) throws IOException {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id(printer));
        body.put("name", printer.path("name").asText());
        body.put("agent_id", agentId);
        if (printer.path("kind").asText().equals("bambu")) {
            body.put("type", "bambu_lab");
            body.put("model", printer.path("model").asText());
            body.put("ip_address", printer.path("host").asText());
            body.put("serial_number", printer.path("serial").asText());
            body.put("access_code", printer.path("access_code").asText());
            body.put("mqtt_port", printer.path("mqtt_port").asInt());
            body.put("ftps_port", printer.path("ftps_port").asInt());
            body.put("ca_certificate", Files.readString(Path.of(printer.path("ca_certificate_path").asText())));
        } else {
            body.put("type", "prusa");
            body.put("ip_address", printer.path("url").asText());
            body.put("username", printer.path("username").asText());
            body.put("password", printer.path("password").asText());
        }
        return body;
    }

    /** The printer's id on the platform: its model, lower case (the Prusa: core-one). */
    static String id(JsonNode printer) {
        String model = printer.path("model").asText().toLowerCase(Locale.ROOT);
        return model.contains("core") ? "core-one" : model;
    }

    /** The module's packaged jar in its target directory, whatever the project's version. */
    static Path jar(Path target, String module) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches(module + "-[0-9].*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(module + " is not packaged in " + target));
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void stop(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
