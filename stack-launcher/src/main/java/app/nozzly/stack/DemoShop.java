package app.nozzly.stack;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo tenant's first look: spools and models in inventory, a finished production run with its filament cost,
 * a process batch through quality control, and a facility world with teams that have produced. Each part is
 * created only when the tenant has none of it yet, so a second start (or one after a reset) leaves one of each.
 */
final class DemoShop {

    /** A call through the gateway with the demo tenant's token; throws on any answer above 299. */
    interface Api {
        JsonNode call(String method, String path, Object body) throws IOException, InterruptedException;
    }

    private final Api api;

    DemoShop(Api api) {
        this.api = api;
    }

    void seed() {
        step("spools, models and a finished production run", this::filamentShop);
        step("a process batch through quality control", this::processPlant);
        step("a facility world", this::facilityWorld);
    }

    private interface Step {
        void run() throws IOException, InterruptedException;
    }

    private static void step(String what, Step step) {
        try {
            step.run();
        } catch (IOException e) {
            Stack.log("demo: " + what + " not seeded (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void filamentShop() throws IOException, InterruptedException {
        if (api.call("GET", "/api/v1/spools", null).path("total").asInt() > 0) {
            return;
        }
        for (String[] type : List.of(new String[] { "PLA", "PLA" }, new String[] { "PETG", "PETG" })) {
            try {
                api.call("POST", "/api/v1/material-types", Map.of("code", type[0], "name", type[1]));
            } catch (IOException alreadyThere) {
                Stack.log("demo: material type " + type[0] + " kept (" + alreadyThere.getMessage() + ")");
            }
        }
        String black = spool("DEMO-PLA-BLK", "Bambu Lab", "Matte Black", "PLA", 1000, 0.025);
        spool("DEMO-PLA-WHT", "Prusament", "Signal White", "PLA", 1000, 0.027);
        spool("DEMO-PETG-ORG", "Polymaker", "Orange", "PETG", 750, 0.03);
        String dragon = model("Articulated dragon", "DEMO-DRAGON", 48);
        String planter = model("Self-watering planter", "DEMO-PLANTER", 120);

        Map<String, Object> material = Map.of("spool_id", black, "estimated_model_weight_grams", 216,
                "estimated_flushed_grams", 6, "estimated_tower_grams", 10);
        JsonNode run = api.call("POST", "/api/v1/production-runs", Map.of("notes", "Demo: dragons and planters",
                "items", List.of(Map.of("model_id", dragon, "quantity", 2), Map.of("model_id", planter,
                        "quantity", 1)),
                "materials", List.of(material)));
        String runPath = "/api/v1/production-runs/" + run.path("id").asText();
        int plateNumber = 0;
        for (Map.Entry<String, Integer> plate : Map.of(dragon, 2, planter, 1).entrySet()) {
            String plateId = create(runPath + "/plates", Map.of("plate_number", ++plateNumber,
                    "model_id", plate.getKey(), "copies_per_plate", plate.getValue(),
                    "estimated_print_time_minutes", 95));
            api.call("POST", runPath + "/plates/" + plateId + "/start", null);
            api.call("POST", runPath + "/plates/" + plateId + "/complete",
                    Map.of("successful_prints", plate.getValue(), "failed_prints", 0));
        }
        api.call("PATCH", runPath + "/materials/" + run.path("materials").path(0).path("id").asText(),
                Map.of("spool_weight_before_grams", 1000, "spool_weight_after_grams", 772));
        JsonNode done = api.call("POST", runPath + "/complete", null);
        Stack.log("demo: 3 spools, 2 models and run " + done.path("run_number").asText() + " ("
                + done.path("status").asText() + ") seeded");
    }

    /** Creates through the API and answers the new resource's id. */
    private String create(String path, Object body) throws IOException, InterruptedException {
        JsonNode id = api.call("POST", path, body).path("id");
        if (!id.isTextual()) {
            throw new IOException("POST " + path + " answered no id");
        }
        return id.asText();
    }

    private String spool(String label, String brand, String color, String type, int grams, double costPerGram)
            throws IOException, InterruptedException {
        return create("/api/v1/spools", Map.of("spool_id", label, "brand", brand, "color", color,
                "material_type", type, "initial_weight_grams", grams, "cost_per_gram", costPerGram));
    }

    private String model(String name, String sku, int grams) throws IOException, InterruptedException {
        return create("/api/v1/models", Map.of("name", name, "sku", sku, "estimated_grams_per_unit",
                grams));
    }

    private void processPlant() throws IOException, InterruptedException {
        String base = "/api/v1/production";
        if (!api.call("GET", base + "/batches", null).path("items").isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String product = create("/api/v1/products", Map.of("name", "Resin cleaner", "sku",
                "DEMO-CLEANER", "unit", "L"));
        String solvent = create("/api/v1/materials", Map.of("code", "DEMO-IPA", "name",
                "Isopropyl alcohol", "unit", "kg", "lots", List.of(Map.of("lot_number", "IPA-1", "quantity", 200,
                        "expires_at", now.plusMonths(6).toLocalDate().toString()))));
        String operator = create(base + "/operators", Map.of("name", "Demo operator", "certifications",
                List.of(Map.of("type", "chemical_handling", "expires_at", now.plusYears(1).toLocalDate()
                        .toString()))));
        String reactor = create(base + "/reactors", Map.of("name", "Mixing reactor 1", "capacity", 500,
                "min_temperature", 5, "max_temperature", 80, "max_pressure", 3, "next_maintenance",
                now.plusDays(30).toString()));

        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("name", "Resin cleaner 90%");
        recipe.put("product_id", product);
        recipe.put("product_category", "cleaning");
        recipe.put("description", "Isopropyl cleaner for resin prints");
        recipe.put("ingredients", List.of(Map.of("material_id", solvent, "quantity", 0.7, "unit", "kg",
                "addition_order", 1, "critical", true)));
        recipe.put("steps", List.of(Map.of("step_number", 1, "description", "Mix", "duration", 30, "temperature",
                25, "pressure", 1, "critical_control_point", true, "verification_required", true)));
        recipe.put("quality_parameters", List.of(Map.of("parameter_name", "Density", "test_type", "density",
                "target_value", 0.8, "tolerance_min", 0.78, "tolerance_max", 0.82, "unit", "g/ml", "critical",
                true)));
        recipe.put("estimated_duration", 45);
        recipe.put("batch_size", 100);
        String recipeId = create(base + "/recipes", recipe);
        api.call("PUT", base + "/recipes/" + recipeId + "/status", Map.of("status", "testing"));
        api.call("PUT", base + "/recipes/" + recipeId + "/approve", Map.of("approved_by", "Demo QA",
                "cofepris_compliance_verified", true));
        String order = create(base + "/orders", Map.of("product_id", product, "quantity_ordered", 50,
                "priority", "normal", "due_date", now.plusDays(7).toString()));
        String batch = create(base + "/reactors/" + reactor + "/start-batch", Map.of("product_id",
                product, "target_quantity", 50, "recipe_id", recipeId, "production_order_id", order,
                "operator_id", operator, "priority", "normal"));
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("density", 0.8);
        check.put("color_match", true);
        check.put("fragrance_intensity", 1);
        check.put("microbiological_test", "passed");
        check.put("cofepris_compliance", true);
        check.put("tested_by", "Demo QA");
        check.put("test_date", now.toString());
        check.put("approved", true);
        JsonNode checked = api.call("PUT", base + "/batches/" + batch + "/quality-check", check);
        Stack.log("demo: process batch " + checked.path("batch_number").asText() + " ("
                + checked.path("status").asText() + ") seeded");
    }

    private void facilityWorld() throws IOException, InterruptedException {
        String admin = "/api/facility/admin";
        if (!api.call("GET", admin + "/teams", null).path("data").path("teams").isEmpty()) {
            return;
        }
        String farmers = api.call("POST", admin + "/teams", Map.of("name", "Green Acres", "funds", "5000"))
                .path("data").path("id").asText();
        String utility = api.call("POST", admin + "/teams", Map.of("name", "City Utilities", "funds", "5000"))
                .path("data").path("id").asText();
        String farm = facility(Map.of("teamId", farmers, "name", "north-field", "type", "FARM", "level", 2, "q", 1,
                "r", -1, "storageCapacity", "500"));
        for (Map<String, Object> provider : List.of(
                Map.<String, Object>of("teamId", utility, "name", "water-works", "type", "WATER", "level", 1, "q",
                        2, "r", -2, "unitPrice", "0.33", "capacity", "10000"),
                Map.<String, Object>of("teamId", utility, "name", "power-plant", "type", "POWER", "level", 1, "q",
                        3, "r", -3, "unitPrice", "0.47", "capacity", "10000"))) {
            api.call("POST", admin + "/connections", Map.of("facilityId", farm, "providerId", facility(provider)));
        }
        Stack.log("demo: facility world with teams Green Acres and City Utilities seeded");
    }

    private String facility(Map<String, Object> body) throws IOException, InterruptedException {
        return api.call("POST", "/api/facility/admin/facilities", body).path("data").path("id").asText();
    }
}
