package app.nozzly.printer.notifications.client;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import app.nozzly.printer.config.PrinterConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.TypedGuard;

/**
 * POSTs signed webhook bodies to receivers through a REST client per URL. Each receiver (scheme, host and port) has
 * its own SmallRye Fault Tolerance guard: a timeout, a retry with exponential backoff for transport failures, and a
 * circuit breaker, so one tenant's dead receiver never slows down or trips another's.
 */
@ApplicationScoped
public class Webhooks {

    public static final String SIGNATURE_HEADER = "X-Nozzly-Signature";
    static final String EVENT_HEADER = "X-Nozzly-Event";
    static final String DELIVERY_HEADER = "X-Nozzly-Delivery";

    /** What one delivery attempt got: the receiver's status, or why there was none. */
    public record Outcome(Integer status, String error) {

        public boolean delivered() {
            return error == null;
        }
    }

    @Inject
    PrinterConfig config;

    private final Map<String, WebhookApi> clients = new ConcurrentHashMap<>();
    private final Map<String, TypedGuard<Response>> guards = new ConcurrentHashMap<>();

    @PreDestroy
    void close() {
        clients.values().forEach(WebhookApi::close);
    }

    public Outcome post(String url, String event, long deliveryId, String body, String signature) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Outcome(null, "invalid webhook URL: " + e.getMessage());
        }
        WebhookApi api = clients.computeIfAbsent(url, ignored -> client(uri));
        TypedGuard<Response> guard = guards.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(),
                ignored -> guard());
        try (Response response = guard.call(() -> send(api, signature, event, deliveryId, body))) {
            int status = response.getStatus();
            return new Outcome(status, status / 100 == 2 ? null : "receiver answered " + status);
        } catch (CircuitBreakerOpenException e) {
            return new Outcome(null, "receiver " + uri.getAuthority() + " failed repeatedly; not called for a while");
        } catch (TimeoutException e) {
            return new Outcome(null, "receiver did not answer within " + config.webhooks().timeout().toMillis()
                    + " ms");
        } catch (Exception e) {
            return new Outcome(null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** A receiver's error status is an answer, not a transport failure: only the latter is retried and trips. */
    private static Response send(WebhookApi api, String signature, String event, long deliveryId, String body) {
        try {
            return api.deliver(signature, event, Long.toString(deliveryId), body);
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
    }

    private WebhookApi client(URI url) {
        long timeout = config.webhooks().timeout().toMillis();
        return QuarkusRestClientBuilder.newBuilder().baseUri(url)
                .connectTimeout(timeout, TimeUnit.MILLISECONDS).readTimeout(timeout, TimeUnit.MILLISECONDS)
                .build(WebhookApi.class);
    }

    private TypedGuard<Response> guard() {
        return TypedGuard.create(Response.class)
                .withTimeout().duration(config.webhooks().timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withRetry().maxRetries(2).delay(200, ChronoUnit.MILLIS)
                .retryOn(List.of(ProcessingException.class, TimeoutException.class))
                .withExponentialBackoff().factor(2).maxDelay(2, ChronoUnit.SECONDS).done().done()
                .withCircuitBreaker().requestVolumeThreshold(10).failureRatio(0.5).delay(30, ChronoUnit.SECONDS)
                .failOn(List.of(ProcessingException.class, TimeoutException.class)).done()
                .build();
    }
}
