package app.nozzly.printer.printers.rest;

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
import jakarta.ws.rs.PUT;
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
import app.nozzly.printer.openapi.ErrorSchemas;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.printers.PrinterType;
import app.nozzly.printer.printers.api.PrinterApi.CreatePrinter;
import app.nozzly.printer.printers.api.PrinterApi.Created;
import app.nozzly.printer.printers.api.PrinterApi.Deleted;
import app.nozzly.printer.printers.api.PrinterApi.Detail;
import app.nozzly.printer.printers.api.PrinterApi.ListPage;
import app.nozzly.printer.printers.api.PrinterApi.UpdatePrinter;
import app.nozzly.printer.printers.api.PrinterApi.Updated;
import app.nozzly.printer.printers.mapping.PrinterViews;
import app.nozzly.printer.printers.service.PrinterService;
import io.quarkus.security.identity.SecurityIdentity;

/** specs/003 section 2, Printer Management: viewers read, admins register, change and remove printers. */
@Path("/api/v1/printers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PrinterResource {

    @Inject
    PrinterService printers;

    @Inject
    PrinterViews views;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public ListPage list(@QueryParam("active") Boolean active, @QueryParam("type") PrinterType type,
            @QueryParam("page") @DefaultValue("1") @Min(1) Integer page,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) Integer limit) {
        PrinterService.Page found = printers.page(active, type, page, limit);
        return new ListPage(views.summaries(found.printers()), found.total(), found.active(),
                Pagination.of(page, limit, found.total()));
    }

    @GET
    @Path("/{printer_id}")
    @RolesAllowed(Roles.VIEWER)
    public Detail get(@PathParam("printer_id") String id) {
        return views.detail(printers.find(id), identity.hasRole(Roles.ADMIN));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @ResponseStatus(201)
    @APIResponseSchema(value = Created.class, responseCode = "201",
            responseDescription = "the printer is registered; its connection is being tested")
    @APIResponse(responseCode = "422", description = "the printer configuration is not usable (INVALID_PRINTER_CONFIG)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = ErrorSchemas.ERROR_OBJECT)))
    public Created create(@Valid @NotNull CreatePrinter request) {
        Printer printer = printers.create(request);
        return new Created(printer.id, printer.name, printer.type, printer.status, "testing",
                "Printer configuration created, testing connection...", printer.createdAt);
    }

    @PUT
    @Path("/{printer_id}")
    @RolesAllowed(Roles.ADMIN)
    @APIResponseSchema(value = Updated.class, responseCode = "200",
            responseDescription = "the configuration is changed")
    @APIResponse(responseCode = "422", description = "the printer configuration is not usable (INVALID_PRINTER_CONFIG)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = ErrorSchemas.ERROR_OBJECT)))
    public Updated update(@PathParam("printer_id") String id, @Valid @NotNull UpdatePrinter request) {
        Printer printer = printers.update(id, request);
        return new Updated(printer.id, "Printer configuration updated successfully", printer.updatedAt);
    }

    @DELETE
    @Path("/{printer_id}")
    @RolesAllowed(Roles.ADMIN)
    public Deleted delete(@PathParam("printer_id") String id) {
        return new Deleted("Printer configuration removed successfully", printers.delete(id));
    }
}
