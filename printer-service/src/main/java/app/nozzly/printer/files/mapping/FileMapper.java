package app.nozzly.printer.files.mapping;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.nozzly.printer.files.FileStatus;
import app.nozzly.printer.files.PrinterFile;
import app.nozzly.printer.files.api.FileApi.CleanupCandidate;
import app.nozzly.printer.files.api.FileApi.DownloadStatus;
import app.nozzly.printer.files.api.FileApi.FileDetail;
import app.nozzly.printer.files.api.FileApi.FileItem;
import app.nozzly.printer.files.api.FileApi.RelatedJob;
import app.nozzly.printer.files.api.FileApi.Summary;
import app.nozzly.printer.files.repository.PrinterFileRepository.Totals;
import app.nozzly.printer.files.service.FileService;

/** File entities -> specs/003 File Management records. */
public final class FileMapper {

    private static final long MEGABYTE = 1024 * 1024;

    private FileMapper() {
    }

    public static FileItem toItem(PrinterFile f, String printerName) {
        return new FileItem(f.id, f.printerId, printerName, f.filename, f.fileSize, f.fileType, f.status,
                f.status.icon(), f.printerPath, f.localPath, f.createdOnPrinter, f.downloadedAt, f.lastAccessed,
                downloadUrl(f), uploadUrl(f), previewUrl(f), f.metadata, f.checksum);
    }

    public static FileDetail toDetail(FileService.Detail detail) {
        PrinterFile f = detail.file();
        List<RelatedJob> jobs = detail.relatedJobs().stream()
                .map(j -> new RelatedJob(j.id, j.status, j.endTime)).toList();
        return new FileDetail(f.id, f.printerId, detail.printerName(), f.filename, f.filename, f.fileSize, f.fileType,
                f.status, f.status.icon(), f.printerPath, f.localPath, f.createdOnPrinter, f.downloadedAt,
                f.lastAccessed, f.downloadAttempts, downloadUrl(f), uploadUrl(f), previewUrl(f), f.metadata,
                f.checksum, jobs);
    }

    public static Summary summary(Totals totals) {
        long downloaded = totals.count(FileStatus.DOWNLOADED);
        long errors = totals.count(FileStatus.ERROR);
        return new Summary(totals.count(FileStatus.AVAILABLE), downloaded, totals.count(FileStatus.LOCAL),
                totals.localBytes(), successRate(downloaded, errors));
    }

    public static double successRate(long downloaded, long errors) {
        return downloaded + errors == 0 ? 1.0 : Math.round((double) downloaded / (downloaded + errors) * 1000) / 1000.0;
    }

    public static DownloadStatus downloadStatus(PrinterFile file, FileService.Progress progress) {
        long done = file.status == FileStatus.DOWNLOADED ? file.fileSize : progress.bytesDone();
        long total = Math.max(progress.bytesTotal(), done);
        double seconds = progress.startedAt() == null ? 0
                : Math.max(0.001, Duration.between(progress.startedAt(), Instant.now()).toMillis() / 1000.0);
        double bytesPerSecond = seconds == 0 ? 0 : done / seconds;
        String status = file.status == FileStatus.ERROR ? "failed"
                : file.status == FileStatus.DOWNLOADING ? "downloading" : "completed";
        return new DownloadStatus(file.downloadId, file.id, status,
                total == 0 ? 100.0 : Math.round(done * 1000.0 / total) / 10.0, done, total,
                Math.round(bytesPerSecond * 8 / 1_000_000 * 100) / 100.0,
                bytesPerSecond == 0 ? null : (long) ((total - done) / bytesPerSecond), progress.startedAt(),
                file.downloadError);
    }

    public static CleanupCandidate toCandidate(PrinterFile f) {
        Instant since = f.downloadedAt != null ? f.downloadedAt : f.createdAt;
        return new CleanupCandidate(f.id, f.filename, f.fileSize, f.downloadedAt, f.lastAccessed,
                Duration.between(since, Instant.now()).toDays(), f.fileSize / MEGABYTE);
    }

    public static long megabytes(long bytes) {
        return bytes / MEGABYTE;
    }

    /** A printer file that is not (or not successfully) downloaded can be. */
    private static String downloadUrl(PrinterFile f) {
        return f.status == FileStatus.AVAILABLE || f.status == FileStatus.ERROR
                ? "/api/v1/files/" + f.id + "/download" : null;
    }

    /** A local copy can be sent to a printer. */
    private static String uploadUrl(PrinterFile f) {
        return f.localPath == null ? null : "/api/v1/files/" + f.id + "/upload";
    }

    private static String previewUrl(PrinterFile f) {
        return f.thumbnail == null ? null : "/api/v1/files/" + f.id + "/preview";
    }
}
