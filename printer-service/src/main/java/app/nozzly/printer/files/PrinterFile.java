package app.nozzly.printer.files;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A file on a printer, downloaded from one, or local (specs/003 File Management). */
@Entity
@Table(name = "printer_file")
public class PrinterFile extends PanacheEntityBase {

    public static final String AVAILABLE = "available";
    public static final String DOWNLOADING = "downloading";
    public static final String DOWNLOADED = "downloaded";
    public static final String LOCAL = "local";
    public static final String ERROR = "error";

    @Id
    public String id;

    @TenantId
    public String tenantId;

    public String printerId;
    public String filename;
    public long fileSize;
    public String fileType;
    public String status;
    public String printerPath;
    public String localPath;
    public Instant createdOnPrinter;
    public Instant downloadedAt;
    public Instant lastAccessed;
    public int downloadAttempts;
    public String downloadId;
    public long bytesDownloaded;
    public Instant downloadStartedAt;
    public String downloadError;
    public String checksum;
    public Instant createdAt;
}
