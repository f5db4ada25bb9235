package app.nozzly.printer;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The opt-in specs/003 local network mode for one tenant, with rate limits small enough to reach in a test
 * (the default test profile lifts them so the other tests can poll freely).
 */
public class LocalNetworkProfile implements QuarkusTestProfile {

    static final String LOCAL_TENANT = "local-farm";
    static final int STATUS_PER_MINUTE = 5;
    static final int PRINT_OPERATIONS_PER_MINUTE = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("printer.local-mode.tenant", LOCAL_TENANT,
                "printer.rate-limit.status-per-minute", String.valueOf(STATUS_PER_MINUTE),
                "printer.rate-limit.print-operations-per-minute", String.valueOf(PRINT_OPERATIONS_PER_MINUTE));
    }
}
