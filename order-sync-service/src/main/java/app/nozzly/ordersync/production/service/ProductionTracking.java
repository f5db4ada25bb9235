package app.nozzly.ordersync.production.service;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.nozzly.ordersync.orders.Order;
import app.nozzly.ordersync.orders.OrderItem;
import app.nozzly.ordersync.orders.mapping.OrderMapper;
import app.nozzly.ordersync.orders.service.OrderService;
import app.nozzly.ordersync.production.ProductionLink;
import app.nozzly.ordersync.production.events.RunPayloads;
import app.nozzly.platform.events.InvalidEventException;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * specs/002 Order Management: an order's production_status follows the runs made for its items (created ->
 * queued, a plate started -> in_progress, completed, failed, cancelled -> back to pending), and a completed run
 * gives each item its produced quantity and cost share. Totals are recomputed from the links, so nothing counts twice.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProductionTracking {

    private static final Logger LOG = Logger.getLogger(ProductionTracking.class);

    @Inject
    OrderService orders;

    @Inject
    TenantContext tenants;

    public void created(RunPayloads.Run run) {
        UUID runId = requireRun(run.runId());
        Set<Long> touched = new TreeSet<>();
        // production-service creates every run in_progress (specs/000); nothing prints until a plate starts
        for (RunPayloads.Item item : run.itemsOrEmpty()) {
            ProductionLink link = link(runId, run.runNumber(), item);
            if (link != null) {
                link.status = ProductionLink.QUEUED;
                link.updatedAt = now();
                touched.add(link.orderId);
            }
        }
        follow(touched);
    }

    public void plateChanged(RunPayloads.Plate plate) {
        UUID runId = requireRun(plate.runId());
        if (!"started".equals(plate.change()) && !"printing".equals(plate.status())) {
            return;
        }
        Set<Long> touched = new TreeSet<>();
        for (ProductionLink link : ProductionLink.<ProductionLink>list("runId", runId)) {
            if (ProductionLink.QUEUED.equals(link.status)) {
                link.status = ProductionLink.IN_PROGRESS;
                link.updatedAt = now();
                touched.add(link.orderId);
            }
        }
        follow(touched);
    }

    public void completed(RunPayloads.Run run) {
        UUID runId = requireRun(run.runId());
        Set<Long> touched = new TreeSet<>();
        for (RunPayloads.Item item : run.itemsOrEmpty()) {
            ProductionLink link = link(runId, run.runNumber(), item);
            if (link != null) {
                link.status = ProductionLink.COMPLETED;
                link.producedQuantity = item.successfulUnits() == null ? 0 : Math.max(0, item.successfulUnits());
                link.costOfGoods = OrderMapper.cents(item.costOfGoods());
                link.updatedAt = now();
                touched.add(link.orderId);
            }
        }
        for (ProductionLink link : ProductionLink.<ProductionLink>list("runId", runId)) {
            if (!ProductionLink.COMPLETED.equals(link.status)) {
                link.status = ProductionLink.COMPLETED;
                link.updatedAt = now();
                touched.add(link.orderId);
            }
        }
        follow(touched);
    }

    /** production.run.failed and .cancelled: the run's links end with that status. */
    public void ended(RunPayloads.Run run, String status) {
        UUID runId = requireRun(run.runId());
        Set<Long> touched = new TreeSet<>();
        for (ProductionLink link : ProductionLink.<ProductionLink>list("runId", runId)) {
            link.status = status;
            link.updatedAt = now();
            touched.add(link.orderId);
        }
        follow(touched);
    }

    /** The link of a run item that names an order item of this shop; null (logged) when it names none. */
    private ProductionLink link(UUID runId, String runNumber, RunPayloads.Item item) {
        if (item.orderItemId() == null) {
            return null;
        }
        ProductionLink link = ProductionLink.<ProductionLink>find("runId = ?1 and orderItemId = ?2", runId,
                item.orderItemId()).firstResult();
        if (link != null) {
            return link;
        }
        OrderItem orderItem = OrderItem.findById(item.orderItemId());
        if (orderItem == null || item.orderId() != null && item.orderId() != orderItem.orderId) {
            LOG.warnf("tenant %s: run %s names order item %s of order %s, which this shop does not have; skipped",
                    tenants.require(), runNumber, item.orderItemId(), item.orderId());
            return null;
        }
        link = new ProductionLink();
        link.runId = runId;
        link.runNumber = runNumber;
        link.orderId = orderItem.orderId;
        link.orderItemId = orderItem.id;
        link.runItemId = item.itemId();
        link.status = ProductionLink.QUEUED;
        link.updatedAt = now();
        link.persist();
        return link;
    }

    /** Recomputes each order's production status, produced quantities and cost, and announces what changed. */
    private void follow(Set<Long> orderIds) {
        for (Long orderId : orderIds) {
            Order order = Order.findById(orderId);
            if (order == null) {
                continue;
            }
            List<ProductionLink> links = ProductionLink.list("orderId", orderId);
            boolean changed = false;
            BigDecimal orderCost = null;
            for (OrderItem item : OrderItem.<OrderItem>list("orderId", orderId)) {
                int produced = 0;
                BigDecimal cost = null;
                for (ProductionLink link : links) {
                    if (link.orderItemId == item.id && ProductionLink.COMPLETED.equals(link.status)) {
                        produced += link.producedQuantity;
                        if (link.costOfGoods != null) {
                            cost = cost == null ? link.costOfGoods : cost.add(link.costOfGoods);
                        }
                    }
                }
                if (produced != item.producedQuantity || !sameMoney(cost, item.costOfGoods)) {
                    item.producedQuantity = produced;
                    item.costOfGoods = cost;
                    changed = true;
                }
                if (cost != null) {
                    orderCost = orderCost == null ? cost : orderCost.add(cost);
                }
            }
            String previousProduction = order.productionStatus;
            String production = productionStatus(links);
            if (!production.equals(order.productionStatus) || !sameMoney(orderCost, order.costOfGoods)) {
                order.productionStatus = production;
                order.costOfGoods = orderCost;
                changed = true;
            }
            if (changed) {
                order.updatedAt = now();
                orders.announce(order, order.status, previousProduction);
                LOG.infof("tenant %s: order %d production %s, cost of goods %s", tenants.require(), order.id,
                        production, orderCost);
            }
        }
    }

    /** An open run decides; else the latest completed or failed run; only cancelled runs: back to pending. */
    static String productionStatus(List<ProductionLink> links) {
        if (links.stream().anyMatch(l -> ProductionLink.IN_PROGRESS.equals(l.status))) {
            return "in_progress";
        }
        if (links.stream().anyMatch(l -> ProductionLink.QUEUED.equals(l.status))) {
            return "queued";
        }
        return links.stream().filter(l -> !ProductionLink.CANCELLED.equals(l.status))
                .max(Comparator.comparing((ProductionLink l) -> l.updatedAt).thenComparing(l -> l.id))
                .map(l -> l.status).orElse("pending");
    }

    private static boolean sameMoney(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static UUID requireRun(UUID runId) {
        if (runId == null) {
            throw new InvalidEventException("a production.runs event without run_id");
        }
        return runId;
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
