package app.nozzly.inventory.common;

import java.util.Locale;

/** Boolean query parameters: true/false (any case), blank = not given, anything else answers 400. */
public final class Flags {

    private Flags() {
    }

    public static Boolean parse(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw InventoryProblem.badRequest(field + " must be true or false, got '" + value + "'");
        };
    }
}
