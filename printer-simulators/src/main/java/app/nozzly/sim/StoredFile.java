package app.nozzly.sim;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file on a simulated printer's storage (Bambu SD card, Prusa USB drive), path absolute from the storage root,
 * e.g. "/cache/bracket.3mf". Holds its own copy of the bytes.
 */
public record StoredFile(String path, byte[] content, Instant modified) {

    public StoredFile {
        Objects.requireNonNull(path, "path");
        content = content.clone();
        Objects.requireNonNull(modified, "modified");
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public long size() {
        return content.length;
    }

    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredFile file && path.equals(file.path) && Arrays.equals(content, file.content)
                && modified.equals(file.modified);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(content), modified);
    }

    @Override
    public String toString() {
        return "StoredFile[" + path + ", " + content.length + " bytes]";
    }
}
