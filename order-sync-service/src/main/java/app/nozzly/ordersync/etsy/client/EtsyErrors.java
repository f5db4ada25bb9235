package app.nozzly.ordersync.etsy.client;

import java.time.Duration;
import java.time.Instant;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import app.nozzly.ordersync.etsy.EtsyException;

/**
 * Etsy's error answers as {@link EtsyException}s: 5xx {@link EtsyException.Unavailable}, a 429 whose retry-after
 * a sync can wait out {@link EtsyException.Throttled}, anything else final, with Etsy's error text.
 */
public class EtsyErrors implements ResponseExceptionMapper<EtsyException> {

    /** A longer retry-after (the day's quota is spent) ends the call; the next sync resumes from its cursor. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    @Override
    public EtsyException toThrowable(Response response) {
        int status = response.getStatus();
        String message = "Etsy answered " + status + " (" + detail(response) + ")";
        if (status >= 500) {
            return new EtsyException.Unavailable(status, message);
        }
        if (status == 429) {
            Duration wait = retryAfter(response);
            if (wait.compareTo(LONGEST_WAIT) <= 0) {
                return new EtsyException.Throttled(message, wait);
            }
            return new EtsyException(status, message + "; calls resume after "
                    + Instant.now().plus(wait).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        return new EtsyException(status, message);
    }

    /** Etsy's retry-after in seconds; one second when absent or unreadable. */
    static Duration retryAfter(Response response) {
        String value = response.getHeaderString("retry-after");
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(value.trim())));
        } catch (RuntimeException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static String detail(Response response) {
        try {
            EtsyModels.Error error = response.hasEntity() ? response.readEntity(EtsyModels.Error.class) : null;
            if (error != null && error.error() != null) {
                return error.errorDescription() == null ? error.error()
                        : error.error() + ": " + error.errorDescription();
            }
        } catch (RuntimeException e) {
            // not Etsy's JSON error: the status line says what there is to say
        }
        return response.getStatusInfo().getReasonPhrase();
    }
}
