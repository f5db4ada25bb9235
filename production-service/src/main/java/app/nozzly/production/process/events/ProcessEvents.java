package app.nozzly.production.process.events;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.nozzly.platform.outbox.Outbox;
import app.nozzly.production.process.events.ProcessEventPayloads.BatchStatusChange;
import app.nozzly.production.process.events.ProcessEventPayloads.QualityAlert;
import app.nozzly.production.process.events.ProcessEventPayloads.ReactorUpdate;
import app.nozzly.production.process.events.ProcessEventPayloads.StationStatus;

/**
 * Announces specs/001 real-time events through the outbox (topic production.process), in the transaction
 * of the change. {@link ProcessEventFanOut} reads them back from Kafka and pushes them to WebSocket clients.
 */
@ApplicationScoped
public class ProcessEvents {

    public static final String TOPIC = "production.process";
    public static final String BATCH_STATUS_CHANGED = "production.batch.status-changed";
    public static final String REACTOR_UPDATED = "production.reactor.updated";
    public static final String QUALITY_ALERT = "production.quality.alert";
    public static final String STATION_STATUS = "production.station.status";

    /** Kafka type -> the spec's WebSocket event name. */
    public static final Map<String, String> WEBSOCKET_NAMES = Map.of(
            BATCH_STATUS_CHANGED, "production:batch-status-change",
            REACTOR_UPDATED, "production:reactor-update",
            QUALITY_ALERT, "production:quality-alert",
            STATION_STATUS, "production:station-status");

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void batchStatusChanged(BatchStatusChange event) {
        outbox.publish(TOPIC, event.batchId(), BATCH_STATUS_CHANGED, event);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reactorUpdated(ReactorUpdate event) {
        outbox.publish(TOPIC, event.reactorId(), REACTOR_UPDATED, event);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void qualityAlert(QualityAlert event) {
        outbox.publish(TOPIC, event.batchId(), QUALITY_ALERT, event);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void stationStatus(StationStatus event) {
        outbox.publish(TOPIC, event.stationId(), STATION_STATUS, event);
    }
}
