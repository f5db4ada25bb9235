package app.nozzly.printer.driver;

import java.time.Instant;

/** A file on a printer's own storage. */
public record RemoteFile(String path, String name, long size, Instant modifiedAt) {

    /** What the printer itself tells about one of its print files: the slicer's metadata and a preview. */
    public record Description(PrintFileMetadata metadata, byte[] thumbnail) {
    }
}
