package app.nozzly.inventory.spoolman.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.inventory.common.Cause;
import app.nozzly.inventory.common.CauseType;
import app.nozzly.inventory.common.Quantities;
import app.nozzly.inventory.spoolman.ListQuery;
import app.nozzly.inventory.spoolman.SpoolmanError;
import app.nozzly.inventory.spoolman.SpoolmanFilament;
import app.nozzly.inventory.spoolman.SpoolmanRequests;
import app.nozzly.inventory.spoolman.SpoolmanSpool;
import app.nozzly.inventory.spoolman.SpoolmanTimes;
import app.nozzly.inventory.spoolman.SpoolmanVendor;
import app.nozzly.inventory.spoolman.SpoolmanWeights;
import app.nozzly.inventory.spoolman.mapping.SpoolmanViews;
import app.nozzly.inventory.spools.Spool;
import app.nozzly.inventory.spools.events.SpoolEvents;
import app.nozzly.inventory.stock.ItemTypes;
import app.nozzly.inventory.stock.StockItem;
import app.nozzly.inventory.stock.StockMovement;
import app.nozzly.inventory.stock.service.StockLedger;
import app.nozzly.platform.tenancy.TenantContext;

/**
 * Spoolman's spools over ours: create, change, delete, use and measure. Every change of grams is a movement of the
 * ledger (cause: the integration key), made under the spool's stock row lock so that concurrent uses add up; a use
 * beyond what is left keeps Spoolman's used_weight, takes the stock to zero and records the rest as a variance.
 */
@ApplicationScoped
@Transactional
public class SpoolmanSpools {

    private static final Logger LOG = Logger.getLogger(SpoolmanSpools.class);
    private static final double DEFAULT_DENSITY = 1.24;
    private static final Set<String> SPOOL_COLUMNS = Set.of("id", "registered", "first_used", "last_used",
            "initial_weight", "spool_weight", "used_weight", "remaining_weight", "remaining_length", "used_length",
            "location", "lot_nr", "comment", "archived");
    private static final List<String> FILAMENT_COLUMNS = List.of("id", "registered", "name", "material", "price",
            "density", "diameter", "weight", "spool_weight", "article_number", "comment", "settings_extruder_temp",
            "settings_bed_temp", "color_hex", "multi_color_hexes", "multi_color_direction", "external_id");
    private static final List<String> VENDOR_COLUMNS = List.of("id", "registered", "name", "comment",
            "empty_spool_weight", "external_id");

    @Inject
    StockLedger ledger;

    @Inject
    SpoolmanCatalog catalog;

    @Inject
    SpoolmanEvents events;

    @Inject
    SpoolEvents catalogEvents;

    @Inject
    SpoolmanExtraFields extraFields;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenants;

    /** The query parameters of a spool find, as given (null when absent). */
    public record SpoolQuery(String filamentName, String filamentIds, String filamentMaterial,
            String multiColorDirection, String vendorName, String vendorIds, String location, String lotNr,
            boolean allowArchived, String firstUsed, String lastUsed, String registered, Map<String, String> extra,
            Map<String, String> filamentExtra, Map<String, String> vendorExtra, String sort, Integer limit,
            int offset) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ListQuery.Page find(SpoolQuery query) {
        List<ListQuery.Sort> sorts = ListQuery.sorts(query.sort(), sortColumns(), computedSorts(),
                extraFields.sorter("spool"));
        return ListQuery.page(views(), filter(query), sorts, query.limit(), query.offset());
    }

