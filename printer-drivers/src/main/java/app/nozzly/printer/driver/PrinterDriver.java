package app.nozzly.printer.driver;

import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * One printer's protocol: Bambu Lab LAN and PrusaLink today, OctoPrint and Moonraker can follow. A driver holds
 * no business state; {@link app.nozzly.printer.live.PrinterConnection} supervises it (backoff, offline detection).
 */
public interface PrinterDriver extends AutoCloseable {

    /** Opens the connection; reports then flow to the listener until {@link DriverListener#onConnectionLost}. */
    void connect(DriverListener listener);

    /** Asks for fresh state (Bambu pushall, PrusaLink status poll). */
    void refresh();

    void pause();

    void resume();

    void stop();

    /**
     * Starts printing a file that already lies on the printer.
     *
     * @param path path on the printer's storage
     * @param amsSlot 1-based filament slot to print with, or null for the printer's default
     */
    void startPrint(String path, Integer amsSlot);

    List<RemoteFile> listFiles();

    /**
     * What the printer tells about a print file without sending it (PrusaLink file info and thumbnail); empty
     * when its protocol tells nothing (Bambu: the file itself must be read).
     */
    Optional<RemoteFile.Description> describe(String path);

    /** Streams a printer file into {@code target}, reporting the bytes copied so far. */
    void download(String path, OutputStream target, LongConsumer progress);

    /** Where a file called {@code name} goes on this printer's storage. */
    String uploadPath(String name);

    /** Stores a file on the printer (replacing one of the same path). */
    void upload(String path, byte[] content);

    @Override
    void close();
}
