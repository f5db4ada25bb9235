package app.nozzly.inventory.spoolman.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.inventory.spoolman.SpoolmanError;
import app.nozzly.inventory.spoolman.SpoolmanRequests;
import app.nozzly.inventory.spoolman.service.SpoolmanAccess;
import app.nozzly.inventory.spoolman.service.SpoolmanSpools;

/** Spoolman's /spool: find, get, add, update, delete, use and measure. */
@Path("/spoolman/{key}/api/v1/spool")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class SpoolmanSpoolResource {

    private static final List<String> FIELDS = List.of("first_used", "last_used", "filament_id", "price",
            "initial_weight", "spool_weight", "remaining_weight", "used_weight", "location", "lot_nr", "comment",
            "archived", "extra");

    @Inject
    SpoolmanAccess access;

    @Inject
    SpoolmanSpools spools;

    @GET
    public Response find(@PathParam("key") String key, @Context UriInfo uri) {
        SpoolmanSpools.SpoolQuery query = query(new Params(uri));
        return Lists.page(access.call(key, k -> spools.find(query)));
    }

    @GET
    @Path("/group")
    public Response groups(@PathParam("key") String key, @Context UriInfo uri) {
        Params params = new Params(uri);
        String groupBy = params.text("group_by");
        if (groupBy == null) {
            throw Params.invalid("query", "group_by", "missing", "Field required");
        }
        SpoolmanSpools.SpoolQuery query = query(params);
        return Lists.page(access.call(key, k -> spools.groups(groupBy, query)));
    }

    /** Replaces one value of location or of a single-value extra field on every spool holding it. */
    @PATCH
    @Path("/field/{field}")
    public Map<String, Integer> renameFieldValue(@PathParam("key") String key, @PathParam("field") String field,
            JsonNode body) {
        Fields fields = new Fields(body);
        String value = fields.text("value", true, Integer.MAX_VALUE);
        String newValue = fields.text("new_value", true, Integer.MAX_VALUE);
        if (value != null && value.isEmpty()) {
            fields.fail("value", "String should have at least 1 character");
        }
        if (newValue != null && newValue.isEmpty()) {
            fields.fail("new_value", "String should have at least 1 character");
        }
        fields.check();
        return Map.of("spools_updated", access.call(key, k -> spools.renameFieldValue(field, value, newValue)));
    }

    private static SpoolmanSpools.SpoolQuery query(Params params) {
        return new SpoolmanSpools.SpoolQuery(params.text("filament.name", "filament_name"),
                params.text("filament.id", "filament_id"), params.text("filament.material", "filament_material"),
                params.text("filament.multi_color_direction"), params.text("filament.vendor.name", "vendor_name"),
                params.text("filament.vendor.id", "vendor_id"), params.text("location"), params.text("lot_nr"),
                params.bool("allow_archived"), params.text("first_used"), params.text("last_used"),
                params.text("registered"), params.prefixed("extra."),
                params.prefixed("filament.extra.", "filament.vendor.extra."), params.prefixed("filament.vendor.extra."),
                params.text("sort"), params.integer("limit"), params.offset());
    }

    @GET
    @Path("/{id}")
    public ObjectNode get(@PathParam("key") String key, @PathParam("id") String id) {
        long spool = Params.id("spool_id", id);
        return access.call(key, k -> spools.get(spool));
    }

    @POST
    public ObjectNode create(@PathParam("key") String key, JsonNode body) {
        SpoolmanRequests.Spool request = read(body, true);
        return access.call(key, k -> spools.create(request, k.keyId()));
    }

    @PATCH
    @Path("/{id}")
    public ObjectNode update(@PathParam("key") String key, @PathParam("id") String id, JsonNode body) {
        long spool = Params.id("spool_id", id);
        SpoolmanRequests.Spool request = read(body, false);
        return access.call(key, k -> spools.update(spool, request, k.keyId()));
    }

    @DELETE
    @Path("/{id}")
    public Map<String, String> delete(@PathParam("key") String key, @PathParam("id") String id) {
        long spool = Params.id("spool_id", id);
        access.run(key, k -> spools.delete(spool));
        return Lists.SUCCESS;
    }

    @PUT
    @Path("/{id}/use")
    public ObjectNode use(@PathParam("key") String key, @PathParam("id") String id, JsonNode body) {
        long spool = Params.id("spool_id", id);
        Fields fields = new Fields(body);
        Double weight = fields.number("use_weight", false, null, false);
        Double length = fields.number("use_length", false, null, false);
        fields.check();
        if (weight != null && length != null) {
            throw new SpoolmanError(400, "Only specify either use_weight or use_length.");
        }
        if (weight == null && length == null) {
            throw new SpoolmanError(400, "Either use_weight or use_length must be specified.");
        }
        return access.call(key, k -> spools.use(spool, weight, length, k.keyId()));
    }

    @PUT
    @Path("/{id}/measure")
    public ObjectNode measure(@PathParam("key") String key, @PathParam("id") String id, JsonNode body) {
        long spool = Params.id("spool_id", id);
        Fields fields = new Fields(body);
        Double weight = fields.number("weight", true, null, false);
        fields.check();
        return access.call(key, k -> spools.measure(spool, weight, k.keyId()));
    }

    private static SpoolmanRequests.Spool read(JsonNode body, boolean creating) {
        Fields fields = new Fields(body);
        if (!creating) {
            fields.notNull("filament_id");
        }
        OffsetDateTime firstUsed = fields.time("first_used");
        OffsetDateTime lastUsed = fields.time("last_used");
        Long filamentId = fields.integer("filament_id", creating, null);
        Double price = fields.number("price", false, 0.0, false);
        Double initialWeight = fields.number("initial_weight", false, 0.0, false);
        Double spoolWeight = fields.number("spool_weight", false, 0.0, false);
        Double remainingWeight = fields.number("remaining_weight", false, 0.0, false);
        Double usedWeight = fields.number("used_weight", false, 0.0, false);
        String location = fields.text("location", false, 64);
        String lotNr = fields.text("lot_nr", false, 64);
        String comment = fields.text("comment", false, 1024);
        Boolean archived = fields.bool("archived");
        Map<String, String> extra = fields.extra("extra");
        fields.check();
        if (remainingWeight != null && usedWeight != null) {
            throw new SpoolmanError(400, "Only specify either remaining_weight or used_weight.");
        }
        return new SpoolmanRequests.Spool(fields.present(FIELDS), firstUsed, lastUsed, filamentId, price, initialWeight,
                spoolWeight, remainingWeight, usedWeight, location, lotNr, comment, archived, extra);
    }
}