    /**
     * GET /spool/group: the spools the find would match, grouped by filament, vendor, material, location or a
     * single-value extra field, with each group's aggregates; groups are sorted and paged, never split.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ListQuery.Page groups(String groupBy, SpoolQuery query) {
        Function<ObjectNode, String> key = groupKey(groupBy);
        Predicate<ObjectNode> filter = filter(query);
        Map<String, List<ObjectNode>> groups = new LinkedHashMap<>();
        for (ObjectNode spool : views()) {
            if (filter.test(spool)) {
                groups.computeIfAbsent(key.apply(spool), k -> new java.util.ArrayList<>()).add(spool);
            }
        }
        List<ObjectNode> rows = new java.util.ArrayList<>();
        for (Map.Entry<String, List<ObjectNode>> group : groups.entrySet()) {
            rows.add(group(groupBy, group.getKey(), group.getValue()));
        }
        Map<String, Function<ObjectNode, JsonNode>> computed = new HashMap<>();
        computed.put("group.title", node -> node.get("_title"));
        computed.put("group.spool_count", node -> node.get("spool_count"));
        computed.put("group.in_use_count", node -> node.get("in_use_count"));
        computed.put("group.total_remaining", node -> node.get("total_remaining_weight"));
        computed.put("group.last_used", node -> node.get("last_used"));
        List<ListQuery.Sort> sorts = new java.util.ArrayList<>();
        if (query.sort() != null) {
            for (String item : query.sort().split(",")) {
                String field = item.contains(":") ? item.substring(0, item.indexOf(':')).trim() : item.trim();
                if (computed.containsKey(field) || field.isEmpty()) {
                    continue;
                }
                query = withoutSort(query, field);
            }
        }
        sorts.addAll(ListQuery.sorts(query.sort(), Set.of(), computed, k -> null));
        if (sorts.isEmpty()) {
            sorts.add(new ListQuery.Sort(computed.get("group.title"), true));
        }
        sorts.add(new ListQuery.Sort(node -> node.get("key"), true));
        ListQuery.Page page = ListQuery.page(rows, node -> true, sorts, query.limit(), query.offset());
        page.items().forEach(node -> node.remove("_title"));
        return page;
    }

    /** PATCH /spool/field/{field}: one value of location or a single-value extra field, replaced everywhere. */
    public int renameFieldValue(String field, String value, String newValue) {
        if (field.equals("location")) {
            if (newValue.length() > 64) {
                throw new SpoolmanError(400, "A location can be at most 64 characters.");
            }
            return renameLocation(value, newValue);
        }
        if (!field.startsWith("extra.")) {
            throw new SpoolmanError(400, "Cannot rename values of '" + field + "'. Only fields the spool itself owns"
                    + " can be renamed: location, or 'extra.<spool extra field key>'.");
        }
        String key = singleValueField(field);
        String encoded = JsonNodeFactory.instance.textNode(newValue).toString();
        int renamed = 0;
        for (SpoolmanSpool spool : SpoolmanSpool.<SpoolmanSpool>listAll()) {
            String raw = spool.extra == null ? null : spool.extra.get(key);
            JsonNode decoded = raw == null ? null : SpoolmanExtraFields.decode(raw);
            if (decoded != null && decoded.isTextual() && decoded.asText().equals(value)) {
                Map<String, String> extra = new LinkedHashMap<>(spool.extra);
                extra.put(key, encoded);
                spool.extra = extra;
                renamed++;
            }
        }
        return renamed;
    }

    /** Renames a location on every spool of the tenant that has it (archived ones too); answers how many. */
    public int renameLocation(String from, String to) {
        return em.createNativeQuery("update spool set location = ?1, updated_at = now() where tenant_id = ?2"
                + " and location = ?3 and id in (select spool_id from spoolman_spool)").setParameter(1, to)
                .setParameter(2, tenants.require()).setParameter(3, from).executeUpdate();
    }

    private Predicate<ObjectNode> filter(SpoolQuery query) {
        Predicate<ObjectNode> filter = ListQuery.text("filament.name", query.filamentName(), true)
                .and(ListQuery.ids("filament.id", ListQuery.idList("filament.id", query.filamentIds()), false))
                .and(ListQuery.text("filament.material", query.filamentMaterial(), true))
                .and(ListQuery.text("filament.multi_color_direction", query.multiColorDirection(), true))
                .and(ListQuery.text("filament.vendor.name", query.vendorName(), false))
                .and(ListQuery.ids("filament.vendor.id", ListQuery.idList("filament.vendor.id", query.vendorIds()), true))
                .and(ListQuery.text("location", query.location(), true))
                .and(ListQuery.text("lot_nr", query.lotNr(), true))
                .and(ListQuery.time("first_used", query.firstUsed()))
                .and(ListQuery.time("last_used", query.lastUsed()))
                .and(ListQuery.time("registered", query.registered()))
                .and(extraFields.filter("spool", query.extra()))
                .and(nested("filament", extraFields.filter("filament", query.filamentExtra())))
                .and(nested("filament.vendor", extraFields.filter("vendor", query.vendorExtra())));
        if (!query.allowArchived()) {
            filter = filter.and(node -> !node.path("archived").asBoolean());
        }
        return filter;
    }

