package app.nozzly.edge;

import java.time.Duration;

/** Exponential backoff: 1 s doubling up to a maximum. */
final class Backoff {

    static final Duration INITIAL = Duration.ofSeconds(1);

    private Backoff() {
    }

    static Duration next(Duration current, Duration max) {
        Duration doubled = current.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
