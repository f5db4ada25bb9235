package app.nozzly.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What every scenario needs: the running stack's endpoints, the bench tenant (fresh per run) and a signer for
 * its tokens, the service processes and the run length.
 */
record Context(Api api, Tokens tokens, String tenant, String gateway, String jdbcUrl, String kafka, Path repo,
        Path stackHome, Map<String, Long> servicePids, Map<String, Integer> servicePorts, double scale) {

    /** A scenario's nominal duration, shortened by --quick. */
    Duration duration(int seconds) {
        return Duration.ofMillis((long) (seconds * 1000 * scale));
    }

    int count(int nominal) {
        return Math.max(1, (int) (nominal * scale));
    }
}
