package app.nozzly.sim.bambu;

import java.time.Instant;
import java.util.Objects;

/** A file on the simulated printer's storage, path absolute from the storage root (e.g. "/cache/bracket.3mf"). */
public record BambuFile(String path, byte[] content, Instant modified) {

    public BambuFile {
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
        return other instanceof BambuFile file && path.equals(file.path) && java.util.Arrays.equals(content, file.content)
                && modified.equals(file.modified);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, java.util.Arrays.hashCode(content), modified);
    }

    @Override
    public String toString() {
        return "BambuFile[" + path + ", " + content.length + " bytes]";
    }
}
