package app.nozzly.inventory.spools.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import app.nozzly.inventory.common.Cause;
import app.nozzly.inventory.common.CauseType;
import app.nozzly.inventory.common.PageResult;
import app.nozzly.inventory.common.Paging;
import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.materialtypes.MaterialType;
import app.nozzly.inventory.materialtypes.service.MaterialTypeService;
import app.nozzly.inventory.spools.Spool;
import app.nozzly.inventory.spools.SpoolStock;
import app.nozzly.inventory.spools.events.SpoolEvents;
import app.nozzly.inventory.spools.rest.SpoolApi;
import app.nozzly.inventory.stock.ItemTypes;
import app.nozzly.inventory.stock.StockItem;
import app.nozzly.inventory.stock.service.LedgerLine;
import app.nozzly.inventory.stock.service.StockLedger;
import app.nozzly.platform.errors.ApiProblem;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * Spools: creation (a receipt in the ledger), description changes, archiving, weighing and absolute
 * corrections (an adjustment in the ledger). Used by the v1 API and by the specs/002 filament view.
 */
@ApplicationScoped
@Transactional
public class SpoolService {

    private static final BigDecimal DEFAULT_DIAMETER = new BigDecimal("1.75");

    @Inject
    StockLedger ledger;

    @Inject
    MaterialTypeService materialTypes;

    @Inject
    TenantContext tenants;

    @Inject
    EntityManager em;

    @Inject
    SpoolEvents events;

    /** Which material types a request may name: only existing ones (v1) or created on first use (specs/002). */
    public enum TypePolicy { EXISTING, CREATE_IF_ABSENT }

    /** Filters of a spool list; null means "any". */
    public record Filter(String spoolCode, String materialType, String color, String brand, Boolean lowStock,
            Boolean archived, String location) {
    }

    public SpoolStock create(SpoolApi.CreateSpool request, String user, TypePolicy policy) {
        BigDecimal initial = grams(request.initialWeightGrams());
        BigDecimal current = request.currentWeightGrams() == null ? initial : grams(request.currentWeightGrams());
        Spool spool = new Spool();
        spool.id = UUID.randomUUID();
        spool.materialType = materialType(request.materialType(), policy);
        spool.spoolCode = request.spoolId() == null || request.spoolId().isBlank() ? nextSpoolCode()
                : uniqueSpoolCode(request.spoolId(), null);
        spool.brand = text(request.brand());
        spool.color = text(request.color());
        spool.colorHex = hex(request.colorHex());
        spool.diameterMm = request.diameterMm() == null ? DEFAULT_DIAMETER : request.diameterMm();
        spool.initialWeightGrams = initial;
        spool.emptySpoolWeightGrams = grams(request.emptySpoolWeightGrams());
        spool.costPerGram = costPerGram(request.costPerGram(), request.costPerKg());
        spool.location = text(request.location());
        spool.lot = text(request.lot());
        spool.purchasedAt = request.purchasedAt();
        spool.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        spool.updatedAt = spool.createdAt;
        BigDecimal threshold = grams(request.lowStockThresholdGrams());
        StockItem stock = StockItem.create(spool.id, ItemTypes.SPOOL, "g", null);
        stock.persist();
        spool.persist();
        events.created(spool);
        if (current.signum() > 0) {
            ledger.move(new Cause(CauseType.user, userOf(user), spool.spoolCode), null, "spool " + spool.spoolCode
                    + " created", user, List.of(LedgerLine.simple(ItemTypes.SPOOL, spool.id, "receipt", false,
                            current, "g", false, "initial net weight")));
        }
        ledger.changeThreshold(ItemTypes.SPOOL, spool.id, threshold);
        return new SpoolStock(spool, stock);
    }

