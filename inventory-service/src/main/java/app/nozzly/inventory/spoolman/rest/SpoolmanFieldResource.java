package app.nozzly.inventory.spoolman.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.inventory.spoolman.SpoolmanError;
import app.nozzly.inventory.spoolman.service.SpoolmanAccess;
import app.nozzly.inventory.spoolman.service.SpoolmanCatalog;
import app.nozzly.inventory.spoolman.service.SpoolmanExtraFields;
import app.nozzly.inventory.spoolman.service.SpoolmanSpools;

/** Spoolman's /field: the extra fields of vendors, filaments and spools, and the values they hold. */
@Path("/spoolman/{key}/api/v1/field")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class SpoolmanFieldResource {

    private static final List<String> ENTITIES = List.of("vendor", "filament", "spool");
    private static final List<String> TYPES = List.of("text", "integer", "integer_range", "float", "float_range",
            "datetime", "boolean", "choice");

    @Inject
    SpoolmanAccess access;

    @Inject
    SpoolmanExtraFields fields;

    @Inject
    SpoolmanCatalog catalog;

    @Inject
    SpoolmanSpools spools;

    @GET
    @Path("/{entity}")
    public List<ObjectNode> list(@PathParam("key") String key, @PathParam("entity") String entity) {
        String type = entity(entity);
        return access.call(key, k -> fields.fields(type));
    }

    @GET
    @Path("/{entity}/{field}/values")
    public List<String> values(@PathParam("key") String key, @PathParam("entity") String entity,
            @PathParam("field") String field) {
        String type = entity(entity);
        String name = fieldKey(field);
        return access.call(key, k -> fields.values(type, name, switch (type) {
            case "vendor" -> catalog.vendorViews();
            case "filament" -> catalog.filamentViews();
            default -> spools.views();
        }));
    }

    @POST
    @Path("/{entity}/{field}")
    public List<ObjectNode> put(@PathParam("key") String key, @PathParam("entity") String entity,
            @PathParam("field") String field, JsonNode body) {
        String type = entity(entity);
        String name = fieldKey(field);
        ObjectNode definition = definition(body);
        return access.call(key, k -> fields.put(type, name, definition));
    }

    @DELETE
    @Path("/{entity}/{field}")
    public List<ObjectNode> delete(@PathParam("key") String key, @PathParam("entity") String entity,
            @PathParam("field") String field) {
        String type = entity(entity);
        String name = fieldKey(field);
        return access.call(key, k -> fields.delete(type, name));
    }

    /** Reads ExtraFieldParameters: name 1..128, order (0), unit 1..16, field_type, default_value, choices, multi_choice. */
    private static ObjectNode definition(JsonNode body) {
        Fields read = new Fields(body);
        String name = read.text("name", true, 128);
        if (name != null && name.isEmpty()) {
            read.fail("name", "String should have at least 1 character");
        }
        Long order = read.integer("order", false, null);
        String unit = read.text("unit", false, 16);
        if (unit != null && unit.isEmpty()) {
            read.fail("unit", "String should have at least 1 character");
        }
        String type = read.text("field_type", true, 32);
        if (type != null && !TYPES.contains(type)) {
            read.fail("field_type", "Input should be one of " + TYPES);
        }
        String defaultValue = read.text("default_value", false, Integer.MAX_VALUE);
        JsonNode choices = body != null && body.hasNonNull("choices") ? body.get("choices") : null;
        if (choices != null && (!choices.isArray() || choices.isEmpty()
                || !java.util.stream.StreamSupport.stream(choices.spliterator(), false).allMatch(JsonNode::isTextual))) {
            read.fail("choices", "Input should be a non-empty list of strings");
        }
        Boolean multi = read.bool("multi_choice");
        read.check();
        ObjectNode definition = JsonNodeFactory.instance.objectNode();
        definition.put("name", name);
        definition.put("order", order == null ? 0 : order);
        if (unit != null) {
            definition.put("unit", unit);
        }
        definition.put("field_type", type);
        if (defaultValue != null) {
            definition.put("default_value", defaultValue);
        }
        if (choices != null) {
            definition.set("choices", choices);
        }
        if (multi != null) {
            definition.put("multi_choice", multi);
        }
        return definition;
    }

    private static String entity(String entity) {
        if (!ENTITIES.contains(entity)) {
            throw SpoolmanError.invalid(List.of(Map.of("type", "enum", "loc", List.of("path", "entity_type"),
                    "msg", "Input should be 'vendor', 'filament' or 'spool'")));
        }
        return entity;
    }

    private static String fieldKey(String key) {
        if (!key.matches("^[a-z0-9_]{1,64}$")) {
            throw SpoolmanError.invalid(List.of(Map.of("type", "string_pattern_mismatch", "loc", List.of("path", "key"),
                    "msg", "String should match pattern '^[a-z0-9_]+$'")));
        }
        return key;
    }
}
