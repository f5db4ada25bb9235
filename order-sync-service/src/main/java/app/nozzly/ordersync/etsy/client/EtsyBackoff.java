package app.nozzly.ordersync.etsy.client;

import app.nozzly.ordersync.etsy.EtsyException;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/** Waits as long as a 429's retry-after asks, else doubles the wait from the first delay up to 4 s. */
public class EtsyBackoff implements CustomBackoffStrategy {

    static final long MAX_BACKOFF_MILLIS = 4_000;

    private long initialDelay;
    private int failures;

    @Override
    public void init(long initialDelayInMillis) {
        this.initialDelay = Math.max(1, initialDelayInMillis);
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        if (cause instanceof EtsyException.Throttled throttled) {
            return throttled.retryAfter().toMillis();
        }
        return Math.min(MAX_BACKOFF_MILLIS, initialDelay << Math.min(++failures, 6));
    }
}
