package app.nozzly.stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.nozzly.gateway.ErrorFamily;

/**
 * One of the five services: its module, port, and the gateway prefixes it owns (ARCHITECTURE.md, "Gateway route
 * map") with the error family of the spec each prefix implements.
 */
record Service(String name, int port, Map<String, ErrorFamily> prefixes) {

    static List<Service> all() {
        return List.of(
                new Service("production-service", 8081, prefixes(
                        "/api/v1/production-runs", ErrorFamily.PROBLEM,
                        "/api/v1/production/", ErrorFamily.SPEC_001)),
                new Service("inventory-service", 8082, prefixes(
                        "/api/v1/spools", ErrorFamily.PROBLEM,
                        "/api/v1/material-types", ErrorFamily.PROBLEM,
                        "/api/v1/materials", ErrorFamily.PROBLEM,
                        "/api/v1/products", ErrorFamily.PROBLEM,
                        "/api/v1/models", ErrorFamily.PROBLEM,
                        "/api/v1/inventory/", ErrorFamily.PROBLEM,
                        "/api/v1/integrations/", ErrorFamily.PROBLEM,
                        "/api/filaments", ErrorFamily.SPEC_002,
                        "/spoolman/", ErrorFamily.PROBLEM)),
                new Service("printer-service", 8083, prefixes(
                        "/api/v1/printers", ErrorFamily.SPEC_003,
                        "/api/v1/jobs", ErrorFamily.SPEC_003,
                        "/api/v1/files", ErrorFamily.SPEC_003,
                        "/api/v1/statistics", ErrorFamily.SPEC_003,
                        "/api/v1/system/", ErrorFamily.SPEC_003,
                        "/api/v1/health", ErrorFamily.SPEC_003,
                        "/api/bambu/", ErrorFamily.SPEC_002,
                        "/ws", ErrorFamily.SPEC_003)),
                new Service("order-sync-service", 8084, prefixes(
                        "/api/auth/", ErrorFamily.SPEC_002,
                        "/api/orders", ErrorFamily.SPEC_002,
                        "/api/analytics/", ErrorFamily.SPEC_002)),
                new Service("facility-sim-service", 8085, prefixes(
                        "/api/facility/", ErrorFamily.SPEC_004)));
    }

    private static Map<String, ErrorFamily> prefixes(Object... prefixAndFamily) {
        Map<String, ErrorFamily> prefixes = new LinkedHashMap<>();
        for (int i = 0; i < prefixAndFamily.length; i += 2) {
            prefixes.put((String) prefixAndFamily[i], (ErrorFamily) prefixAndFamily[i + 1]);
        }
        return prefixes;
    }
}
