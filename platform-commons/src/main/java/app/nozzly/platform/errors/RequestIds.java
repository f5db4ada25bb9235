package app.nozzly.platform.errors;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Every request has an id: the gateway's {@code X-Request-Id} when it sent a sane one, else one made here. It
 * comes back in the answer's {@code X-Request-Id}, in every error body and in every log line of the request
 * ({@code requestId} in the MDC), so a user's report leads straight to the logs.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "nozzly.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** First of all handlers, so that security failures and every error carry the id too. */
    void register(@Observes Router router) {
        router.route().order(-1_000).handler(this::assign);
    }

    void assign(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : generate();
        ContextLocals.put(KEY, id);
        MDC.put("requestId", id);
        context.response().putHeader(HEADER, id);
        context.next();
    }

    /** The current request's id; outside a request (a consumer, a job), a fresh one. */
    public static String current() {
        if (Vertx.currentContext() != null) {
            String id = ContextLocals.<String>get(KEY).orElse(null);
            if (id != null) {
                return id;
            }
        }
        return generate();
    }

    private static String generate() {
        String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return "req_" + "0".repeat(16 - hex.length()) + hex;
    }
}
