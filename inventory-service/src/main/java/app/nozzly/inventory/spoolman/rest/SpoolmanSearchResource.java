package app.nozzly.inventory.spoolman.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.inventory.spoolman.service.SpoolmanAccess;
import app.nozzly.inventory.spoolman.service.SpoolmanSearch;

/** Spoolman's /search: q (required), color_similarity_threshold 0..100, limit 1..100, spools_per_filament 0..10. */
@Path("/spoolman/{key}/api/v1/search")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class SpoolmanSearchResource {

    @Inject
    SpoolmanAccess access;

    @Inject
    SpoolmanSearch search;

    @GET
    public ObjectNode search(@PathParam("key") String key, @Context UriInfo uri) {
        Params params = new Params(uri);
        String q = params.text("q");
        if (q == null) {
            throw Params.invalid("query", "q", "missing", "Field required");
        }
        if (q.isEmpty()) {
            throw Params.invalid("query", "q", "string_too_short", "String should have at least 1 character");
        }
        double threshold = params.number("color_similarity_threshold", 20.0);
        if (threshold < 0 || threshold > 100) {
            throw Params.invalid("query", "color_similarity_threshold", "less_than_equal", "Input should be between 0 and 100");
        }
        int limit = params.integer("limit") == null ? 20 : params.integer("limit");
        if (limit < 1 || limit > 100) {
            throw Params.invalid("query", "limit", "less_than_equal", "Input should be between 1 and 100");
        }
        int perFilament = params.integer("spools_per_filament") == null ? 0 : params.integer("spools_per_filament");
        if (perFilament < 0 || perFilament > 10) {
            throw Params.invalid("query", "spools_per_filament", "less_than_equal", "Input should be between 0 and 10");
        }
        boolean archived = params.bool("allow_archived");
        return access.call(key, k -> search.search(q, threshold, limit, archived, perFilament));
    }
}
