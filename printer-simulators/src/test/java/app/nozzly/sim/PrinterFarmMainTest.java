package app.nozzly.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.nozzly.sim.bambu.BambuMqttTestClient;
import app.nozzly.sim.prusa.DigestHttpClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

class PrinterFarmMainTest {

    private static final Set<String> PRINTING = Set.of("PREPARE", "RUNNING");

    @Test
    void farmDescribesItsPrintersInPrintersJsonAndKeepsThemPrinting(@TempDir Path dir) throws Exception {
        PrinterFarmMain farm = PrinterFarmMain.start(dir, 600, true, Duration.ofMillis(500));
        try {
            JsonArray printers = new JsonArray(Files.readString(dir.resolve("printers.json")));
            assertThat(printers).hasSize(3);
            JsonObject a1 = printers.getJsonObject(0);
            JsonObject x1c = printers.getJsonObject(1);
            JsonObject coreOne = printers.getJsonObject(2);
            assertThat(a1.getString("kind")).isEqualTo("bambu");
            assertThat(a1.getString("model")).isEqualTo("A1");
            assertThat(a1.getString("name")).isEqualTo("Bambu Lab A1 #1");
            assertThat(x1c.getString("model")).isEqualTo("X1C");
            assertThat(x1c.fieldNames()).contains("serial", "host", "mqtt_port", "ftps_port", "access_code",
                    "ca_certificate_path");
            assertThat(coreOne.getString("kind")).isEqualTo("prusa");
            assertThat(coreOne.getString("model")).isEqualTo("Core One");
            assertThat(coreOne.getString("username")).isEqualTo("maker");
            Path ca = Path.of(x1c.getString("ca_certificate_path"));
            assertThat(ca).isEqualTo(dir.resolve("bambu-ca.pem").toAbsolutePath());
            String caPem = Files.readString(ca);

            try (BambuMqttTestClient client = BambuMqttTestClient.connect(x1c.getString("host"),
                    x1c.getInteger("mqtt_port"), x1c.getString("serial"), x1c.getString("access_code"), caPem,
                    "farm-test")) {
                client.pushall();
                JsonObject report = client.await(message -> message.getJsonObject("print") != null
                        && message.getJsonObject("print").getJsonObject("ams") != null).getJsonObject("print");
                assertThat(report.getJsonObject("ams").getJsonArray("ams")).hasSize(2);
                if (!PRINTING.contains(report.getString("gcode_state"))) {
                    client.await(message -> message.getJsonObject("print") != null
                            && PRINTING.contains(message.getJsonObject("print").getString("gcode_state", "")));
                }
            }

            DigestHttpClient prusa = new DigestHttpClient(coreOne.getString("url"), coreOne.getString("username"),
                    coreOne.getString("password"));
            await().atMost(Duration.ofSeconds(20)).until(() -> new JsonObject(prusa.get("/api/v1/status").body())
                    .getJsonObject("printer").getString("state").equals("PRINTING"));
        } finally {
            farm.close();
        }
    }
}
