package app.nozzly.inventory.spoolman.service;

import java.util.LinkedHashMap;
import java.util.Map;

/** Spoolman's extra values on an entity: JSON-encoded values per key, merged per key. */
final class SpoolmanFields {

    private SpoolmanFields() {
    }

    /** A PATCH of extra fields: keys present replace, a null value removes, others stay. */
    static Map<String, String> merge(Map<String, String> current, Map<String, String> patch) {
        Map<String, String> merged = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
        if (patch != null) {
            patch.forEach((key, value) -> {
                if (value == null) {
                    merged.remove(key);
                } else {
                    merged.put(key, value);
                }
            });
        }
        return merged;
    }
}
