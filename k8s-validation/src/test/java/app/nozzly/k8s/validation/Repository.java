package app.nozzly.k8s.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where the tests find the repository, its k8s/ tree and the schema validator. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        return Path.of(System.getProperty("nozzly.repository.root", "..")).toAbsolutePath().normalize();
    }

    static Path k8s() {
        return root().resolve("k8s");
    }

    static OverlayValidator validator() {
        Path validatorDir = Path.of(System.getProperty("nozzly.validator.dir", "validator")).toAbsolutePath().normalize();
        return new OverlayValidator(Expectations.fromRepository(root()), new SchemaValidation(validatorDir));
    }

    /** A private copy of k8s/ that a test may break. */
    static Path copyOfK8s(Path target) {
        Path source = k8s();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
