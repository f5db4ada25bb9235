package app.nozzly.facilitysim.production.mapping;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.nozzly.facilitysim.catalog.RawMaterial;
import app.nozzly.facilitysim.common.Lang;
import app.nozzly.facilitysim.common.Msg;
import app.nozzly.facilitysim.production.InventoryItem;
import app.nozzly.facilitysim.production.Production;
import app.nozzly.facilitysim.production.ResourceTransaction;
import app.nozzly.facilitysim.production.service.ProductionQuote;
import app.nozzly.facilitysim.production.service.ProductionService;
import app.nozzly.facilitysim.world.Facility;

/** Production, ResourceTransaction, InventoryItem and plans -> specs/004 API records in the caller's language. */
@ApplicationScoped
public class ProductionMapper {

    public ProductionView.Produced produced(ProductionService.Produced produced, Lang lang) {
        Production p = produced.production();
        ProductionService.Plan plan = produced.plan();
        ProductionQuote q = plan.quote();
        Facility f = plan.facility();
        return new ProductionView.Produced(p.id, p.productionNumber, p.status,
                new ProductionView.FacilityRef(f.id, f.name, f.type.name(), f.level),
                new ProductionView.MaterialRef(plan.material().materialNumber, plan.material().name(lang), p.quantity),
                new ProductionView.Resources(
                        new ProductionView.ResourceUse(q.water(), q.waterUnitPrice(), q.waterCost(),
                                provider(plan.water())),
                        new ProductionView.ResourceUse(q.power(), q.powerUnitPrice(), q.powerCost(),
                                provider(plan.power()))),
                costs(p), p.producedAt, p.spaceUsed,
                produced.consumerTransactions().stream().map(t -> new ProductionView.TransactionRef(t.id,
                        t.resourceType.name(), t.totalAmount, t.reference)).toList());
    }

    public ProductionView.Detail record(Production p, Lang lang) {
        RawMaterial m = material(p.rawMaterialId);
        return new ProductionView.Detail(p.id, p.productionNumber, p.status, p.failureReason,
                new ProductionView.MaterialWithOrigin(m.materialNumber, m.name(lang), p.quantity, m.origin.name()),
                new ProductionView.FacilityWithLocation(p.facilityId, p.facilityName, p.facilityType, p.facilityLevel,
                        new ProductionView.Location(p.q, p.r)),
                new ProductionView.Consumed(p.waterConsumed, p.powerConsumed), costs(p), p.spaceUsed, p.producedAt);
    }

    public ProductionView.HistoryItem historyItem(Production p, Lang lang) {
        RawMaterial m = material(p.rawMaterialId);
        return new ProductionView.HistoryItem(p.id, p.productionNumber, p.status,
                new ProductionView.MaterialRef(m.materialNumber, m.name(lang), p.quantity),
                new ProductionView.FacilitySummary(p.facilityId, p.facilityName, p.facilityType), p.totalCost,
                p.spaceUsed, p.producedAt);
    }

    public ProductionView.Estimate estimate(ProductionService.Plan plan, Lang lang) {
        ProductionQuote q = plan.quote();
        List<String> issues = plan.issues().stream().map(i -> i.message().text(lang, i.args().stream()
                .map(a -> translate(a, lang)).toArray())).toList();
        return new ProductionView.Estimate(issues.isEmpty(), issues,
                new ProductionView.Requirements(
                        requirement(plan.water(), q.waterUnitPrice(), q.waterCost()),
                        requirement(plan.power(), q.powerUnitPrice(), q.powerCost()),
                        new ProductionView.SpaceRequirement(q.space(), plan.facility().availableSpace(),
                                plan.spaceSufficient()),
                        new ProductionView.FundsRequirement(q.totalCost(), plan.team().funds, plan.fundsSufficient())),
                new ProductionView.EstimateCosts(q.waterCost(), q.powerCost(), q.materialBaseCost(), q.totalCost(),
                        q.costPerUnit()));
    }

    public ProductionView.Transaction transaction(ResourceTransaction t) {
        return new ProductionView.Transaction(t.id, t.resourceType.name(), t.role, t.quantity, t.unitPrice,
                t.totalAmount, new ProductionView.Provider(t.counterpartyFacilityId, t.counterpartyFacilityName,
                        t.counterpartyTeamId, t.counterpartyTeamName),
                t.productionId, t.transactionDate, t.reference, t.status);
    }

    public ProductionView.Item item(InventoryItem i, Lang lang) {
        RawMaterial m = material(i.rawMaterialId);
        return new ProductionView.Item(i.id, i.teamId, i.facilityId,
                new ProductionView.InventoryMaterial(m.id, m.materialNumber, m.name(lang), m.origin.name()),
                i.quantity, i.unitCost, i.totalValue, i.spaceUsed, i.metadata, i.updatedAt);
    }

    /** The catalog row a record names: global reference data, which the session keeps once it has read a row. */
    private static RawMaterial material(Long id) {
        return RawMaterial.findById(id);
    }

    private static Object translate(Object arg, Lang lang) {
        if (arg instanceof Msg msg) {
            return msg.text(lang);
        }
        if (arg instanceof RawMaterial material) {
            return material.name(lang);
        }
        return arg;
    }

    private static ProductionView.Requirement requirement(ProductionService.Supply s,
            BigDecimal unitPrice, BigDecimal cost) {
        return new ProductionView.Requirement(s.needed(), s.available(), unitPrice, cost, provider(s));
    }

    private static ProductionView.Provider provider(ProductionService.Supply s) {
        return s.connected() ? new ProductionView.Provider(s.provider().id, s.provider().name, s.providerTeam().id,
                s.providerTeam().name) : null;
    }

    private static ProductionView.Costs costs(Production p) {
        return new ProductionView.Costs(p.waterCost, p.powerCost, p.materialBaseCost, p.totalCost);
    }
}
