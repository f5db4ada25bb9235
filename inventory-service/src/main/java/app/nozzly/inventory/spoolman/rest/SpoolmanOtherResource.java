package app.nozzly.inventory.spoolman.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import app.nozzly.inventory.spoolman.service.SpoolmanAccess;
import app.nozzly.inventory.spoolman.service.SpoolmanCatalog;
import app.nozzly.inventory.spoolman.service.SpoolmanSpools;

/** Spoolman's distinct values (/material, /article-number, /lot-number, /location) and the location rename. */
@Path("/spoolman/{key}/api/v1")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class SpoolmanOtherResource {

    @Inject
    SpoolmanAccess access;

    @Inject
    SpoolmanCatalog catalog;

    @Inject
    SpoolmanSpools spools;

    @GET
    @Path("/material")
    public List<String> materials(@PathParam("key") String key) {
        return access.call(key, k -> catalog.distinct("material"));
    }

    @GET
    @Path("/article-number")
    public List<String> articleNumbers(@PathParam("key") String key) {
        return access.call(key, k -> catalog.distinct("articleNumber"));
    }

    @GET
    @Path("/lot-number")
    public List<String> lotNumbers(@PathParam("key") String key) {
        return access.call(key, k -> spools.lotNumbers());
    }

    @GET
    @Path("/location")
    public List<String> locations(@PathParam("key") String key) {
        return access.call(key, k -> spools.locations());
    }

    /** Renames a location on every spool that has it; answers the new name. */
    @PATCH
    @Path("/location/{location}")
    public JsonNode renameLocation(@PathParam("key") String key, @PathParam("location") String location,
            JsonNode body) {
        Fields fields = new Fields(body);
        String name = fields.text("name", true, 64);
        if (name != null && name.isEmpty()) {
            fields.fail("name", "String should have at least 1 character");
        }
        fields.check();
        access.call(key, k -> spools.renameLocation(location, name));
        return JsonNodeFactory.instance.textNode(name);
    }
}