    private Function<ObjectNode, String> groupKey(String groupBy) {
        switch (groupBy) {
            case "filament" -> {
                return node -> ListQuery.at(node, "filament.id").asText();
            }
            case "vendor" -> {
                return node -> text(ListQuery.at(node, "filament.vendor.id"));
            }
            case "material" -> {
                return node -> blankAsNull(text(ListQuery.at(node, "filament.material")));
            }
            case "location" -> {
                return node -> blankAsNull(text(node.get("location")));
            }
            default -> {
                if (!groupBy.startsWith("extra.")) {
                    throw new SpoolmanError(400, "Invalid group_by field '" + groupBy
                            + "'. Must be one of ['filament', 'location', 'material', 'vendor'] or"
                            + " 'extra.<spool extra field key>'.");
                }
                String key = singleValueField(groupBy);
                return node -> {
                    JsonNode raw = node.path("extra").get(key);
                    JsonNode decoded = raw == null ? null : SpoolmanExtraFields.decode(raw.asText());
                    return decoded == null || decoded.isNull() ? null : blankAsNull(decoded.asText());
                };
            }
        }
    }

    private static ObjectNode group(String groupBy, String key, List<ObjectNode> spools) {
        ObjectNode group = JsonNodeFactory.instance.objectNode();
        group.put("group_by", groupBy);
        group.put("key", key);
        group.put("spool_count", spools.size());
        group.put("in_use_count", spools.stream().filter(s -> s.path("used_weight").asDouble() > 0).count());
        group.put("total_remaining_weight", spools.stream()
                .mapToDouble(s -> Math.max(s.path("remaining_weight").asDouble(0), 0)).sum());
        spools.stream().map(s -> s.get("last_used")).filter(Objects::nonNull).map(JsonNode::asText)
                .max(String::compareTo).ifPresent(last -> group.put("last_used", last));
        ObjectNode first = spools.get(0);
        JsonNode title = switch (groupBy) {
            case "filament" -> ListQuery.at(first, "filament.name");
            case "vendor" -> ListQuery.at(first, "filament.vendor.name");
            default -> key == null ? null : JsonNodeFactory.instance.textNode(key);
        };
        if (groupBy.equals("filament")) {
            group.set("filament", first.get("filament"));
        } else if (groupBy.equals("vendor") && key != null) {
            group.set("vendor", ListQuery.at(first, "filament.vendor"));
        }
        group.set("_title", title);
        return group;
    }

    private String singleValueField(String reference) {
        String key = reference.substring("extra.".length());
        ObjectNode field = extraFields.fields("spool").stream().filter(f -> key.equals(f.path("key").asText()))
                .findFirst().orElseThrow(() -> new SpoolmanError(400, "Unknown spool extra field '" + key + "'."));
        String type = field.path("field_type").asText();
        if (!(type.equals("text") || type.equals("choice")) || field.path("multi_choice").asBoolean()) {
            throw new SpoolmanError(400, "Spool extra field '" + key + "' does not hold a single plain value."
                    + " Only text and single-choice fields do.");
        }
        return key;
    }

