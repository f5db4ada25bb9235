package app.nozzly.facilitysim.production.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.jboss.logging.Logger;

import app.nozzly.facilitysim.catalog.RawMaterial;
import app.nozzly.facilitysim.common.BusinessCode;
import app.nozzly.facilitysim.common.Caller;
import app.nozzly.facilitysim.common.Decimals;
import app.nozzly.facilitysim.common.FacilityException;
import app.nozzly.facilitysim.common.Msg;
import app.nozzly.facilitysim.production.InventoryItem;
import app.nozzly.facilitysim.production.Production;
import app.nozzly.facilitysim.production.ResourceTransaction;
import app.nozzly.facilitysim.production.events.ProductionCompleted;
import app.nozzly.facilitysim.production.events.ResourceTransactionRecorded;
import app.nozzly.facilitysim.world.Facility;
import app.nozzly.facilitysim.world.InfrastructureConnection;
import app.nozzly.facilitysim.world.ResourceType;
import app.nozzly.facilitysim.world.Team;
import app.nozzly.facilitysim.world.repository.ProviderUsageRepository;
import app.nozzly.platform.outbox.Outbox;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * specs/004 section 1 (produce) and 4 (estimate). Both build the same {@link Plan}. Produce locks only its own
 * facility (its space and inventory) while it writes the production; the rows every team shares (the provider
 * teams' funds, the providers' capacity) and the team's funds change last, each in one conditional statement,
 * teams in id order, so they are held from that statement to the commit only, and a change the plan did not see
 * (funds spent, capacity sold meanwhile) refuses the production whole. Never an overdraft or an oversold window.
 */
@ApplicationScoped
@Transactional
public class ProductionService {

