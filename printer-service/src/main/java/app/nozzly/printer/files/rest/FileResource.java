package app.nozzly.printer.files.rest;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.ResponseStatus;

import app.nozzly.platform.security.Roles;
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
import app.nozzly.printer.openapi.ErrorSchemas;

/**
 * specs/003 section 4, File Management; preview and upload (the spec's preview_url and upload_url) are ours.
 * Viewers read, operators download, upload and delete local copies.
 */
@Path("/api/v1/files")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FileResource {

    @Inject
    FileService files;

    @GET
    @RolesAllowed(Roles.VIEWER)
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
    @RolesAllowed(Roles.VIEWER)
    public FileDetail get(@PathParam("file_id") String id) {
        return FileMapper.toDetail(files.detail(id));
    }

    @GET
    @Path("/{file_id}/preview")
    @Produces("image/png")
    @RolesAllowed(Roles.VIEWER)
    public byte[] preview(@PathParam("file_id") String id) {
        return files.preview(id);
    }

    @POST
    @Path("/{file_id}/download")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OPERATOR)
    @ResponseStatus(202)
    public DownloadStarted download(@PathParam("file_id") String id) {
        PrinterFile file = files.startDownload(id);
        return new DownloadStarted(file.id, FileStatus.DOWNLOADING, "Download initiated", file.downloadId,
                Math.max(1, FileMapper.megabytes(file.fileSize)), file.downloadStartedAt);
    }

    @GET
    @Path("/{file_id}/download/status")
    @RolesAllowed(Roles.VIEWER)
    public DownloadStatus downloadStatus(@PathParam("file_id") String id) {
        FileService.DownloadProgress download = files.downloadProgress(id);
        return FileMapper.downloadStatus(download.file(), download.progress());
    }

    /** Sends the file's local copy to a printer (body {"printer_id"} optional: its own printer by default). */
    @POST
    @Path("/{file_id}/upload")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OPERATOR)
    @ResponseStatus(201)
    @APIResponseSchema(value = Uploaded.class, responseCode = "201",
            responseDescription = "the printer holds the file")
    @APIResponse(responseCode = "502", description = "the printer refused the command (PRINTER_COMMUNICATION_ERROR)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = ErrorSchemas.ERROR_OBJECT)))
    public Uploaded upload(@PathParam("file_id") String id, @Valid UploadRequest request) {
        PrinterFile stored = files.upload(id, request == null ? null : request.printerId());
        return new Uploaded(stored.id, stored.printerId, stored.printerPath, "File uploaded to printer",
                stored.createdOnPrinter);
    }

    @DELETE
    @Path("/{file_id}")
    @RolesAllowed(Roles.OPERATOR)
    public Deleted delete(@PathParam("file_id") String id) {
        PrinterFile file = files.deleteLocal(id);
        return new Deleted(id, "Local file deleted successfully",
                file.printerId == null ? "deleted" : FileStatus.AVAILABLE.value(), Instant.now());
    }

    @GET
    @Path("/cleanup/candidates")
    @RolesAllowed(Roles.VIEWER)
    public CleanupCandidates candidates(@QueryParam("older_than_days") @Min(0) Integer olderThanDays,
            @QueryParam("min_size_mb") @Min(0) Integer minSizeMb,
            @QueryParam("unused_only") @DefaultValue("false") Boolean unusedOnly) {
        List<PrinterFile> candidates = files.cleanupCandidates(olderThanDays, minSizeMb, unusedOnly);
        return new CleanupCandidates(candidates.stream().map(FileMapper::toCandidate).toList(), candidates.size(),
                FileMapper.megabytes(candidates.stream().mapToLong(f -> f.fileSize).sum()));
    }

    @POST
    @Path("/cleanup")
    @RolesAllowed(Roles.OPERATOR)
    public CleanupResult cleanup(@Valid @NotNull CleanupRequest request) {
        FileService.Cleanup result = files.cleanup(request.fileIds());
        return new CleanupResult(result.cleaned(), FileMapper.megabytes(result.bytesFreed()),
                result.failed().entrySet().stream().map(e -> new FailedCleanup(e.getKey(), e.getValue())).toList(),
                Instant.now());
    }
}
