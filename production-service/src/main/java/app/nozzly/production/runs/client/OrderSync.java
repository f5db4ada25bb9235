package app.nozzly.production.runs.client;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import app.nozzly.production.runs.ProductionRunException;

/**
 * order-sync-service's specs/002 order detail for runs for orders, acting with the caller's token: an absent order is an empty
 * Optional, an unreachable or failing order-sync a 503 naming the order.
 */
@ApplicationScoped
public class OrderSync {

    private static final Logger LOG = Logger.getLogger(OrderSync.class);

    /** Our tolerant copy of a specs/002 order line: its id is the order item id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OrderItem(Long id, String sku, String title, Integer quantity) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Order(Long id, String etsyOrderId, List<OrderItem> items) {

        public List<OrderItem> itemsOrEmpty() {
            return items == null ? List.of() : items;
        }
    }

    @Inject
    @RestClient
    OrderSyncApi api;

    @Inject
    JsonWebToken jwt;

    public Optional<Order> order(long id) {
        try (Response response = fetch(id)) {
            if (response.getStatus() == 404) {
                return Optional.empty();
            }
            if (response.getStatus() != 200) {
                LOG.warnf("order-sync-service answered %d for order %d of tenant %s", response.getStatus(), id,
                        jwt.getClaim("tenant_id"));
                throw ProductionRunException.orderSyncUnavailable("Order sync service answered "
                        + response.getStatus() + " for order " + id + "; nothing was changed, please retry");
            }
            return Optional.of(response.readEntity(Order.class));
        }
    }

    // with the caller's transaction suspended, as every remote call (see Inventory)
    private Response fetch(long id) {
        try {
            return QuarkusTransaction.suspendingExisting().call(() -> api.order("Bearer " + jwt.getRawToken(), id));
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof WebApplicationException answer) {
                return answer.getResponse();
            }
            if (e.getCause() instanceof ProcessingException || e.getCause() instanceof FaultToleranceException) {
                LOG.warnf("order-sync-service unreachable for order %d of tenant %s: %s", id,
                        jwt.getClaim("tenant_id"), e.getCause().getMessage());
                throw ProductionRunException.orderSyncUnavailable(
                        "Order sync service is unavailable (order " + id + "); nothing was changed, please retry");
            }
            throw e;
        }
    }
}