    private static final Logger LOG = Logger.getLogger(ProductionService.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** The most one production may make: far beyond any game's funds, well inside the columns. */
    static final String MAX_QUANTITY = "1000000000";

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    Caller caller;

    @Inject
    ProviderUsageRepository usage;

    @Inject
    Outbox outbox;

    /** The request body of produce and estimate; quantity at most 3 decimals, within numeric(16,3). */
    public record Command(@NotNull UUID facilityId, @NotNull Long rawMaterialId,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(MAX_QUANTITY)
            @Digits(integer = 10, fraction = Decimals.QUANTITY_SCALE) BigDecimal quantity) {
    }

    /** A blocking issue: its business code and its words (arguments that are {@link Msg} are translated too). */
    public record Issue(BusinessCode code, Msg message, List<Object> args) {
    }

    /** One utility as the production would buy it; provider fields are null without an active connection. */
    public record Supply(ResourceType type, Facility provider, Team providerTeam, BigDecimal remainingCapacity,
            BigDecimal needed) {

        public boolean connected() {
            return provider != null;
        }

        public boolean available() {
            return connected() && needed.compareTo(remainingCapacity) <= 0;
        }
    }

    public record Plan(RawMaterial material, Facility facility, Team team, Supply water, Supply power,
            ProductionQuote quote, List<Issue> issues) {

        public boolean fundsSufficient() {
            return quote.totalCost().compareTo(team.funds) <= 0;
        }

        public boolean spaceSufficient() {
            return quote.space().compareTo(facility.availableSpace()) <= 0;
        }
    }

    public record Produced(Production production, Plan plan, List<ResourceTransaction> consumerTransactions) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Plan estimate(Command command) {
        return plan(command, false);
    }

    public Produced produce(Command command) {
        Plan plan = plan(command, true);
        if (!plan.issues().isEmpty()) {
            Issue first = plan.issues().get(0);
            LOG.infof("tenant %s team %s: production refused at facility %s (%s)", tenants.require(),
                    plan.facility().teamId, plan.facility().id, first.code());
            throw new FacilityException(first.code(), refusal(first.code(), plan),
                    "facility " + plan.facility().id + " material " + plan.material().id);
        }
        return apply(plan);
    }

    private Plan plan(Command command, boolean lock) {
        RawMaterial material = RawMaterial.<RawMaterial>findByIdOptional(command.rawMaterialId())
                .orElseThrow(() -> FacilityException.notFound(BusinessCode.MATERIAL_NOT_FOUND,
                        "raw material " + command.rawMaterialId()));
        Facility facility = Facility.<Facility>findByIdOptional(command.facilityId())
                .orElseThrow(() -> FacilityException.notFound(BusinessCode.FACILITY_NOT_FOUND,
                        "facility " + command.facilityId() + " of tenant " + tenants.require()));
        if (!caller.mayActFor(facility.teamId)) {
            throw FacilityException.forbidden("facilityId", Msg.OTHER_TEAM);
        }
        if (lock) {
            em.refresh(facility, LockModeType.PESSIMISTIC_WRITE);
        }
        Optional<Facility> waterProvider = provider(facility, ResourceType.WATER);
        Optional<Facility> powerProvider = provider(facility, ResourceType.POWER);
        Team team = Team.findById(facility.teamId);
        ProductionQuote quote = ProductionQuote.of(material, command.quantity(),
                waterProvider.map(p -> p.unitPrice).orElse(BigDecimal.ZERO),
                powerProvider.map(p -> p.unitPrice).orElse(BigDecimal.ZERO));
        Supply water = supply(ResourceType.WATER, waterProvider, quote.water());
        Supply power = supply(ResourceType.POWER, powerProvider, quote.power());

        List<Issue> issues = new ArrayList<>();
        if (!facility.type.producesMaterials()) {
            issues.add(new Issue(BusinessCode.INVALID_FACILITY_TYPE, Msg.ISSUE_FACILITY_TYPE,
                    List.of(facility.type.name())));
        } else if (facility.type != material.requiredFacilityType) {
            issues.add(new Issue(BusinessCode.INVALID_MATERIAL_FOR_FACILITY, Msg.ISSUE_MATERIAL_FOR_FACILITY,
                    List.of(material, material.requiredFacilityType.name(), facility.type.name())));
        }
        for (Supply s : List.of(water, power)) {
            if (!s.connected()) {
                issues.add(new Issue(BusinessCode.NO_INFRASTRUCTURE_CONNECTION, Msg.ISSUE_NO_CONNECTION,
                        List.of(word(s.type()))));
            }
        }
        for (Supply s : List.of(water, power)) {
            if (s.connected() && !s.available()) {
                issues.add(new Issue(BusinessCode.PROVIDER_CAPACITY_EXCEEDED, Msg.ISSUE_CAPACITY,
                        List.of(word(s.type()), s.remainingCapacity().toPlainString(), s.needed().toPlainString())));
            }
        }
        Plan plan = new Plan(material, facility, team, water, power, quote, issues);
        if (!plan.fundsSufficient()) {
            issues.add(new Issue(BusinessCode.INSUFFICIENT_RESOURCES, Msg.ISSUE_FUNDS,
                    List.of(quote.totalCost().toPlainString(), team.funds.toPlainString())));
        }
        if (!plan.spaceSufficient()) {
            issues.add(new Issue(BusinessCode.INSUFFICIENT_SPACE, Msg.ISSUE_SPACE,
                    List.of(quote.space().toPlainString(), facility.availableSpace().toPlainString())));
        }
        return plan;
    }

    private static Msg word(ResourceType type) {
        return type == ResourceType.WATER ? Msg.WATER : Msg.POWER;
    }

    private Optional<Facility> provider(Facility facility, ResourceType type) {
        return InfrastructureConnection.of(facility.id, type)
                .filter(c -> c.active)
                .flatMap(c -> Facility.<Facility>findByIdOptional(c.providerId))
                .filter(p -> p.type == type.providerType());
    }

    private Supply supply(ResourceType type, Optional<Facility> provider, BigDecimal needed) {
        if (provider.isEmpty()) {
            return new Supply(type, null, null, BigDecimal.ZERO, needed);
        }
        Facility p = provider.get();
        BigDecimal remaining = p.capacityPerWindow.subtract(usage.used(p.id, usage.currentWindow()))
                .max(BigDecimal.ZERO);
        return new Supply(type, p, Team.findById(p.teamId), remaining, needed);
    }

    /** The data of a refused production's envelope (specs/004 section 1: required and available for 4002). */
    private static Map<String, Object> refusal(BusinessCode code, Plan plan) {
        ProductionQuote q = plan.quote();
        return switch (code) {
            case INSUFFICIENT_RESOURCES, INSUFFICIENT_SPACE -> Map.of(
                    "required", Map.of("funds", q.totalCost(), "space", q.space()),
                    "available", Map.of("funds", plan.team().funds, "space", plan.facility().availableSpace()));
            case NO_INFRASTRUCTURE_CONNECTION -> Map.of("missing", List.of(plan.water(), plan.power()).stream()
                    .filter(s -> !s.connected()).map(s -> s.type().name()).toList());
            case PROVIDER_CAPACITY_EXCEEDED -> List.of(plan.water(), plan.power()).stream()
                    .filter(s -> s.connected() && !s.available()).findFirst()
                    .map(s -> Map.<String, Object>of("resourceType", s.type().name(), "requested", s.needed(),
                            "remaining", s.remainingCapacity(), "providerFacilityId", s.provider().id))
                    .orElseThrow();
            case INVALID_FACILITY_TYPE, INVALID_MATERIAL_FOR_FACILITY -> Map.of(
                    "facilityType", plan.facility().type.name(),
                    "requiredFacilityType", plan.material().requiredFacilityType.name());
            default -> Map.of();
        };
    }

    private Produced apply(Plan plan) {
        Facility facility = plan.facility();
        Team team = plan.team();
        ProductionQuote q = plan.quote();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Number sequence = (Number) em.createNativeQuery("select nextval('production_number_seq')").getSingleResult();

        Production p = new Production();
        p.id = UUID.randomUUID();
        p.productionNumber = "PRD-" + DAY.format(now) + "-" + String.format("%06d", sequence.longValue());
        p.status = Production.SUCCESS;
        p.teamId = team.id;
        p.facilityId = facility.id;
        p.facilityName = facility.name;
        p.facilityType = facility.type.name();
        p.facilityLevel = facility.level;
        p.q = facility.q;
        p.r = facility.r;
        p.rawMaterialId = plan.material().id;
        p.quantity = q.quantity();
        p.waterConsumed = q.water();
        p.powerConsumed = q.power();
        p.waterCost = q.waterCost();
        p.powerCost = q.powerCost();
        p.materialBaseCost = q.materialBaseCost();
        p.totalCost = q.totalCost();
        p.spaceUsed = q.space();
        p.producedBy = caller.user();
        p.producedAt = now;
        p.persist();

        facility.spaceUsed = facility.spaceUsed.add(q.space());
        List<ResourceTransaction> consumerSide = new ArrayList<>();
        for (Supply s : List.of(plan.water(), plan.power())) {
            BigDecimal amount = s.type() == ResourceType.WATER ? q.waterCost() : q.powerCost();
            BigDecimal unitPrice = s.type() == ResourceType.WATER ? q.waterUnitPrice() : q.powerUnitPrice();
            String reference = p.productionNumber + "-" + s.type().name();
            consumerSide.add(transaction(p, team, facility, s.providerTeam(), s.provider(), s,
                    ResourceTransaction.CONSUMER, unitPrice, amount, reference, now));
            transaction(p, s.providerTeam(), s.provider(), team, facility, s, ResourceTransaction.PROVIDER, unitPrice,
                    amount, reference, now);
        }
        combineIntoInventory(p, q, now);
        outbox.publish(ResourceTransactionRecorded.TOPIC, team.id.toString(), ProductionCompleted.TYPE,
                new ProductionCompleted(p.id, p.productionNumber, team.id, facility.id, plan.material().id,
                        plan.material().materialNumber, p.quantity, p.waterConsumed, p.powerConsumed, p.waterCost,
                        p.powerCost, p.materialBaseCost, p.totalCost, p.spaceUsed, p.producedAt));
        settle(plan);
        LOG.infof("tenant %s team %s produced %s x material %d at facility %s for %s (%s)", tenants.require(), team.id,
                p.quantity.toPlainString(), plan.material().materialNumber, facility.id, p.totalCost.toPlainString(),
                p.productionNumber);
        return new Produced(p, plan, consumerSide);
    }

    /**
     * The last statements of a production: every team's funds by its net move (the producer pays, each provider's
     * team is paid; a team may be both) in id order, then each provider's use of the window within its capacity.
     */
    private void settle(Plan plan) {
        ProductionQuote q = plan.quote();
        Map<UUID, BigDecimal> moves = new TreeMap<>();
        moves.merge(plan.team().id, q.totalCost().negate(), BigDecimal::add);
        moves.merge(plan.water().providerTeam().id, q.waterCost(), BigDecimal::add);
        moves.merge(plan.power().providerTeam().id, q.powerCost(), BigDecimal::add);
        for (Map.Entry<UUID, BigDecimal> move : moves.entrySet()) {
            int changed = em.createNativeQuery("update team set funds = funds + :move where tenant_id = :tenant"
                    + " and id = :id and funds + :move >= 0")
                    .setParameter("move", move.getValue())
                    .setParameter("tenant", tenants.require())
                    .setParameter("id", move.getKey())
                    .executeUpdate();
            if (changed == 0) {
                refuseAfresh(BusinessCode.INSUFFICIENT_RESOURCES, plan, usage.currentWindow());
            }
        }
        OffsetDateTime window = usage.currentWindow();
        TreeMap<UUID, Supply> byProvider = new TreeMap<>();
        byProvider.put(plan.water().provider().id, plan.water());
        byProvider.put(plan.power().provider().id, plan.power());
        for (Supply s : byProvider.values()) {
            if (!usage.addWithin(s.provider().id, window, s.needed(), s.provider().capacityPerWindow)) {
                refuseAfresh(BusinessCode.PROVIDER_CAPACITY_EXCEEDED, plan, window);
            }
        }
    }

    /**
     * A refusal found by the conditional statements: the plan read again (capacity in the window the statement
     * used), so the answer names what is left now.
     */
    private void refuseAfresh(BusinessCode code, Plan stale, OffsetDateTime window) {
        em.refresh(stale.team());
        Plan plan = new Plan(stale.material(), stale.facility(), stale.team(), refreshed(stale.water(), window),
                refreshed(stale.power(), window), stale.quote(), stale.issues());
        LOG.infof("tenant %s team %s: production refused at facility %s (%s, changed since planned)",
                tenants.require(), plan.team().id, plan.facility().id, code);
        throw new FacilityException(code, refusal(code, plan), "facility " + plan.facility().id + " material "
                + plan.material().id);
    }

    private Supply refreshed(Supply s, OffsetDateTime window) {
        BigDecimal remaining = s.provider().capacityPerWindow.subtract(usage.used(s.provider().id, window))
                .max(BigDecimal.ZERO);
        return new Supply(s.type(), s.provider(), s.providerTeam(), remaining, s.needed());
    }

    private ResourceTransaction transaction(Production p, Team owner, Facility ownFacility, Team otherTeam,
            Facility otherFacility, Supply supply, String role, BigDecimal unitPrice, BigDecimal amount,
            String reference, OffsetDateTime now) {
        ResourceTransaction t = new ResourceTransaction();
        t.id = UUID.randomUUID();
        t.teamId = owner.id;
        t.facilityId = ownFacility.id;
        t.resourceType = supply.type();
        t.role = role;
        t.quantity = supply.needed();
        t.unitPrice = unitPrice;
        t.totalAmount = amount;
        t.counterpartyFacilityId = otherFacility.id;
        t.counterpartyFacilityName = otherFacility.name;
        t.counterpartyTeamId = otherTeam.id;
        t.counterpartyTeamName = otherTeam.name;
        t.productionId = p.id;
        t.reference = reference;
        t.status = ResourceTransaction.SUCCESS;
        t.transactionDate = now;
        t.persist();
        outbox.publish(ResourceTransactionRecorded.TOPIC, owner.id.toString(), ResourceTransactionRecorded.TYPE,
                new ResourceTransactionRecorded(t.id, t.teamId, t.facilityId, t.resourceType.name(), t.role,
                        t.quantity, t.unitPrice, t.totalAmount, t.counterpartyTeamId, t.counterpartyFacilityId,
                        t.productionId, t.reference, t.status, t.transactionDate));
        return t;
    }

    /** One item per facility and material; the facility's lock is held, so no concurrent writer exists. */
    private void combineIntoInventory(Production p, ProductionQuote q, OffsetDateTime now) {
        InventoryItem item = InventoryItem.<InventoryItem>find("facilityId = ?1 and rawMaterialId = ?2",
                p.facilityId, p.rawMaterialId).firstResultOptional().orElse(null);
        InventoryItem.HistoryEntry entry = new InventoryItem.HistoryEntry(p.id, p.productionNumber, p.quantity,
                q.costPerUnit(), p.totalCost, p.spaceUsed, now.toString());
        boolean created = item == null;
        if (created) {
            item = new InventoryItem();
            item.id = UUID.randomUUID();
            item.teamId = p.teamId;
            item.facilityId = p.facilityId;
            item.rawMaterialId = p.rawMaterialId;
            item.quantity = BigDecimal.ZERO;
            item.totalValue = BigDecimal.ZERO.setScale(Decimals.MONEY_SCALE);
            item.spaceUsed = BigDecimal.ZERO;
            item.metadata = new InventoryItem.Metadata(List.of());
        }
        item.quantity = item.quantity.add(p.quantity);
        item.totalValue = item.totalValue.add(p.totalCost);
        item.unitCost = item.totalValue.divide(item.quantity, Decimals.MONEY_SCALE, RoundingMode.HALF_UP);
        item.spaceUsed = item.spaceUsed.add(p.spaceUsed);
        List<InventoryItem.HistoryEntry> history = new ArrayList<>(item.metadata.productionHistory());
        history.add(entry);
        item.metadata = new InventoryItem.Metadata(List.copyOf(history));
        item.updatedAt = now;
        if (created) {
            item.persist();
        }
    }
}
