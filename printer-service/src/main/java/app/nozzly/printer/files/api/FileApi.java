package app.nozzly.printer.files.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.nozzly.printer.api.Pagination;
import app.nozzly.printer.driver.PrintFileMetadata;
import app.nozzly.printer.files.FileStatus;
import app.nozzly.printer.jobs.JobStatus;

/** API records of specs/003 section 4, File Management. */
public final class FileApi {

    private FileApi() {
    }

    /**
     * One file of GET /files. metadata, checksum ("md5:..."), preview_url and upload_url appear when the file has
     * them: upload_url where a local copy can be sent to a printer.
     */
    public record FileItem(String id, String printerId, String printerName, String filename, long fileSize,
            String fileType, FileStatus status, String statusIcon, String printerPath, String localPath,
            Instant createdOnPrinter, Instant downloadedAt, Instant lastAccessed, String downloadUrl,
            @JsonInclude(JsonInclude.Include.NON_NULL) String uploadUrl,
            @JsonInclude(JsonInclude.Include.NON_NULL) String previewUrl,
            @JsonInclude(JsonInclude.Include.NON_NULL) PrintFileMetadata metadata,
            @JsonInclude(JsonInclude.Include.NON_NULL) String checksum) {
    }

    @Schema(name = "FileSummary")
    public record Summary(long availableCount, long downloadedCount, long localCount, long totalSize,
            double downloadSuccessRate) {
    }

    public record FilePage(List<FileItem> files, Pagination pagination, Summary summary) {
    }

    public record RelatedJob(long id, JobStatus status, Instant completedAt) {
    }

    /** GET /files/{id}. */
    public record FileDetail(String id, String printerId, String printerName, String filename,
            String originalFilename, long fileSize, String fileType, FileStatus status, String statusIcon,
            String printerPath, String localPath, Instant createdOnPrinter, Instant downloadedAt,
            Instant lastAccessed, int downloadAttempts, String downloadUrl,
            @JsonInclude(JsonInclude.Include.NON_NULL) String uploadUrl, String previewUrl,
            PrintFileMetadata metadata, String checksum, List<RelatedJob> relatedJobs) {
    }

    public record DownloadStarted(String id, FileStatus status, String message, String downloadId,
            long estimatedDuration, Instant startedAt) {
    }

    public record DownloadStatus(String downloadId, String fileId, String status, double progress,
            long bytesDownloaded, long bytesTotal, double speedMbps, Long estimatedRemaining, Instant startedAt,
            String error) {
    }

    @Schema(name = "FileDeleted")
    public record Deleted(String id, String message, String status, Instant deletedAt) {
    }

    public record CleanupCandidate(String id, String filename, long fileSize, Instant downloadedAt,
            Instant lastAccessed, long ageDays, long spaceSavingsMb) {
    }

    public record CleanupCandidates(List<CleanupCandidate> cleanupCandidates, int totalCandidates,
            long totalSpaceSavingsMb) {
    }

    /** POST /files/cleanup: the files whose local copies go, and the caller's confirmation. */
    public record CleanupRequest(@NotEmpty @Size(max = 1000) List<@NotBlank @Size(max = 32) String> fileIds,
            @NotNull @AssertTrue(message = "must be true to delete local files") Boolean confirm) {
    }

    public record FailedCleanup(String id, String error) {
    }

    public record CleanupResult(int cleanedFiles, long spaceFreedMb, List<FailedCleanup> failedCleanups,
            Instant completedAt) {
    }

    /** POST /files/{id}/upload (the file's upload_url): to printer_id, else back to the printer it came from. */
    public record UploadRequest(@Size(max = 64) String printerId) {
    }

    public record Uploaded(String id, String printerId, String printerPath, String message, Instant uploadedAt) {
    }
}
