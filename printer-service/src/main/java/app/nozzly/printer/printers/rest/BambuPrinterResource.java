package app.nozzly.printer.printers.rest;

import java.util.List;
import java.util.Map;

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

import app.nozzly.printer.printers.Printer;
import app.nozzly.printer.printers.api.PrinterApi.BambuPrinter;
import app.nozzly.printer.printers.api.PrinterApi.BambuStatus;
import app.nozzly.printer.printers.api.PrinterApi.CreateBambuPrinter;
import app.nozzly.printer.printers.mapping.PrinterViews;
import app.nozzly.printer.printers.service.PrinterService;

/**
 * specs/002 "Printer Management" (/api/bambu/printers). Same printers as specs/003; ids are the same strings
 * (e.g. "bambu_01s00a0b0000001"), not integers. Lists page with limit and offset (specs/002 "Pagination").
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
    public List<BambuPrinter> list(@QueryParam("limit") @Min(1) @Max(100) Integer limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) Integer offset) {
        return views.bambu(printers.list(offset, limit));
    }

    @POST
    public Response create(CreateBambuPrinter request) {
        Printer printer = printers.createBambu(request);
        return Response.status(201).entity(views.bambu(List.of(printer)).get(0)).build();
    }

    @GET
    @Path("/{id}/status")
    public BambuStatus status(@PathParam("id") String id) {
        return views.bambuStatus(printers.find(id));
    }

    @DELETE
    @Path("/{id}")
    public Map<String, String> delete(@PathParam("id") String id) {
        printers.delete(id);
        return Map.of("message", "Printer deleted");
    }
}
