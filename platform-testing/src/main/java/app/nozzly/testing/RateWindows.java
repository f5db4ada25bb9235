package app.nozzly.testing;

import java.time.Duration;
import java.time.Instant;

/**
 * The platform's rate limits count in fixed windows aligned to the epoch (a ten-minute window starts at :00, :10,
 * ...). A test that counts a budget down must not straddle a window's end, or its count starts again mid-test.
 */
public final class RateWindows {

    private RateWindows() {
    }

    /** Waits, if need be, until the current window of this length has at least {@code needed} left. */
    public static void awaitRoom(Duration window, Duration needed) {
        long length = window.toMillis();
        long left = length - Instant.now().toEpochMilli() % length;
        if (left < needed.toMillis()) {
            try {
                Thread.sleep(left + 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a fresh rate-limit window", e);
            }
        }
    }
}
