package app.nozzly.inventory.common;

import java.util.UUID;

/** Parses ids given as text in bodies and query strings, answering 400 with the field's name. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InventoryProblem.badRequest(field + " is required");
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw InventoryProblem.badRequest(field + " must be a UUID, got '" + value + "'");
        }
    }

    public static UUID parseOptional(String value, String field) {
        return value == null || value.isBlank() ? null : parse(value, field);
    }
}
