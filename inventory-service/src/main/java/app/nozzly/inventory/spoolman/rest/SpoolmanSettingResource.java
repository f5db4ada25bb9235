package app.nozzly.inventory.spoolman.rest;

import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.inventory.spoolman.SpoolmanError;
import app.nozzly.inventory.spoolman.service.SpoolmanAccess;
import app.nozzly.inventory.spoolman.service.SpoolmanSettings;

/** Spoolman's /setting: all, one, set (a JSON-encoded value sent as a JSON string; JSON bodies only). */
@Path("/spoolman/{key}/api/v1/setting")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class SpoolmanSettingResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SpoolmanAccess access;

    @Inject
    SpoolmanSettings settings;

    @GET
    public ObjectNode all(@PathParam("key") String key) {
        return access.call(key, k -> settings.all());
    }

    @GET
    @Path("/{setting}")
    public ObjectNode get(@PathParam("key") String key, @PathParam("setting") String setting) {
        return access.call(key, k -> settings.get(setting));
    }

    /** A form can post only text/plain or form encodings: a body of another type than JSON is refused (415). */
    @POST
    @Path("/{setting}")
    public ObjectNode set(@PathParam("key") String key, @PathParam("setting") String setting,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        access.resolve(key);
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new SpoolmanError(415, Map.of("detail", "Unsupported content type '" + mediaType
                    + "'. The body of this endpoint must be sent as application/json."));
        }
        String value = value(body);
        return access.call(key, k -> settings.set(setting, value));
    }

    /** The body is a JSON string holding the setting's JSON text; anything else is FastAPI's 422. */
    private static String value(String body) {
        JsonNode parsed;
        try {
            parsed = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw SpoolmanError.invalid("body", "body", "json_invalid", "JSON decode error");
        }
        if (parsed == null || !parsed.isTextual()) {
            throw SpoolmanError.invalid("body", "body", "string_type", "Input should be a valid string");
        }
        return parsed.textValue();
    }
}
