package app.nozzly.inventory.spoolman.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import app.nozzly.inventory.spoolman.SpoolmanError;

/** The query and path parameters of Spoolman's API, read as FastAPI reads them (422 for a malformed one). */
final class Params {

    private final MultivaluedMap<String, String> query;

    Params(UriInfo uri) {
        this.query = uri.getQueryParameters();
    }

    String text(String name) {
        return query.getFirst(name);
    }

    /** The first of several names that is present (Spoolman's current name, then its deprecated one). */
    String text(String name, String deprecated) {
        String value = query.getFirst(name);
        return value != null ? value : query.getFirst(deprecated);
    }

    Integer integer(String name) {
        String value = query.getFirst(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw invalid("query", name, "int_parsing", "Input should be a valid integer, unable to parse string as an integer");
        }
    }

    /** Spoolman's offset of a find, 0 when absent. */
    int offset() {
        Integer offset = integer("offset");
        return offset == null ? 0 : offset;
    }

    double number(String name, double fallback) {
        String value = query.getFirst(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw invalid("query", name, "float_parsing", "Input should be a valid number, unable to parse string as a number");
        }
    }

    boolean bool(String name) {
        String value = query.getFirst(name);
        if (value == null) {
            return false;
        }
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (List.of("true", "1", "yes", "on", "t", "y").contains(text)) {
            return true;
        }
        if (List.of("false", "0", "no", "off", "f", "n").contains(text)) {
            return false;
        }
        throw invalid("query", name, "bool_parsing", "Input should be a valid boolean, unable to interpret input");
    }

    /** The {@code <prefix><key>=<filter>} parameters, by key; another prefix of {@code longer} is not this one's. */
    Map<String, String> prefixed(String prefix, String... longer) {
        Map<String, String> found = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            if (name.startsWith(prefix) && !List.of(longer).stream().anyMatch(name::startsWith)) {
                found.put(name.substring(prefix.length()), values.get(0));
            }
        });
        return found.isEmpty() ? null : found;
    }

    /** An integer path id; FastAPI answers 422 for anything else. */
    static long id(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw invalid("path", name, "int_parsing", "Input should be a valid integer, unable to parse string as an integer");
        }
    }

    static SpoolmanError invalid(String location, String name, String type, String message) {
        return SpoolmanError.invalid(location, name, type, message);
    }
}
