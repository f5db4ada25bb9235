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
                "platform.rate-limit.rules.v1-status-reads.limit", String.valueOf(STATUS_PER_MINUTE),
                "platform.rate-limit.rules.print-operations.limit", String.valueOf(PRINT_OPERATIONS_PER_MINUTE));
    }
}
