package app.nozzly.production.process.stations.mapping;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.nozzly.production.process.orders.OrderApi.OrderView;
import app.nozzly.production.process.orders.ProductionOrder;
import app.nozzly.production.process.orders.mapping.OrderMapper;
import app.nozzly.production.process.stations.Station;
import app.nozzly.production.process.stations.StationApi.CurrentProduct;
import app.nozzly.production.process.stations.StationApi.StationView;
import app.nozzly.production.process.stations.StationQueueEntry;

/** Station entity -> specs/001 ProductionStation, with its queue as production orders and today's counters. */
@ApplicationScoped
public class StationMapper {

    @Inject
    OrderMapper orders;

    public StationView toView(Station s) {
        List<OrderView> queue = StationQueueEntry.ofStation(s.id).stream()
                .map(e -> ProductionOrder.<ProductionOrder>findById(e.productionOrderId)).filter(Objects::nonNull)
                .map(orders::toView).toList();
        boolean today = OffsetDateTime.now(ZoneOffset.UTC).toLocalDate().equals(s.productionDay);
        return new StationView(s.id, s.name, s.type, s.status, s.currentProductId == null ? null
                : new CurrentProduct(s.currentProductId, s.currentProductName, s.currentBatchId), s.efficiency,
                s.unitsPerHour, s.targetUnitsPerHour, today ? s.unitsProducedToday : 0, s.lastActivity, queue,
                s.maintenanceDue, today ? s.errorCountToday : 0, s.operatorId, s.targetUnits, s.qualityCheckFrequency,
                s.createdAt, s.updatedAt);
    }
}
