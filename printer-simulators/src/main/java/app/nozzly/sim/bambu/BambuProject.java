package app.nozzly.sim.bambu;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** What the printer reads from a Bambu Studio project before printing it: the plate's predicted time and weight. */
final class BambuProject {

    private static final Pattern PREDICTION = Pattern.compile("key=\"prediction\"\\s+value=\"(\\d+)\"");
    private static final Pattern WEIGHT = Pattern.compile("key=\"weight\"\\s+value=\"([0-9.]+)\"");

    record Plate(Duration printTime, double filamentGrams) {
    }

    private BambuProject() {
    }

    /** The first plate of Metadata/slice_info.config, when the file is a sliced project. */
    static Optional<Plate> plate(byte[] project) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(project))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("Metadata/slice_info.config")) {
                    String config = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    Matcher prediction = PREDICTION.matcher(config);
                    Matcher weight = WEIGHT.matcher(config);
                    if (prediction.find() && weight.find() && Long.parseLong(prediction.group(1)) > 0) {
                        return Optional.of(new Plate(Duration.ofSeconds(Long.parseLong(prediction.group(1))),
                                Double.parseDouble(weight.group(1))));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
