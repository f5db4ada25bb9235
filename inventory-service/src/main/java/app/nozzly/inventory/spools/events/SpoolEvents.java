package app.nozzly.inventory.spools.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import app.nozzly.inventory.materialtypes.MaterialType;
import app.nozzly.inventory.models.events.ModelEvents;
import app.nozzly.inventory.spools.Spool;
import app.nozzly.platform.outbox.Outbox;

/**
 * Spools on topic {@code inventory.catalog} (key = spool id), written to the outbox in the transaction of the
 * change: what other services show of a spool (specs/000 materials), its cost per gram included.
 */
@ApplicationScoped
public class SpoolEvents {

    public static final String TOPIC = ModelEvents.TOPIC;
    public static final String CREATED = "inventory.spool.created";
    public static final String CHANGED = "inventory.spool.changed";

    /**
     * The spool as other services embed it; spool_id is its human code. updated_at is the later of the spool's and
     * its material type's, so a renamed type is a newer version of each of its spools.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SpoolChanged(UUID id, String spoolId, String brand, String color, MaterialTypeRef materialType,
            BigDecimal costPerGram, OffsetDateTime updatedAt) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MaterialTypeRef(String code, String name) {
    }

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void created(Spool spool) {
        publish(CREATED, spool);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Spool spool) {
        publish(CHANGED, spool);
    }

    /** A material type's name is part of every spool of that type as others show it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void typeChanged(MaterialType type) {
        Spool.<Spool>list("materialType", type).forEach(this::changed);
    }

    private void publish(String type, Spool spool) {
        OffsetDateTime version = spool.materialType.updatedAt != null
                && spool.materialType.updatedAt.isAfter(spool.updatedAt) ? spool.materialType.updatedAt
                        : spool.updatedAt;
        outbox.publish(TOPIC, spool.id.toString(), type, new SpoolChanged(spool.id, spool.spoolCode, spool.brand,
                spool.color, new MaterialTypeRef(spool.materialType.code, spool.materialType.name),
                spool.costPerGram, version));
    }
}
