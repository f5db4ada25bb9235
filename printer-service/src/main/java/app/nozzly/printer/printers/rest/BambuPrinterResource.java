package app.nozzly.printer.printers.rest;

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
import app.nozzly.printer.api.Message;
import app.nozzly.printer.openapi.ErrorSchemas;
import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.printers.api.PrinterApi.BambuPrinter;
import app.nozzly.printer.printers.api.PrinterApi.BambuStatus;
import app.nozzly.printer.printers.api.PrinterApi.CreateBambuPrinter;
import app.nozzly.printer.printers.mapping.PrinterViews;
import app.nozzly.printer.printers.service.PrinterService;

/**
 * specs/002 "Printer Management" (/api/bambu/printers). Same printers as specs/003; ids are the same strings
 * (e.g. "bambu_01s00a0b0000001"), not integers. Lists page with limit and offset (specs/002 "Pagination").
 * Viewers read, admins add and remove printers.
 */
@Path("/api/bambu/printers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BambuPrinterResource {

    @Inject
    PrinterService printers;

    @Inject
    PrinterViews views;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<BambuPrinter> list(@QueryParam("limit") @Min(1) @Max(100) Integer limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) Integer offset) {
        return views.bambu(printers.list(offset, limit));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @ResponseStatus(201)
    @APIResponseSchema(value = BambuPrinter.class, responseCode = "201",
            responseDescription = "the printer is added")
    @APIResponse(responseCode = "422", description = "the printer configuration is not usable",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = ErrorSchemas.MESSAGE_STATUS)))
    public BambuPrinter create(@Valid @NotNull CreateBambuPrinter request) {
        Printer printer = printers.createBambu(request);
        return views.bambu(List.of(printer)).get(0);
    }

    @GET
    @Path("/{id}/status")
    @RolesAllowed(Roles.VIEWER)
    public BambuStatus status(@PathParam("id") String id) {
        return views.bambuStatus(printers.find(id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Message delete(@PathParam("id") String id) {
        printers.delete(id);
        return new Message("Printer deleted");
    }
}
