package app.nozzly.printer.files.rest;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import app.nozzly.printer.api.Pagination;
import app.nozzly.printer.files.FileStatus;
import app.nozzly.printer.files.PrinterFile;
import app.nozzly.printer.files.api.FileApi.CleanupCandidates;
import app.nozzly.printer.files.api.FileApi.CleanupRequest;
import app.nozzly.printer.files.api.FileApi.CleanupResult;
import app.nozzly.printer.files.api.FileApi.Deleted;
import app.nozzly.printer.files.api.FileApi.DownloadStarted;
import app.nozzly.printer.files.api.FileApi.DownloadStatus;
import app.nozzly.printer.files.api.FileApi.FailedCleanup;
import app.nozzly.printer.files.api.FileApi.FileDetail;
import app.nozzly.printer.files.api.FileApi.FilePage;
import app.nozzly.printer.files.api.FileApi.UploadRequest;
import app.nozzly.printer.files.api.FileApi.Uploaded;
import app.nozzly.printer.files.mapping.FileMapper;
import app.nozzly.printer.files.repository.PrinterFileRepository.Filter;
import app.nozzly.printer.files.service.FileService;

/** specs/003 section 4, File Management; preview and upload (the spec's preview_url and upload_url) are ours. */
@Path("/api/v1/files")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FileResource {

    @Inject
    FileService files;

    @GET
    public FilePage list(@QueryParam("printer_id") String printerId, @QueryParam("status") FileStatus status,
            @QueryParam("file_type") String fileType, @QueryParam("search") String search,
            @QueryParam("page") @DefaultValue("1") @Min(1) Integer page,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) Integer limit) {
        FileService.Page found = files.page(new Filter(printerId, status, fileType, search), page, limit);
        return new FilePage(found.files().stream()
                .map(f -> FileMapper.toItem(f, f.printerId == null ? null : found.printerNames().get(f.printerId)))
                .toList(), Pagination.of(page, limit, found.total()), FileMapper.summary(found.totals()));
    }

    @GET
    @Path("/{file_id}")
    public FileDetail get(@PathParam("file_id") String id) {
        return FileMapper.toDetail(files.detail(id));
    }

    @GET
    @Path("/{file_id}/preview")
    @Produces("image/png")
    public Response preview(@PathParam("file_id") String id) {
        return Response.ok(files.preview(id), "image/png").build();
    }

    @POST
    @Path("/{file_id}/download")
    @Consumes(MediaType.WILDCARD)
    public Response download(@PathParam("file_id") String id) {
        PrinterFile file = files.startDownload(id);
        return Response.accepted(new DownloadStarted(file.id, FileStatus.DOWNLOADING, "Download initiated",
                file.downloadId, Math.max(1, FileMapper.megabytes(file.fileSize)), file.downloadStartedAt)).build();
    }

    @GET
    @Path("/{file_id}/download/status")
    public DownloadStatus downloadStatus(@PathParam("file_id") String id) {
        FileService.DownloadProgress download = files.downloadProgress(id);
        return FileMapper.downloadStatus(download.file(), download.progress());
    }

    /** Sends the file's local copy to a printer (body {"printer_id"} optional: its own printer by default). */
    @POST
    @Path("/{file_id}/upload")
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("file_id") String id, UploadRequest request) {
        PrinterFile stored = files.upload(id, request == null ? null : request.printerId());
        return Response.status(201).entity(new Uploaded(stored.id, stored.printerId, stored.printerPath,
                "File uploaded to printer", stored.createdOnPrinter)).build();
    }

    @DELETE
    @Path("/{file_id}")
    public Deleted delete(@PathParam("file_id") String id) {
        PrinterFile file = files.deleteLocal(id);
        return new Deleted(id, "Local file deleted successfully",
                file.printerId == null ? "deleted" : FileStatus.AVAILABLE.value(), Instant.now());
    }

    @GET
    @Path("/cleanup/candidates")
    public CleanupCandidates candidates(@QueryParam("older_than_days") @Min(0) Integer olderThanDays,
            @QueryParam("min_size_mb") @Min(0) Integer minSizeMb,
            @QueryParam("unused_only") @DefaultValue("false") Boolean unusedOnly) {
        List<PrinterFile> candidates = files.cleanupCandidates(olderThanDays, minSizeMb, unusedOnly);
        return new CleanupCandidates(candidates.stream().map(FileMapper::toCandidate).toList(), candidates.size(),
                FileMapper.megabytes(candidates.stream().mapToLong(f -> f.fileSize).sum()));
    }

    @POST
    @Path("/cleanup")
    public CleanupResult cleanup(CleanupRequest request) {
        FileService.Cleanup result = request == null ? files.cleanup(null, null)
                : files.cleanup(request.fileIds(), request.confirm());
        return new CleanupResult(result.cleaned(), FileMapper.megabytes(result.bytesFreed()),
                result.failed().entrySet().stream().map(e -> new FailedCleanup(e.getKey(), e.getValue())).toList(),
                Instant.now());
    }
}
