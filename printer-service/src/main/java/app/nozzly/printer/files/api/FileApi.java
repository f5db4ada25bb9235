package app.nozzly.printer.files.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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

    public record Deleted(String id, String message, String status, Instant deletedAt) {
    }

    public record CleanupCandidate(String id, String filename, long fileSize, Instant downloadedAt,
            Instant lastAccessed, long ageDays, long spaceSavingsMb) {
    }

    public record CleanupCandidates(List<CleanupCandidate> cleanupCandidates, int totalCandidates,
            long totalSpaceSavingsMb) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CleanupRequest(List<String> fileIds, Boolean confirm) {
    }

    public record FailedCleanup(String id, String error) {
    }

    public record CleanupResult(int cleanedFiles, long spaceFreedMb, List<FailedCleanup> failedCleanups,
            Instant completedAt) {
    }

    /** POST /files/{id}/upload (the file's upload_url): to printer_id, else back to the printer it came from. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UploadRequest(String printerId) {
    }

    public record Uploaded(String id, String printerId, String printerPath, String message, Instant uploadedAt) {
    }
}
