package app.nozzly.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** Inventory the run scenarios work on, created through the API as a user would: spools and a model. */
final class Fixtures {

    private Fixtures() {
    }

    /** {@code count} PLA spools big enough never to run out during a bench run; answers their ids. */
    static List<String> spools(Api api, int count) throws Exception {
        Api.Reply type = api.post("/api/v1/material-types", Map.of("code", "PLA", "name", "PLA", "density_g_cm3", 1.24));
        if (!type.ok() && type.status() != 409) {
            type.require();
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = "BENCH-" + UUID.randomUUID().toString().substring(0, 8) + "-" + i;
            JsonNode spool = api.post("/api/v1/spools", Map.of("spool_id", code, "brand", "Bench",
                    "color", "Black", "material_type", "PLA", "initial_weight_grams", 1_000_000,
                    "cost_per_gram", 0.02)).require();
            ids.add(spool.get("id").asText());
        }
        return ids;
    }

    static String model(Api api) throws Exception {
        return api.post("/api/v1/models", Map.of("name", "Bench widget", "sku", "BENCH-" + UUID.randomUUID(),
                "estimated_grams_per_unit", 20)).require().get("id").asText();
    }

    /** A run printing one model from two spools: the body of POST /api/v1/production-runs (specs/000). */
    static Map<String, Object> run(String model, String spoolA, String spoolB) {
        return Map.of("notes", "bench", "items", List.of(Map.of("model_id", model, "quantity", 2)),
                "materials", List.of(material(spoolA), material(spoolB)));
    }

    private static Map<String, Object> material(String spool) {
        return Map.of("spool_id", spool, "estimated_model_weight_grams", 12, "estimated_flushed_grams", 2,
                "estimated_tower_grams", 1);
    }
}
