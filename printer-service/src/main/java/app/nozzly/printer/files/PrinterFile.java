package app.nozzly.printer.files;

import java.time.Instant;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import app.nozzly.platform.tenancy.TenantEntity;
import app.nozzly.printer.driver.PrintFileMetadata;

/**
 * A file on a printer, downloaded from one, or local (specs/003 File Management). Updated column by column
 * ({@link DynamicUpdate}): reading a file's metadata and downloading it run at once in separate transactions (on
 * different replicas, when the printer is behind an edge agent), and neither may write back the other's columns as
 * it read them (the likely cause of a download through another replica that ended but stayed "downloading").
 */
@Entity
@DynamicUpdate
@Table(name = "printer_file")
public class PrinterFile extends TenantEntity {

    @Id
    public String id;

    public String printerId;
    public String filename;
    public long fileSize;
    public String fileType;
    @Convert(converter = FileStatus.Column.class)
    public FileStatus status;
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
    /** "md5:&lt;hex&gt;" of the content, once its bytes passed through this service. */
    public String checksum;
    /** "sha256:&lt;hex&gt;" of the content, the job's file_info.hash. */
    public String sha256;
    /** What the slicer wrote into the file (specs/003 file metadata); null until read. */
    @Convert(converter = PrintFileMetadataColumn.class)
    public PrintFileMetadata metadata;
    /** The plate preview the file embeds (PNG), served at /api/v1/files/{id}/preview. */
    public byte[] thumbnail;
    /** When the file's metadata was read (also when it had none), so a file is read once per version. */
    public Instant metadataReadAt;
    public Instant createdAt;
}
