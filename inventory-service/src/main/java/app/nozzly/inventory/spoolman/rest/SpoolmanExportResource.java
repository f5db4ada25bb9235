package app.nozzly.inventory.spoolman.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.inventory.spoolman.SpoolmanError;
import app.nozzly.inventory.spoolman.mapping.SpoolmanExport;
import app.nozzly.inventory.spoolman.service.SpoolmanAccess;
import app.nozzly.inventory.spoolman.service.SpoolmanCatalog;
import app.nozzly.inventory.spoolman.service.SpoolmanSpools;

/** Spoolman's /export/{spools,filaments,vendors}?fmt=csv|json, offered as a download. */
@Path("/spoolman/{key}/api/v1/export")
@PermitAll
public class SpoolmanExportResource {

    @Inject
    SpoolmanAccess access;

    @Inject
    SpoolmanSpools spools;

    @Inject
    SpoolmanCatalog catalog;

    @GET
    @Path("/spools")
    public Response spools(@PathParam("key") String key, @Context UriInfo uri) {
        Params params = new Params(uri);
        String format = format(params);
        boolean archived = params.bool("allow_archived");
        List<ObjectNode> views = access.call(key, k -> spools.views()).stream()
                .filter(s -> archived || !s.path("archived").asBoolean()).toList();
        return export(views, format, "spools");
    }

    @GET
    @Path("/filaments")
    public Response filaments(@PathParam("key") String key, @Context UriInfo uri) {
        String format = format(new Params(uri));
        return export(access.call(key, k -> catalog.filamentViews()), format, "filaments");
    }

    @GET
    @Path("/vendors")
    public Response vendors(@PathParam("key") String key, @Context UriInfo uri) {
        String format = format(new Params(uri));
        return export(access.call(key, k -> catalog.vendorViews()), format, "vendors");
    }

    private static Response export(List<ObjectNode> views, String format, String name) {
        Response.ResponseBuilder answer = format.equals("csv")
                ? Response.ok(SpoolmanExport.csv(views), "text/csv")
                : Response.ok(SpoolmanExport.json(views), MediaType.APPLICATION_JSON);
        return answer.header("Content-Disposition", "attachment; filename=\"" + name + "." + format + "\"").build();
    }

    private static String format(Params params) {
        String format = params.text("fmt");
        if (format == null) {
            throw Params.invalid("query", "fmt", "missing", "Field required");
        }
        if (!format.equals("csv") && !format.equals("json")) {
            throw SpoolmanError.invalid(List.of(Map.of("type", "enum", "loc", List.of("query", "fmt"),
                    "msg", "Input should be 'csv' or 'json'")));
        }
        return format;
    }
}
