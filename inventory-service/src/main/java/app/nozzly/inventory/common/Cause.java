package app.nozzly.inventory.common;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Why stock moved: a production run, plate, batch, order, weighing or a user, with an optional human ref. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Cause(String type, String id, String ref) {

    public static final Set<String> TYPES = Set.of("production_run", "plate", "batch", "order", "weighing", "user");

    /** Validates a cause given by a caller: 400 naming what is wrong. */
    public Cause validated() {
        if (type == null || !TYPES.contains(type)) {
            throw InventoryProblem.badRequest("cause.type must be one of " + String.join("|", TYPES.stream().sorted()
                    .toList()) + ", got " + (type == null ? "nothing" : "'" + type + "'"));
        }
        if (id == null || id.isBlank()) {
            throw InventoryProblem.badRequest("cause.id is required");
        }
        if (id.length() > 100 || (ref != null && ref.length() > 200)) {
            throw InventoryProblem.badRequest("cause.id is limited to 100 and cause.ref to 200 characters");
        }
        return this;
    }
}