    public SpoolStock update(UUID id, SpoolApi.UpdateSpool request, TypePolicy policy) {
        Spool spool = require(id);
        if (request.spoolId() != null && !request.spoolId().isBlank()) {
            spool.spoolCode = uniqueSpoolCode(request.spoolId(), spool.id);
        }
        if (request.materialType() != null && !request.materialType().isBlank()) {
            spool.materialType = materialType(request.materialType(), policy);
        }
        if (request.brand() != null) {
            spool.brand = text(request.brand());
        }
        if (request.color() != null) {
            spool.color = text(request.color());
        }
        if (request.colorHex() != null) {
            spool.colorHex = hex(request.colorHex());
        }
        if (request.diameterMm() != null) {
            spool.diameterMm = request.diameterMm();
        }
        if (request.initialWeightGrams() != null) {
            spool.initialWeightGrams = grams(request.initialWeightGrams());
        }
        if (request.emptySpoolWeightGrams() != null) {
            spool.emptySpoolWeightGrams = grams(request.emptySpoolWeightGrams());
        }
        if (request.costPerGram() != null || request.costPerKg() != null) {
            spool.costPerGram = costPerGram(request.costPerGram(), request.costPerKg());
        }
        if (request.location() != null) {
            spool.location = text(request.location());
        }
        if (request.lot() != null) {
            spool.lot = text(request.lot());
        }
        if (request.purchasedAt() != null) {
            spool.purchasedAt = request.purchasedAt();
        }
        spool.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        events.changed(spool);
        if (request.lowStockThresholdGrams() != null) {
            ledger.changeThreshold(ItemTypes.SPOOL, id, grams(request.lowStockThresholdGrams()));
        }
        if (Boolean.TRUE.equals(request.archived())) {
            archive(id);
        } else if (Boolean.FALSE.equals(request.archived())) {
            spool.archived = false;
        }
        return withStock(spool);
    }