    private static SpoolQuery withoutSort(SpoolQuery query, String field) {
        String sort = java.util.Arrays.stream(query.sort().split(","))
                .filter(item -> !(item.contains(":") ? item.substring(0, item.indexOf(':')) : item).trim().equals(field))
                .collect(Collectors.joining(","));
        return new SpoolQuery(query.filamentName(), query.filamentIds(), query.filamentMaterial(),
                query.multiColorDirection(), query.vendorName(), query.vendorIds(), query.location(), query.lotNr(),
                query.allowArchived(), query.firstUsed(), query.lastUsed(), query.registered(), query.extra(),
                query.filamentExtra(), query.vendorExtra(), sort.isEmpty() ? null : sort, query.limit(),
                query.offset());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String blankAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Every Spoolman spool of the tenant as Spoolman shows it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ObjectNode> views() {
        List<SpoolmanSpool> spools = em.createQuery("select ss from SpoolmanSpool ss join fetch ss.spool s"
                + " join fetch s.materialType join fetch ss.filament f left join fetch f.vendor"
                + " join fetch f.materialType", SpoolmanSpool.class).getResultList();
        Map<UUID, BigDecimal> stock = spools.isEmpty() ? Map.of()
                : StockItem.<StockItem>list("id in ?1", spools.stream().map(s -> s.spool.id).toList()).stream()
                        .collect(Collectors.toMap(s -> s.id, s -> s.quantity));
        return spools.stream().map(s -> SpoolmanViews.spool(s, stock.getOrDefault(s.spool.id, BigDecimal.ZERO)))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ObjectNode get(long id) {
        return view(require(id));
    }

    public ObjectNode create(SpoolmanRequests.Spool request, UUID key) {
        extraFields.check("spool", request.extra());
        SpoolmanFilament filament = catalog.requireFilament(request.filamentId());
        Double spoolWeight = request.spoolWeight() != null ? request.spoolWeight() : filament.spoolWeight;
        Double initial = request.initialWeight() != null ? request.initialWeight() : filament.weight;
        double used = 0;
        if (request.usedWeight() != null) {
            used = request.usedWeight();
        } else if (request.remainingWeight() != null) {
            if (initial == null || initial == 0) {
                throw new SpoolmanError(400, "Failed to create spool, see server logs for more information.");
            }
            used = Math.max(initial - request.remainingWeight(), 0);
        }
        SpoolmanSpool spoolman = new SpoolmanSpool();
        spoolman.id = catalog.nextId("spoolman_spool");
        Spool spool = new Spool();
        spool.id = UUID.randomUUID();
        spool.spoolCode = "SM-" + spoolman.id;
        spool.initialWeightGrams = initial == null ? BigDecimal.ZERO.setScale(3) : grams(initial);
        spool.emptySpoolWeightGrams = spoolWeight == null ? null : grams(spoolWeight);
        spool.location = request.location();
        spool.lot = request.lotNr();
        spool.archived = Boolean.TRUE.equals(request.archived());
        spool.createdAt = SpoolmanTimes.now();
        spool.updatedAt = spool.createdAt;
        spoolman.spool = spool;
        spoolman.filament = filament;
        spoolman.registered = spool.createdAt;
        spoolman.firstUsed = SpoolmanTimes.stored(request.firstUsed());
        spoolman.lastUsed = SpoolmanTimes.stored(request.lastUsed());
        spoolman.price = request.price();
        spoolman.initialWeightSet = initial != null;
        spoolman.comment = request.comment();
        spoolman.extra = SpoolmanFields.merge(null, request.extra());
        SpoolmanCatalog.describe(spoolman);
        spool.costPerGram = costPerGram(spoolman);
        StockItem stock = StockItem.create(spool.id, ItemTypes.SPOOL, "g", null);
        stock.persist();
        spool.persist();
        spoolman.persist();
        catalogEvents.created(spool);
        em.flush();
        StockItem locked = ledger.lockOne(ItemTypes.SPOOL, spool.id);
        setUsed(spoolman, locked, used, "receipt", key, "spool registered through Spoolman's API");
        LOG.infof("tenant %s: Spoolman spool %d created as spool %s (%s)", tenants.require(), spoolman.id, spool.id,
                spool.spoolCode);
        ObjectNode view = SpoolmanViews.spool(spoolman, locked.quantity);
        events.changed("spool", spoolman.id, "added", view);
        return view;
    }

    public ObjectNode update(long id, SpoolmanRequests.Spool request, UUID key) {
        SpoolmanSpool spoolman = require(id);
        extraFields.check("spool", request.extra());
        StockItem stock = lock(spoolman);
        Set<String> present = request.present();
        double used = SpoolmanWeights.used(spoolman, stock.quantity);
        if (present.contains("first_used")) {
            spoolman.firstUsed = SpoolmanTimes.stored(request.firstUsed());
        }
        if (present.contains("last_used")) {
            spoolman.lastUsed = SpoolmanTimes.stored(request.lastUsed());
        }
        if (request.filamentId() != null) {
            spoolman.filament = catalog.requireFilament(request.filamentId());
            if (!spoolman.initialWeightSet && spoolman.filament.weight != null) {
                spoolman.spool.initialWeightGrams = grams(spoolman.filament.weight);
                spoolman.initialWeightSet = true;
            }
            SpoolmanCatalog.describe(spoolman);
        }
        if (present.contains("price")) {
            spoolman.price = request.price();
        }
        if (present.contains("initial_weight")) {
            spoolman.initialWeightSet = request.initialWeight() != null;
            if (request.initialWeight() != null) {
                spoolman.spool.initialWeightGrams = grams(request.initialWeight());
            }
        }
        if (present.contains("spool_weight")) {
            spoolman.spool.emptySpoolWeightGrams = request.spoolWeight() == null ? null : grams(request.spoolWeight());
        }
        if (request.remainingWeight() != null) {
            if (!spoolman.initialWeightSet) {
                throw new SpoolmanError(400, "Failed to update spool, see server logs for more information.");
            }
            used = Math.max(spoolman.spool.initialWeightGrams.doubleValue() - request.remainingWeight(), 0);
        }
        if (request.usedWeight() != null) {
            used = request.usedWeight();
        }
        if (present.contains("location")) {
            spoolman.spool.location = request.location();
        }
        if (present.contains("lot_nr")) {
            spoolman.spool.lot = request.lotNr();
        }
        if (present.contains("comment")) {
            spoolman.comment = request.comment();
        }
        if (request.archived() != null) {
            spoolman.spool.archived = request.archived();
        }
        if (request.extra() != null) {
            spoolman.extra = SpoolmanFields.merge(spoolman.extra, request.extra());
        }
        spoolman.spool.costPerGram = costPerGram(spoolman);
        spoolman.spool.updatedAt = SpoolmanTimes.now();
        catalogEvents.changed(spoolman.spool);
        setUsed(spoolman, stock, used, "adjustment", key, "spool changed through Spoolman's API");
        return changed(spoolman, stock);
    }

    /** Spoolman deletes the spool; ours is archived and keeps its ledger, and Spoolman no longer shows it. */
    public void delete(long id) {
        SpoolmanSpool spoolman = require(id);
        StockItem stock = lock(spoolman);
        ObjectNode view = SpoolmanViews.spool(spoolman, stock.quantity);
        spoolman.spool.archived = true;
        spoolman.spool.updatedAt = SpoolmanTimes.now();
        spoolman.delete();
        LOG.infof("tenant %s: Spoolman spool %d deleted; spool %s archived", tenants.require(), id,
                spoolman.spool.id);
        events.changed("spool", id, "deleted", view);
    }

    /** PUT /spool/{id}/use: grams, or a length converted by the filament's density and diameter. */
    public ObjectNode use(long id, Double weight, Double length, UUID key) {
        SpoolmanSpool spoolman = require(id);
        StockItem stock = lock(spoolman);
        double grams = weight != null ? weight
                : SpoolmanWeights.weight(length, spoolman.filament.density, spoolman.filament.diameter);
        double used = Math.max(SpoolmanWeights.used(spoolman, stock.quantity) + grams, 0);
        setUsed(spoolman, stock, used, "consumption", key, weight != null ? "use of " + weight + " g"
                : "use of " + length + " mm");
        markUsed(spoolman);
        return changed(spoolman, stock);
    }

    /** PUT /spool/{id}/measure: a gross weight on the scale, taken as Spoolman takes it. */
    public ObjectNode measure(long id, double gross, UUID key) {
        SpoolmanSpool spoolman = require(id);
        StockItem stock = lock(spoolman);
        double used = SpoolmanWeights.used(spoolman, stock.quantity);
        Double initial = spoolman.initialWeightSet ? spoolman.spool.initialWeightGrams.doubleValue() : null;
        Double tare = spoolman.spool.emptySpoolWeightGrams == null ? null
                : spoolman.spool.emptySpoolWeightGrams.doubleValue();
        if (tare == null || tare == 0) {
            tare = spoolman.filament.spoolWeight;
        }
        if (initial == null || initial == 0) {
            initial = spoolman.filament.weight == null ? 0 : spoolman.filament.weight;
        }
        if (initial == 0) {
            throw new SpoolmanError(400, "Initial weight is not set.");
        }
        double emptySpool = tare == null ? 0 : tare;
        double initialGross = initial + emptySpool;
        String note = "measured " + gross + " g gross";
        if (gross > initialGross) {
            spoolman.spool.initialWeightGrams = grams(gross - emptySpool);
            spoolman.initialWeightSet = true;
            setUsed(spoolman, stock, 0, "weighing", key, note);
            return changed(spoolman, stock);
        }
        double currentGross = initialGross - used;
        double toUse = currentGross - gross;
        if (initialGross - toUse < emptySpool) {
            toUse = currentGross - emptySpool;
        }
        setUsed(spoolman, stock, Math.max(used + toUse, 0), "weighing", key, note);
        markUsed(spoolman);
        return changed(spoolman, stock);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> locations() {
        return distinct("location");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> lotNumbers() {
        return distinct("lot");
    }

    /**
     * Gives our spools that Spoolman has not seen (made through our own API) their Spoolman id, filament and
     * vendor, matched on material type, brand, colour and diameter (created when none matches). Archived ones
     * are left alone: Spoolman's delete archives a spool, which must not bring it back.
     */
    public void adopt() {
        String orphans = "select s from Spool s where s.archived = false and not exists"
                + " (select 1 from SpoolmanSpool ss where ss.spool = s)";
        if (em.createQuery(orphans, Spool.class).setMaxResults(1).getResultList().isEmpty()) {
            return;
        }
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "spoolman-adopt:" + tenants.require()).getSingleResult();
        for (Spool spool : em.createQuery(orphans, Spool.class).getResultList()) {
            SpoolmanSpool spoolman = new SpoolmanSpool();
            spoolman.id = catalog.nextId("spoolman_spool");
            spoolman.spool = spool;
            spoolman.filament = filamentOf(spool);
            spoolman.registered = SpoolmanTimes.stored(spool.createdAt);
            spoolman.initialWeightSet = true;
            spoolman.price = spool.costPerGram == null ? null
                    : spool.costPerGram.multiply(spool.initialWeightGrams).doubleValue();
            spoolman.extra = new LinkedHashMap<>();
            spoolman.persist();
            LOG.infof("tenant %s: spool %s (%s) is Spoolman spool %d", tenants.require(), spool.id, spool.spoolCode,
                    spoolman.id);
        }
    }

    private SpoolmanFilament filamentOf(Spool spool) {
        SpoolmanVendor vendor = spool.brand == null ? null
                : SpoolmanVendor.<SpoolmanVendor>find("name", spool.brand).firstResultOptional().orElseGet(() -> {
                    SpoolmanVendor created = new SpoolmanVendor();
                    created.id = catalog.nextId("spoolman_vendor");
                    created.name = spool.brand.length() > 64 ? spool.brand.substring(0, 64) : spool.brand;
                    created.registered = SpoolmanTimes.now();
                    created.extra = new LinkedHashMap<>();
                    created.persist();
                    return created;
                });
        String colour = spool.colorHex == null ? null : spool.colorHex.substring(1).toUpperCase(Locale.ROOT);
        double diameter = spool.diameterMm.doubleValue();
        return SpoolmanFilament.<SpoolmanFilament>list("materialType", spool.materialType).stream()
                .filter(f -> Objects.equals(f.vendor == null ? null : f.vendor.id, vendor == null ? null : vendor.id))
                .filter(f -> Objects.equals(f.colorHex == null ? null : f.colorHex.toUpperCase(Locale.ROOT), colour))
                .filter(f -> f.diameter == diameter)
                .findFirst().orElseGet(() -> {
                    SpoolmanFilament created = new SpoolmanFilament();
                    created.id = catalog.nextId("spoolman_filament");
                    created.registered = SpoolmanTimes.now();
                    created.vendor = vendor;
                    created.name = spool.color == null || spool.color.length() <= 64 ? spool.color
                            : spool.color.substring(0, 64);
                    created.material = spool.materialType.code;
                    created.materialType = spool.materialType;
                    created.density = spool.materialType.densityGCm3 == null ? DEFAULT_DENSITY
                            : spool.materialType.densityGCm3.doubleValue();
                    created.diameter = diameter;
                    created.weight = spool.initialWeightGrams.signum() > 0 ? spool.initialWeightGrams.doubleValue()
                            : null;
                    created.spoolWeight = spool.emptySpoolWeightGrams == null ? null
                            : spool.emptySpoolWeightGrams.doubleValue();
                    created.colorHex = colour;
                    created.extra = new LinkedHashMap<>();
                    created.persist();
                    return created;
                });
    }

    /**
     * Sets Spoolman's used_weight of a spool: the stock becomes what it leaves (never below zero) through one
     * ledger movement, and a use beyond what was left is a variance row that moves nothing.
     */
    private void setUsed(SpoolmanSpool spoolman, StockItem stock, double used, String kind, UUID key, String note) {
        Double base = SpoolmanWeights.base(spoolman);
        double before = SpoolmanWeights.used(spoolman, stock.quantity);
        BigDecimal target = SpoolmanWeights.stockFor(base, used);
        BigDecimal delta = target.subtract(stock.quantity);
        BigDecimal variance = grams(SpoolmanWeights.beyond(base, used) - SpoolmanWeights.beyond(base, before));
        if (delta.signum() != 0 || variance.signum() > 0) {
            StockMovement movement = ledger.begin(new Cause(CauseType.integration, key.toString(),
                    "spoolman spool " + spoolman.id), null, note, "spoolman key " + key);
            int line = 0;
            if (delta.signum() != 0) {
                stock.quantity = target;
                String rowKind = delta.signum() < 0 || !"consumption".equals(kind) ? kind : "adjustment";
                ledger.append(movement, line++, stock, rowKind, delta.abs(), delta, null, null, note);
            }
            if (variance.signum() > 0) {
                ledger.append(movement, line, stock, "variance", variance, BigDecimal.ZERO, null, null,
                        "used " + variance.toPlainString() + " g beyond what was left; stock stays at zero");
                LOG.infof("tenant %s: Spoolman spool %d (spool %s) used %s g beyond what was left", tenants.require(),
                        spoolman.id, spoolman.spool.id, variance.toPlainString());
            }
            ledger.settle(stock);
        }
        spoolman.usedOffset = used - ((base == null ? 0 : base) - target.doubleValue());
    }

    private static void markUsed(SpoolmanSpool spoolman) {
        OffsetDateTime now = SpoolmanTimes.now();
        if (spoolman.firstUsed == null) {
            spoolman.firstUsed = now;
        }
        spoolman.lastUsed = now;
    }

    private ObjectNode changed(SpoolmanSpool spoolman, StockItem stock) {
        ObjectNode view = SpoolmanViews.spool(spoolman, stock.quantity);
        events.changed("spool", spoolman.id, "updated", view);
        return view;
    }

    private ObjectNode view(SpoolmanSpool spoolman) {
        StockItem stock = StockItem.findById(spoolman.spool.id);
        return SpoolmanViews.spool(spoolman, stock.quantity);
    }

    /** Locks the spool's stock row, then reads Spoolman's row afresh under that lock. */
    private StockItem lock(SpoolmanSpool spoolman) {
        StockItem stock = ledger.lockOne(ItemTypes.SPOOL, spoolman.spool.id);
        em.refresh(spoolman);
        em.refresh(spoolman.spool);
        return stock;
    }

    public SpoolmanSpool require(long id) {
        return SpoolmanSpool.<SpoolmanSpool>findByIdOptional(id).orElseThrow(() -> SpoolmanError.notFound("spool", id));
    }

    private List<String> distinct(String column) {
        List<?> values = em.createNativeQuery("select distinct s." + column + " from spool s join spoolman_spool ss"
                + " on ss.spool_id = s.id where s.tenant_id = ?1 and s." + column + " is not null order by 1")
                .setParameter(1, tenants.require()).getResultList();
        return values.stream().map(String.class::cast).toList();
    }

    private static BigDecimal costPerGram(SpoolmanSpool spoolman) {
        Double price = spoolman.price != null ? spoolman.price : spoolman.filament.price;
        BigDecimal initial = spoolman.spool.initialWeightGrams;
        if (price == null || initial == null || initial.signum() == 0) {
            return null;
        }
        return BigDecimal.valueOf(price).divide(initial, 6, RoundingMode.HALF_UP);
    }

    private static BigDecimal grams(double value) {
        return Quantities.of(BigDecimal.valueOf(value));
    }

    private static Predicate<ObjectNode> nested(String path, Predicate<ObjectNode> filter) {
        return node -> {
            JsonNode inner = ListQuery.at(node, path);
            return filter.test(inner instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode());
        };
    }

    private static Set<String> sortColumns() {
        Set<String> columns = new java.util.HashSet<>(SPOOL_COLUMNS);
        FILAMENT_COLUMNS.forEach(c -> columns.add("filament." + c));
        VENDOR_COLUMNS.forEach(c -> columns.add("filament.vendor." + c));
        return columns;
    }

    private static Map<String, Function<ObjectNode, JsonNode>> computedSorts() {
        Map<String, Function<ObjectNode, JsonNode>> computed = new HashMap<>();
        computed.put("filament_id", node -> ListQuery.at(node, "filament.id"));
        computed.put("filament.vendor_id", node -> ListQuery.at(node, "filament.vendor.id"));
        computed.put("price", node -> node.has("price") ? node.get("price") : ListQuery.at(node, "filament.price"));
        computed.put("filament.combined_name", node -> JsonNodeFactory.instance.textNode(
                ListQuery.at(node, "filament.vendor.name") + "\u0000" + ListQuery.at(node, "filament.name")));
        return computed;
    }
}
