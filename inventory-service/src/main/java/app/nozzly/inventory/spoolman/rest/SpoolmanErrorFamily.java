package app.nozzly.inventory.spoolman.rest;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import app.nozzly.platform.errors.ApiError;
import app.nozzly.platform.errors.ErrorFamily;

/**
 * The error body of Spoolman's API for what platform-commons answers on its paths (an unknown key, a body that
 * is not JSON, a server error): Spoolman's {@code {"message"}}.
 */
@ApplicationScoped
public class SpoolmanErrorFamily implements ErrorFamily {

    @Override
    public String name() {
        return "spoolman-message";
    }

    @Override
    public Object body(ApiError error) {
        return Map.of("message", error.message());
    }

    @Override
    public Schema schema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("Spoolman's error body")
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .required(List.of("message"));
    }
}
