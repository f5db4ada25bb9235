package app.nozzly.printer.files.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import app.nozzly.printer.errors.ApiException;
import app.nozzly.printer.files.PrinterFile;
import app.nozzly.printer.files.service.FileService;
import app.nozzly.printer.files.service.FileService.Cleanup;
import app.nozzly.printer.files.service.FileService.Progress;
import app.nozzly.printer.jobs.PrintJob;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.printers.api.PrinterApi.Pagination;

/** specs/003 section 4, File Management. */
@Path("/api/v1/files")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FileResource {

    private static final Map<String, String> ICONS = Map.of(PrinterFile.AVAILABLE, "\uD83D\uDCC1",
            PrinterFile.DOWNLOADED, "\u2713", PrinterFile.LOCAL, "\uD83D\uDCBE", PrinterFile.DOWNLOADING, "\u23EC",
            PrinterFile.ERROR, "\u26A0");

    @Inject
    FileService files;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CleanupRequest(List<String> fileIds, Boolean confirm) {
    }

    @GET
    @Transactional
    public Map<String, Object> list(@QueryParam("printer_id") String printerId, @QueryParam("status") String status,
            @QueryParam("file_type") String fileType, @QueryParam("search") String search,
            @QueryParam("page") Integer page, @QueryParam("limit") Integer limit) {
        int p = page == null ? 1 : page;
        int l = limit == null ? 50 : limit;
        if (p < 1 || l < 1 || l > 100) {
            throw ApiException.badRequest("page must be >= 1 and limit between 1 and 100");
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (printerId != null) {
            where.append(" and printerId = :printer");
            params.put("printer", printerId);
        }
        if (status != null) {
            if (!ICONS.containsKey(status)) {
                throw ApiException.badRequest("status must be available, downloaded, local or error");
            }
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (fileType != null) {
            where.append(" and fileType = :type");
            params.put("type", (fileType.startsWith(".") ? fileType : "." + fileType).toLowerCase(java.util.Locale.ROOT));
        }
        if (search != null && !search.isBlank()) {
            where.append(" and lower(filename) like :search");
            params.put("search", "%" + search.toLowerCase(java.util.Locale.ROOT).replace("%", "\\%") + "%");
        }
        long total = PrinterFile.count(where.toString(), params);
        List<Map<String, Object>> items = PrinterFile.<PrinterFile> find(where + " order by createdAt desc, id", params)
                .page(p - 1, l).list().stream().map(FileResource::view).toList();
        long available = PrinterFile.count("status", PrinterFile.AVAILABLE);
        long downloaded = PrinterFile.count("status", PrinterFile.DOWNLOADED);
        long local = PrinterFile.count("status", PrinterFile.LOCAL);
        long errors = PrinterFile.count("status", PrinterFile.ERROR);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("available_count", available);
        summary.put("downloaded_count", downloaded);
        summary.put("local_count", local);
        summary.put("total_size", PrinterFile.<PrinterFile> list("localPath is not null").stream().mapToLong(f -> f.fileSize).sum());
        summary.put("download_success_rate", downloaded + errors == 0 ? 1.0 : (double) downloaded / (downloaded + errors));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("files", items);
        body.put("pagination", Pagination.of(p, l, total));
        body.put("summary", summary);
        return body;
    }

    private static Map<String, Object> view(PrinterFile f) {
        Printer printer = f.printerId == null ? null : Printer.findById(f.printerId);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", f.id);
        v.put("printer_id", f.printerId);
        v.put("printer_name", printer == null ? null : printer.name);
        v.put("filename", f.filename);
        v.put("file_size", f.fileSize);
        v.put("file_type", f.fileType);
        v.put("status", f.status);
        v.put("status_icon", ICONS.get(f.status));
        v.put("printer_path", f.printerPath);
        v.put("local_path", f.localPath);
        v.put("created_on_printer", f.createdOnPrinter);
        v.put("downloaded_at", f.downloadedAt);
        v.put("last_accessed", f.lastAccessed);
        v.put("download_url", PrinterFile.AVAILABLE.equals(f.status) || PrinterFile.ERROR.equals(f.status)
                ? "/api/v1/files/" + f.id + "/download" : null);
        if (f.checksum != null) {
            v.put("checksum", f.checksum);
        }
        return v;
    }

    @GET
    @Path("/{file_id}")
    @Transactional
    public Map<String, Object> get(@PathParam("file_id") String id) {
        PrinterFile file = files.touch(id);
        Map<String, Object> v = view(file);
        v.put("original_filename", file.filename);
        v.put("download_attempts", file.downloadAttempts);
        v.put("related_jobs", PrintJob.<PrintJob> list("printerId = ?1 and fileName like ?2 order by id desc",
                file.printerId, "%" + file.filename).stream().map(j -> {
                    Map<String, Object> job = new LinkedHashMap<>();
                    job.put("id", j.id);
                    job.put("status", j.status);
                    job.put("completed_at", j.endTime);
                    return job;
                }).toList());
        return v;
    }

    @POST
    @Path("/{file_id}/download")
    @Consumes(MediaType.WILDCARD)
    public Response download(@PathParam("file_id") String id) {
        PrinterFile file = files.startDownload(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", file.id);
        body.put("status", PrinterFile.DOWNLOADING);
        body.put("message", "Download initiated");
        body.put("download_id", file.downloadId);
        body.put("estimated_duration", Math.max(1, file.fileSize / (1024 * 1024)));
        body.put("started_at", file.downloadStartedAt);
        return Response.accepted(body).build();
    }

    @GET
    @Path("/{file_id}/download/status")
    public Map<String, Object> downloadStatus(@PathParam("file_id") String id) {
        PrinterFile file = files.find(id);
        if (file.downloadId == null) {
            throw new ApiException(404, "FILE_NOT_FOUND", "file " + id + " has never been downloaded", Map.of("file_id", id));
        }
        Progress progress = files.progress(file);
        long done = PrinterFile.DOWNLOADED.equals(file.status) ? file.fileSize : progress.bytesDone();
        long total = Math.max(progress.bytesTotal(), done);
        double seconds = progress.startedAt() == null ? 0
                : Math.max(0.001, Duration.between(progress.startedAt(), Instant.now()).toMillis() / 1000.0);
        double bytesPerSecond = seconds == 0 ? 0 : done / seconds;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("download_id", file.downloadId);
        body.put("file_id", file.id);
        body.put("status", PrinterFile.ERROR.equals(file.status) ? "failed"
                : PrinterFile.DOWNLOADING.equals(file.status) ? "downloading" : "completed");
        body.put("progress", total == 0 ? 100.0 : Math.round(done * 1000.0 / total) / 10.0);
        body.put("bytes_downloaded", done);
        body.put("bytes_total", total);
        body.put("speed_mbps", Math.round(bytesPerSecond * 8 / 1_000_000 * 100) / 100.0);
        body.put("estimated_remaining", bytesPerSecond == 0 ? null : (long) ((total - done) / bytesPerSecond));
        body.put("started_at", progress.startedAt());
        body.put("error", file.downloadError);
        return body;
    }

    @DELETE
    @Path("/{file_id}")
    public Map<String, Object> delete(@PathParam("file_id") String id) {
        PrinterFile file = files.deleteLocal(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("message", "Local file deleted successfully");
        body.put("status", file.printerId == null ? "deleted" : PrinterFile.AVAILABLE);
        body.put("deleted_at", Instant.now());
        return body;
    }

    @GET
    @Path("/cleanup/candidates")
    public Map<String, Object> candidates(@QueryParam("older_than_days") Integer olderThanDays,
            @QueryParam("min_size_mb") Integer minSizeMb, @QueryParam("unused_only") Boolean unusedOnly) {
        if (olderThanDays != null && olderThanDays < 0 || minSizeMb != null && minSizeMb < 0) {
            throw ApiException.badRequest("older_than_days and min_size_mb must not be negative");
        }
        List<PrinterFile> candidates = files.cleanupCandidates(olderThanDays, minSizeMb, unusedOnly);
        List<Map<String, Object>> items = candidates.stream().map(f -> {
            Map<String, Object> c = new LinkedHashMap<>();
            Instant since = f.downloadedAt != null ? f.downloadedAt : f.createdAt;
            c.put("id", f.id);
            c.put("filename", f.filename);
            c.put("file_size", f.fileSize);
            c.put("downloaded_at", f.downloadedAt);
            c.put("last_accessed", f.lastAccessed);
            c.put("age_days", Duration.between(since, Instant.now()).toDays());
            c.put("space_savings_mb", f.fileSize / (1024 * 1024));
            return c;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cleanup_candidates", items);
        body.put("total_candidates", items.size());
        body.put("total_space_savings_mb", candidates.stream().mapToLong(f -> f.fileSize).sum() / (1024 * 1024));
        return body;
    }

    @POST
    @Path("/cleanup")
    public Map<String, Object> cleanup(CleanupRequest request) {
        if (request == null || request.fileIds() == null || request.fileIds().isEmpty()) {
            throw ApiException.badRequest("file_ids must name at least one file");
        }
        if (!Boolean.TRUE.equals(request.confirm())) {
            throw ApiException.badRequest("confirm must be true to delete local files");
        }
        Cleanup result = files.cleanup(request.fileIds());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cleaned_files", result.cleaned());
        body.put("space_freed_mb", result.bytesFreed() / (1024 * 1024));
        body.put("failed_cleanups", result.failed());
        body.put("completed_at", Instant.now());
        return body;
    }
}
