package app.nozzly.inventory.spoolman.rest;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.inventory.spoolman.SpoolmanRequests;
import app.nozzly.inventory.spoolman.service.SpoolmanAccess;
import app.nozzly.inventory.spoolman.service.SpoolmanCatalog;

/** Spoolman's /vendor: find, get, add, update, delete. */
@Path("/spoolman/{key}/api/v1/vendor")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class SpoolmanVendorResource {

    private static final List<String> FIELDS = List.of("name", "comment", "empty_spool_weight", "external_id", "extra");

    @Inject
    SpoolmanAccess access;

    @Inject
    SpoolmanCatalog catalog;

    @GET
    public Response find(@PathParam("key") String key, @Context UriInfo uri) {
        Params params = new Params(uri);
        var query = new SpoolmanCatalog.VendorQuery(params.text("name"), params.text("external_id"),
                params.prefixed("extra."), params.text("sort"), params.integer("limit"), params.offset());
        return Lists.page(access.call(key, k -> catalog.findVendors(query)));
    }

    @GET
    @Path("/{id}")
    public ObjectNode get(@PathParam("key") String key, @PathParam("id") String id) {
        long vendor = Params.id("vendor_id", id);
        return access.call(key, k -> catalog.vendor(vendor));
    }

    @POST
    public ObjectNode create(@PathParam("key") String key, JsonNode body) {
        SpoolmanRequests.Vendor request = read(body, true);
        return access.call(key, k -> catalog.createVendor(request));
    }

    @PATCH
    @Path("/{id}")
    public ObjectNode update(@PathParam("key") String key, @PathParam("id") String id, JsonNode body) {
        long vendor = Params.id("vendor_id", id);
        SpoolmanRequests.Vendor request = read(body, false);
        return access.call(key, k -> catalog.updateVendor(vendor, request));
    }

    @DELETE
    @Path("/{id}")
    public Map<String, String> delete(@PathParam("key") String key, @PathParam("id") String id) {
        long vendor = Params.id("vendor_id", id);
        access.run(key, k -> catalog.deleteVendor(vendor));
        return Lists.SUCCESS;
    }

    private static SpoolmanRequests.Vendor read(JsonNode body, boolean creating) {
        Fields fields = new Fields(body);
        if (!creating) {
            fields.notNull("name");
        }
        String name = fields.text("name", creating, 64);
        String comment = fields.text("comment", false, 1024);
        Double emptySpoolWeight = fields.number("empty_spool_weight", false, 0.0, false);
        String externalId = fields.text("external_id", false, 256);
        Map<String, String> extra = fields.extra("extra");
        fields.check();
        Set<String> present = new HashSet<>();
        FIELDS.stream().filter(fields::has).forEach(present::add);
        return new SpoolmanRequests.Vendor(present, name, comment, emptySpoolWeight, externalId, extra);
    }
}
