package app.nozzly.inventory.models.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import app.nozzly.inventory.models.Model;
import app.nozzly.platform.outbox.Outbox;

/**
 * Models on topic {@code inventory.catalog} (key = model id), written to the outbox in the transaction of the
 * change: what other services show of a model, so they keep their own copy instead of asking on every read.
 */
@ApplicationScoped
public class ModelEvents {

    /** Models and spools as other services show them; low volume, apart from the ledger's inventory.stock. */
    public static final String TOPIC = "inventory.catalog";
    public static final String CREATED = "inventory.model.created";
    public static final String CHANGED = "inventory.model.changed";

    /** The model as other services embed it; updated_at orders its versions (a consumer keeps the newest). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ModelChanged(UUID id, String name, String sku, OffsetDateTime updatedAt) {
    }

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void created(Model model) {
        publish(CREATED, model);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Model model) {
        publish(CHANGED, model);
    }

    private void publish(String type, Model model) {
        outbox.publish(TOPIC, model.id.toString(), type,
                new ModelChanged(model.id, model.name, model.sku, model.updatedAt));
    }
}