    /** Archives a spool (it keeps its stock and ledger); refused while grams are reserved on it. */
    public void archive(UUID id) {
        Spool spool = require(id);
        BigDecimal reserved = ledger.reservedLocked(ItemTypes.SPOOL, id);
        if (reserved.signum() > 0) {
            throw ApiProblem.conflict("spool " + spool.spoolCode + " has " + Quantities.plain(reserved)
                    .toPlainString() + " g reserved by production; release the reservations first");
        }
        spool.archived = true;
        spool.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Records a weighing: net = gross - tare; the difference to the expected weight is a weighing row. */
    public SpoolApi.WeighingView weigh(UUID id, SpoolApi.Weigh request, String user) {
        BigDecimal gross = grams(request.grossWeightGrams());
        Spool spool = require(id);
        if (spool.emptySpoolWeightGrams == null) {
            throw ApiProblem.unprocessable("spool " + spool.spoolCode
                    + " has no empty_spool_weight_grams (tare); set it before weighing");
        }
        BigDecimal net = gross.subtract(spool.emptySpoolWeightGrams);
        if (net.signum() < 0) {
            throw ApiProblem.unprocessable("gross weight " + gross.toPlainString()
                    + " g is less than the empty spool weight " + spool.emptySpoolWeightGrams.toPlainString() + " g");
        }
        StockLedger.Counted weighed = ledger.count(new Cause(CauseType.weighing, UUID.randomUUID().toString(),
                spool.spoolCode), request.note(), user, ItemTypes.SPOOL, id, net, "weighing", true,
                expected -> "gross " + gross.toPlainString() + " g, tare " + spool.emptySpoolWeightGrams.toPlainString()
                        + " g, expected " + expected.toPlainString() + " g");
        return new SpoolApi.WeighingView(id, weighed.movement().id, Quantities.plain(gross),
                Quantities.plain(spool.emptySpoolWeightGrams), Quantities.plain(net), Quantities.plain(weighed.before()),
                Quantities.plain(net.subtract(weighed.before())), Quantities.plain(weighed.after()),
                weighed.movement().createdAt);
    }

    /** Sets the spool's current grams to a counted value: the difference is an adjustment in the ledger. */
    public void correctCurrentWeight(UUID id, BigDecimal target, String user) {
        BigDecimal wanted = grams(target);
        ledger.count(new Cause(CauseType.user, userOf(user), null), "current weight set to " + wanted.toPlainString()
                + " g", user, ItemTypes.SPOOL, id, wanted, "adjustment", false, before -> "counted correction");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SpoolStock get(UUID id) {
        return withStock(require(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<SpoolStock> list(Filter filter, Paging paging) {
        Slice slice = list(filter, paging.offset(), paging.size());
        return paging.result(slice.items(), slice.total());
    }

    /** One slice of a filtered spool list and the total number of matches. */
    public record Slice(List<SpoolStock> items, long total) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Slice list(Filter filter, int offset, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.spoolCode() != null && !filter.spoolCode().isBlank()) {
            where.add("spoolCode = :code");
            params.put("code", filter.spoolCode().trim());
        }
        if (filter.materialType() != null && !filter.materialType().isBlank()) {
            where.add("upper(materialType.code) = :type");
            params.put("type", filter.materialType().trim().toUpperCase(Locale.ROOT));
        }
        if (filter.color() != null && !filter.color().isBlank()) {
            where.add("(lower(color) = :color or lower(colorHex) = :color)");
            params.put("color", filter.color().trim().toLowerCase(Locale.ROOT));
        }
        if (filter.brand() != null && !filter.brand().isBlank()) {
            where.add("lower(brand) = :brand");
            params.put("brand", filter.brand().trim().toLowerCase(Locale.ROOT));
        }
        if (filter.location() != null && !filter.location().isBlank()) {
            where.add("lower(location) = :location");
            params.put("location", filter.location().trim().toLowerCase(Locale.ROOT));
        }
        if (filter.archived() != null) {
            where.add("archived = :archived");
            params.put("archived", filter.archived());
        }
        if (Boolean.TRUE.equals(filter.lowStock())) {
            where.add("id in (select st.id from StockItem st where st.lowStockThreshold is not null"
                    + " and st.quantity <= st.lowStockThreshold)");
        } else if (Boolean.FALSE.equals(filter.lowStock())) {
            where.add("id not in (select st.id from StockItem st where st.lowStockThreshold is not null"
                    + " and st.quantity <= st.lowStockThreshold)");
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        var found = Spool.<Spool>find(query, Sort.ascending("spoolCode").and("id"), params);
        long total = found.count();
        List<Spool> spools = found.range(offset, offset + limit - 1).list();
        Map<UUID, StockItem> stock = spools.isEmpty() ? Map.of()
                : StockItem.<StockItem>list("id in ?1", spools.stream().map(s -> s.id).toList()).stream()
                        .collect(Collectors.toMap(s -> s.id, Function.identity()));
        return new Slice(spools.stream().map(s -> new SpoolStock(s, stock.get(s.id))).toList(), total);
    }

    public SpoolStock withStock(Spool spool) {
        StockItem stock = StockItem.findById(spool.id);
        return new SpoolStock(spool, stock);
    }

    public Spool require(UUID id) {
        return Spool.<Spool>findByIdOptional(id)
                .orElseThrow(() -> ApiProblem.notFound("spool", id));
    }

    private MaterialType materialType(String code, TypePolicy policy) {
        if (policy == TypePolicy.CREATE_IF_ABSENT) {
            return materialTypes.findOrCreate(code);
        }
        return MaterialType.findByCode(code).orElseThrow(() -> ApiProblem.unprocessable("material type '"
                + code + "' does not exist; create it at /api/v1/material-types first"));
    }

    private String uniqueSpoolCode(String code, UUID self) {
        String trimmed = code.trim();
        Spool existing = Spool.find("spoolCode", trimmed).firstResult();
        if (existing != null && !existing.id.equals(self)) {
            throw ApiProblem.conflict("spool_id " + trimmed + " is already used by spool " + existing.id);
        }
        return trimmed;
    }

    /** The tenant's next free FIL-NNN code; the counter row serializes concurrent creations. */
    private String nextSpoolCode() {
        while (true) {
            Number next = (Number) em.createNativeQuery("insert into code_sequence (tenant_id, name, next_value)"
                    + " values (?1, 'spool', 1) on conflict (tenant_id, name)"
                    + " do update set next_value = code_sequence.next_value + 1 returning next_value")
                    .setParameter(1, tenants.require()).getSingleResult();
            String code = String.format(Locale.ROOT, "FIL-%03d", next.longValue());
            if (Spool.count("spoolCode", code) == 0) {
                return code;
            }
        }
    }

    private static BigDecimal costPerGram(BigDecimal perGram, BigDecimal perKg) {
        if (perGram != null && perKg != null
                && perGram.multiply(BigDecimal.valueOf(1000)).compareTo(perKg) != 0) {
            throw ApiProblem.invalidField("cost_per_kg", "disagrees with cost_per_gram " + perGram.toPlainString()
                    + "; give one of them");
        }
        if (perGram != null) {
            return perGram.setScale(6, RoundingMode.HALF_UP);
        }
        return perKg == null ? null : perKg.divide(BigDecimal.valueOf(1000), 6, RoundingMode.HALF_UP);
    }

    /** Grams as stored, to the milligram; their bounds are the request records'. */
    private static BigDecimal grams(BigDecimal value) {
        return value == null ? null : Quantities.of(value);
    }

    private static String text(String value) {
        return value == null ? null : value.trim();
    }

    /** #RRGGBB upper case, from the forms SpoolApi.COLOR_HEX admits. */
    private static String hex(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String digits = value.trim().startsWith("#") ? value.trim().substring(1) : value.trim();
        return "#" + digits.toUpperCase(Locale.ROOT);
    }

    private static String userOf(String user) {
        return user == null || user.isBlank() ? "unknown" : user;
    }
}
