package app.nozzly.printer.support;

import java.util.Map;

/**
 * Bodies of POST /api/v1/printers for a PrusaLink printer on port 9 (discard), which is never a PrusaLink: the
 * printer is registered and stays offline, for tests that need a printer but not its answers.
 */
public final class OfflinePrinters {

    private OfflinePrinters() {
    }

    /** Named "Prusa " + id. */
    public static Map<String, Object> prusa(String id) {
        return prusa(id, "Prusa " + id);
    }

    public static Map<String, Object> prusa(String id, String name) {
        return Map.of("id", id, "name", name, "type", "prusa", "ip_address", "127.0.0.1", "port", 9,
                "password", "secret");
    }
}
