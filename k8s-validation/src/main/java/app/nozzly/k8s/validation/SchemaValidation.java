package app.nozzly.k8s.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Validates rendered objects against the Kubernetes, Strimzi, CloudNativePG and Gateway API schemas with
 * the Node.js validator in {@code k8s-validation/validator} (npm kubernetes-models packages, offline).
 */
public final class SchemaValidation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path validatorDirectory;

    public SchemaValidation(Path validatorDirectory) {
        this.validatorDirectory = validatorDirectory;
    }

    /** One line per object that violates its schema, naming the object and the failing field. */
    public List<String> validate(String renderedYaml) {
        Path script = validatorDirectory.resolve("validate-schemas.mjs");
        if (!Files.isDirectory(validatorDirectory.resolve("node_modules"))) {
            throw new ValidationException("schema packages are not installed: run npm ci in " + validatorDirectory
                    + " (the Maven build does this in generate-test-resources)");
        }
        String node = Processes.onPath("node").map(Path::toString)
                .orElseThrow(() -> new ValidationException("node (Node.js 20 or newer) is not on PATH"));
        Processes.Result result = Processes.run(List.of(node, script.toString()), validatorDirectory, Map.of(), renderedYaml);
        JsonNode report;
        try {
            report = JSON.readTree(result.stdout());
        } catch (JsonProcessingException e) {
            throw new ValidationException("schema validator failed (exit " + result.exitCode() + "): " + result.stderr().strip(), e);
        }
        if (report == null || !report.has("errors")) {
            throw new ValidationException("schema validator printed no report (exit " + result.exitCode() + "): "
                    + result.stderr().strip());
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode error : report.get("errors")) {
            problems.add("schema: " + error.path("object").asText() + ": " + error.path("message").asText());
        }
        if (result.exitCode() != 0 && problems.isEmpty()) {
            throw new ValidationException("schema validator exited " + result.exitCode() + ": " + result.stderr().strip());
        }
        return problems;
    }
}
