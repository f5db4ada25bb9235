package app.nozzly.sim.prusa;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/** A file on the simulated printer's USB drive; path is absolute within the storage, e.g. "/bracket.bgcode". */
public record PrusaFile(String storage, String path, byte[] content, Instant modified) {

    public PrusaFile {
        Objects.requireNonNull(storage, "storage");
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
        return other instanceof PrusaFile file && storage.equals(file.storage) && path.equals(file.path)
                && Arrays.equals(content, file.content) && modified.equals(file.modified);
    }

    @Override
    public int hashCode() {
        return Objects.hash(storage, path, Arrays.hashCode(content), modified);
    }

    @Override
    public String toString() {
        return "PrusaFile[" + storage + path + ", " + content.length + " bytes]";
    }
}
