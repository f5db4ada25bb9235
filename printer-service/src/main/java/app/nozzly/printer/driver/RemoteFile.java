package app.nozzly.printer.driver;

import java.time.Instant;

/** A file on a printer's own storage. */
public record RemoteFile(String path, String name, long size, Instant modifiedAt) {
}
