package app.nozzly.production.catalog.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import app.nozzly.platform.events.CloudEventCodec;
import app.nozzly.platform.events.InvalidEventException;
import app.nozzly.platform.inbox.IdempotentConsumer;
import app.nozzly.production.catalog.CatalogModel;
import app.nozzly.production.catalog.CatalogSpool;
import app.nozzly.production.catalog.repository.Catalog;
import io.smallrye.common.annotation.Blocking;

/**
 * Keeps production's copy of the models and spools runs show from inventory.catalog, once per event; an event older
 * than the stored version changes nothing.
 */
@ApplicationScoped
public class CatalogConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogConsumer.class);

    @Inject
    IdempotentConsumer idempotent;

    @Inject
    CloudEventCodec codec;

    @Inject
    Catalog catalog;

    @Incoming("production-inventory-catalog")
    @Blocking
    public void on(String message) {
        idempotent.consume("production-inventory-catalog", message, event -> {
            if (CatalogPayloads.MODEL_TYPES.contains(event.type())) {
                CatalogPayloads.Model model = codec.data(event, CatalogPayloads.Model.class);
                if (model.id() == null || model.name() == null || model.sku() == null || model.updatedAt() == null) {
                    throw new InvalidEventException("event " + event.id() + " of tenant " + event.tenant()
                            + " lacks the model's id, name, sku or updated_at");
                }
                catalog.keep(new CatalogModel(model.id(), model.name(), model.sku()), model.updatedAt());
            } else if (CatalogPayloads.SPOOL_TYPES.contains(event.type())) {
                CatalogPayloads.Spool spool = codec.data(event, CatalogPayloads.Spool.class);
                if (spool.id() == null || spool.spoolId() == null || spool.updatedAt() == null) {
                    throw new InvalidEventException("event " + event.id() + " of tenant " + event.tenant()
                            + " lacks the spool's id, spool_id or updated_at");
                }
                CatalogPayloads.MaterialType type = spool.materialType();
                catalog.keep(new CatalogSpool(spool.id(), spool.spoolId(), spool.brand(), spool.color(),
                        type == null ? null : type.code(), type == null ? null : type.name(), spool.costPerGram()),
                        spool.updatedAt());
            } else {
                LOG.debugf("tenant %s: %s is not a catalog event production keeps", event.tenant(), event.type());
            }
        });
    }
}
