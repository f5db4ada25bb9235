package app.nozzly.edge;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/** The agent's identity, kept in {@code state.dir/credential} readable by its owner only (mode 0600). */
final class CredentialStore {

    /** What enrollment gave the agent; toString never shows the credential. */
    record AgentCredential(String agentId, String credential) {

        @Override
        public String toString() {
            return "AgentCredential[" + agentId + "]";
        }
    }

    private final Path file;

    CredentialStore(Path stateDir) {
        this.file = stateDir.resolve("credential");
    }

    Path file() {
        return file;
    }

    Optional<AgentCredential> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String credential = properties.getProperty("credential");
        if (credential == null || credential.isBlank()) {
            throw new IllegalStateException(file + " holds no credential: delete it to enroll again");
        }
        return Optional.of(new AgentCredential(properties.getProperty("agent_id"), credential));
    }

    /** Writes a temporary file created with mode 0600 and moves it in place, so no reader sees half of it. */
    void store(AgentCredential credential) {
        Properties properties = new Properties();
        properties.setProperty("agent_id", credential.agentId());
        properties.setProperty("credential", credential.credential());
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("credential.tmp");
            Files.deleteIfExists(temporary);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temporary);
            }
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "nozzly edge agent: keep secret");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the credential in " + file, e);
        }
    }
}
