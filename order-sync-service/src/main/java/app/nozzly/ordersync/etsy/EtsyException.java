package app.nozzly.ordersync.etsy;

import java.time.Duration;

/**
 * Etsy refused a call, failed it or never answered; the message names the call and the shop it was for.
 * {@link Unavailable} and {@link Throttled} are worth another attempt, everything else is final.
 */
public class EtsyException extends RuntimeException {

    private final int status;

    public EtsyException(int status, String message) {
        super(message);
        this.status = status;
    }

    public EtsyException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** Etsy's HTTP status; 0 when Etsy could not be reached or did not answer in time. */
    public int status() {
        return status;
    }

    public boolean unauthorized() {
        return status == 401;
    }

    /** The same failure, its message prefixed with what was being done (the call and the shop). */
    public EtsyException during(String what) {
        return new EtsyException(status, what + ": " + getMessage(), this);
    }

    /** Etsy failed (5xx): retried, and counted by the circuit breaker. */
    public static class Unavailable extends EtsyException {

        public Unavailable(int status, String message) {
            super(status, message);
        }
    }

    /** Etsy (or our own share of its budget) asks to wait before the next call: retried after that wait. */
    public static class Throttled extends EtsyException {

        private final Duration retryAfter;

        public Throttled(String message, Duration retryAfter) {
            super(429, message);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
