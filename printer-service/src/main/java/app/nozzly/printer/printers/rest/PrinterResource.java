package app.nozzly.printer.printers.rest;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import jakarta.ws.rs.core.Response;

import app.nozzly.printer.api.Pagination;
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

/** specs/003 section 2, Printer Management. */
@Path("/api/v1/printers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PrinterResource {

    @Inject
    PrinterService printers;

    @Inject
    PrinterViews views;

    @GET
    public ListPage list(@QueryParam("active") Boolean active, @QueryParam("type") PrinterType type,
            @QueryParam("page") @DefaultValue("1") @Min(1) Integer page,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) Integer limit) {
        PrinterService.Page found = printers.page(active, type, page, limit);
        return new ListPage(views.summaries(found.printers()), found.total(), found.active(),
                Pagination.of(page, limit, found.total()));
    }

    @GET
    @Path("/{printer_id}")
    public Detail get(@PathParam("printer_id") String id) {
        return views.detail(printers.find(id));
    }

    @POST
    public Response create(CreatePrinter request) {
        Printer printer = printers.create(request);
        return Response.status(201).entity(new Created(printer.id, printer.name, printer.type, printer.status,
                "testing", "Printer configuration created, testing connection...", printer.createdAt)).build();
    }

    @PUT
    @Path("/{printer_id}")
    public Updated update(@PathParam("printer_id") String id, UpdatePrinter request) {
        Printer printer = printers.update(id, request);
        return new Updated(printer.id, "Printer configuration updated successfully", printer.updatedAt);
    }

    @DELETE
    @Path("/{printer_id}")
    public Deleted delete(@PathParam("printer_id") String id) {
        return new Deleted("Printer configuration removed successfully", printers.delete(id));
    }
}
