package app.nozzly.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** What every scenario needs: the running stack's endpoints, its service processes and the run length. */
record Context(Api api, String gateway, String jdbcUrl, String kafka, Path repo, Path stackHome,
        Map<String, Long> servicePids, double scale) {

    /** A scenario's nominal duration, shortened by --quick. */
    Duration duration(int seconds) {
        return Duration.ofMillis((long) (seconds * 1000 * scale));
    }

    int count(int nominal) {
        return Math.max(1, (int) (nominal * scale));
    }
}
