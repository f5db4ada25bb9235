package app.nozzly.inventory.spoolman.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.inventory.materialtypes.MaterialType;
import app.nozzly.inventory.materialtypes.service.MaterialTypeService;
import app.nozzly.inventory.spoolman.ListQuery;
import app.nozzly.inventory.spoolman.SpoolmanError;
import app.nozzly.inventory.spoolman.SpoolmanFilament;
import app.nozzly.inventory.spoolman.SpoolmanRequests;
import app.nozzly.inventory.spoolman.SpoolmanSpool;
import app.nozzly.inventory.spoolman.SpoolmanTimes;
import app.nozzly.inventory.spoolman.SpoolmanVendor;
import app.nozzly.inventory.spoolman.mapping.SpoolmanViews;
import app.nozzly.inventory.spools.events.SpoolEvents;

/**
 * Spoolman's vendors (our spools' brands) and filaments (our material types with Spoolman's attributes). A change
 * of either is carried to the spools that show it (brand, material type, colour, diameter), so both views agree.
 */
@ApplicationScoped
@Transactional
public class SpoolmanCatalog {

    /** The material type of a filament that names no material. */
    static final String NO_MATERIAL = "UNSPECIFIED";

    private static final Set<String> VENDOR_COLUMNS = Set.of("id", "registered", "name", "comment",
            "empty_spool_weight", "external_id");
    private static final Set<String> FILAMENT_COLUMNS = Set.of("id", "registered", "name", "material", "price",
            "density", "diameter", "weight", "spool_weight", "article_number", "comment", "settings_extruder_temp",
            "settings_bed_temp", "color_hex", "multi_color_hexes", "multi_color_direction", "external_id");

    @Inject
    EntityManager em;

    @Inject
    MaterialTypeService materialTypes;

    @Inject
    SpoolmanEvents events;

    @Inject
    SpoolEvents catalogEvents;

    @Inject
    SpoolmanExtraFields extraFields;

    /** Filters of a find: each a query parameter as given, null when absent. */
    public record VendorQuery(String name, String externalId, Map<String, String> extra, String sort, Integer limit,
            int offset) {
    }

    public record FilamentQuery(String vendorName, String vendorIds, String name, String material,
            String articleNumber, String colorHex, double colorThreshold, String externalId, Map<String, String> extra,
            String sort, Integer limit, int offset) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ListQuery.Page findVendors(VendorQuery query) {
        List<ListQuery.Sort> sorts = ListQuery.sorts(query.sort(), VENDOR_COLUMNS, Map.of(),
                extraFields.sorter("vendor"));
        Predicate<ObjectNode> filter = ListQuery.text("name", query.name(), false)
                .and(ListQuery.text("external_id", query.externalId(), true))
                .and(extraFields.filter("vendor", query.extra()));
        return ListQuery.page(vendorViews(), filter, sorts, query.limit(), query.offset());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ObjectNode> vendorViews() {
        return SpoolmanVendor.<SpoolmanVendor>listAll().stream().map(SpoolmanViews::vendor).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ObjectNode> filamentViews() {
        return SpoolmanFilament.<SpoolmanFilament>listAll().stream().map(SpoolmanViews::filament).toList();
    }

    /** The distinct materials and article numbers of the tenant's filaments (Spoolman's /material, /article-number). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> distinct(String column) {
        return em.createQuery("select distinct f." + column + " from SpoolmanFilament f where f." + column
                + " is not null order by 1", String.class).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ObjectNode vendor(long id) {
        return SpoolmanViews.vendor(requireVendor(id));
    }

    public ObjectNode createVendor(SpoolmanRequests.Vendor request) {
        extraFields.check("vendor", request.extra());
        SpoolmanVendor vendor = new SpoolmanVendor();
        vendor.id = nextId("spoolman_vendor");
        vendor.registered = SpoolmanTimes.now();
        vendor.name = request.name();
        vendor.comment = request.comment();
        vendor.emptySpoolWeight = request.emptySpoolWeight();
        vendor.externalId = request.externalId();
        vendor.extra = SpoolmanFields.merge(null, request.extra());
        vendor.persist();
        ObjectNode view = SpoolmanViews.vendor(vendor);
        events.changed("vendor", vendor.id, "added", view);
        return view;
    }

    public ObjectNode updateVendor(long id, SpoolmanRequests.Vendor request) {
        SpoolmanVendor vendor = requireVendor(id);
        extraFields.check("vendor", request.extra());
        Set<String> present = request.present();
        if (present.contains("name")) {
            vendor.name = request.name();
            em.createNativeQuery("update spool set brand = ?1, updated_at = now() where id in (select ss.spool_id"
                    + " from spoolman_spool ss join spoolman_filament f on f.id = ss.filament_id where f.vendor_id = ?2)")
                    .setParameter(1, vendor.name).setParameter(2, vendor.id).executeUpdate();
        }
        if (present.contains("comment")) {
            vendor.comment = request.comment();
        }
        if (present.contains("empty_spool_weight")) {
            vendor.emptySpoolWeight = request.emptySpoolWeight();
        }
        if (present.contains("external_id")) {
            vendor.externalId = request.externalId();
        }
        if (present.contains("extra") && request.extra() != null) {
            vendor.extra = SpoolmanFields.merge(vendor.extra, request.extra());
        }
        ObjectNode view = SpoolmanViews.vendor(vendor);
        events.changed("vendor", vendor.id, "updated", view);
        return view;
    }

    /** Deletes a vendor; its filaments keep going without one (their spools lose the brand). */
    public void deleteVendor(long id) {
        SpoolmanVendor vendor = requireVendor(id);
        ObjectNode view = SpoolmanViews.vendor(vendor);
        em.createNativeQuery("update spool set brand = null, updated_at = now() where id in (select ss.spool_id"
                + " from spoolman_spool ss join spoolman_filament f on f.id = ss.filament_id where f.vendor_id = ?1)")
                .setParameter(1, vendor.id).executeUpdate();
        SpoolmanFilament.<SpoolmanFilament>list("vendor", vendor).forEach(f -> f.vendor = null);
        vendor.delete();
        events.changed("vendor", id, "deleted", view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ListQuery.Page findFilaments(FilamentQuery query) {
        Map<String, Function<ObjectNode, JsonNode>> computed = new HashMap<>();
        computed.put("vendor_id", node -> ListQuery.at(node, "vendor.id"));
        computed.put("vendor", node -> ListQuery.at(node, "vendor.id"));
        for (String column : VENDOR_COLUMNS) {
            computed.put("vendor." + column, node -> ListQuery.at(node, "vendor." + column));
        }
        List<ListQuery.Sort> sorts = ListQuery.sorts(query.sort(), FILAMENT_COLUMNS, computed,
                extraFields.sorter("filament"));
        Predicate<ObjectNode> filter = ListQuery.text("vendor.name", query.vendorName(), false)
                .and(ListQuery.ids("vendor.id", ListQuery.idList("vendor.id", query.vendorIds()), true))
                .and(ListQuery.text("name", query.name(), true))
                .and(ListQuery.text("material", query.material(), true))
                .and(ListQuery.text("article_number", query.articleNumber(), true))
                .and(ListQuery.text("external_id", query.externalId(), true))
                .and(extraFields.filter("filament", query.extra()));
        if (query.vendorName() != null) {
            filter = filter.and(node -> node.has("vendor"));
        }
        if (query.colorHex() != null) {
            filter = filter.and(SpoolmanColors.similar(query.colorHex(), query.colorThreshold()));
        }
        return ListQuery.page(filamentViews(), filter, sorts, query.limit(), query.offset());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ObjectNode filament(long id) {
        return SpoolmanViews.filament(requireFilament(id));
    }

    public ObjectNode createFilament(SpoolmanRequests.Filament request) {
        extraFields.check("filament", request.extra());
        SpoolmanFilament filament = new SpoolmanFilament();
        filament.id = nextId("spoolman_filament");
        filament.registered = SpoolmanTimes.now();
        filament.vendor = request.vendorId() == null ? null : requireVendor(request.vendorId());
        filament.name = request.name();
        filament.material = request.material();
        filament.materialType = materialType(request.material());
        filament.price = request.price();
        filament.density = request.density();
        filament.diameter = request.diameter();
        filament.weight = request.weight();
        filament.spoolWeight = request.spoolWeight();
        filament.articleNumber = request.articleNumber();
        filament.comment = request.comment();
        filament.settingsExtruderTemp = toInt(request.settingsExtruderTemp());
        filament.settingsBedTemp = toInt(request.settingsBedTemp());
        filament.colorHex = request.colorHex();
        filament.multiColorHexes = request.multiColorHexes();
        filament.multiColorDirection = request.multiColorDirection();
        filament.externalId = request.externalId();
        filament.extra = SpoolmanFields.merge(null, request.extra());
        filament.persist();
        ObjectNode view = SpoolmanViews.filament(filament);
        events.changed("filament", filament.id, "added", view);
        return view;
    }

    public ObjectNode updateFilament(long id, SpoolmanRequests.Filament request) {
        SpoolmanFilament filament = requireFilament(id);
        extraFields.check("filament", request.extra());
        Set<String> present = request.present();
        if (present.contains("vendor_id")) {
            filament.vendor = request.vendorId() == null ? null : requireVendor(request.vendorId());
        }
        if (present.contains("name")) {
            filament.name = request.name();
        }
        if (present.contains("material")) {
            filament.material = request.material();
            filament.materialType = materialType(request.material());
        }
        if (present.contains("price")) {
            filament.price = request.price();
        }
        if (present.contains("density")) {
            filament.density = request.density();
        }
        if (present.contains("diameter")) {
            filament.diameter = request.diameter();
        }
        if (present.contains("weight")) {
            filament.weight = request.weight();
        }
        if (present.contains("spool_weight")) {
            filament.spoolWeight = request.spoolWeight();
        }
        if (present.contains("article_number")) {
            filament.articleNumber = request.articleNumber();
        }
        if (present.contains("comment")) {
            filament.comment = request.comment();
        }
        if (present.contains("settings_extruder_temp")) {
            filament.settingsExtruderTemp = toInt(request.settingsExtruderTemp());
        }
        if (present.contains("settings_bed_temp")) {
            filament.settingsBedTemp = toInt(request.settingsBedTemp());
        }
        if (present.contains("color_hex")) {
            filament.colorHex = request.colorHex();
        }
        if (present.contains("multi_color_hexes")) {
            filament.multiColorHexes = request.multiColorHexes();
        }
        if (present.contains("multi_color_direction")) {
            filament.multiColorDirection = request.multiColorDirection();
        }
        if (present.contains("external_id")) {
            filament.externalId = request.externalId();
        }
        if (present.contains("extra") && request.extra() != null) {
            filament.extra = SpoolmanFields.merge(filament.extra, request.extra());
        }
        for (SpoolmanSpool spool : SpoolmanSpool.<SpoolmanSpool>list("filament", filament)) {
            describe(spool);
            catalogEvents.changed(spool.spool);
        }
        ObjectNode view = SpoolmanViews.filament(filament);
        events.changed("filament", filament.id, "updated", view);
        return view;
    }

    /** Deletes a filament no spool uses; Spoolman answers 403 while one does. */
    public void deleteFilament(long id) {
        SpoolmanFilament filament = requireFilament(id);
        if (SpoolmanSpool.count("filament", filament) > 0) {
            throw new SpoolmanError(403, "Failed to delete filament, see server logs for more information.");
        }
        ObjectNode view = SpoolmanViews.filament(filament);
        filament.delete();
        events.changed("filament", id, "deleted", view);
    }

    /** Carries a filament's description onto the spool it describes (our spool's own columns). */
    static void describe(SpoolmanSpool spool) {
        SpoolmanFilament filament = spool.filament;
        spool.spool.materialType = filament.materialType;
        spool.spool.brand = filament.vendor == null ? null : filament.vendor.name;
        spool.spool.colorHex = filament.colorHex == null ? null : "#" + filament.colorHex.toUpperCase(Locale.ROOT);
        spool.spool.color = filament.name;
        spool.spool.diameterMm = BigDecimal.valueOf(Math.min(filament.diameter, 999.99)).setScale(2,
                RoundingMode.HALF_UP);
        spool.spool.updatedAt = SpoolmanTimes.now();
    }

    public SpoolmanVendor requireVendor(long id) {
        return SpoolmanVendor.<SpoolmanVendor>findByIdOptional(id).orElseThrow(() -> SpoolmanError.notFound("vendor", id));
    }

    public SpoolmanFilament requireFilament(long id) {
        return SpoolmanFilament.<SpoolmanFilament>findByIdOptional(id)
                .orElseThrow(() -> SpoolmanError.notFound("filament", id));
    }

    /** Our material type of a Spoolman material (its code, created when the tenant has none). */
    MaterialType materialType(String material) {
        String code = material == null || material.isBlank() ? NO_MATERIAL : material.trim();
        return materialTypes.findOrCreate(code.length() > 32 ? code.substring(0, 32) : code);
    }

    /** The next id of a Spoolman table (ids are the tables' own identity sequences, shared by every tenant). */
    long nextId(String table) {
        return ((Number) em.createNativeQuery("select nextval(pg_get_serial_sequence(?1, 'id'))")
                .setParameter(1, table).getSingleResult()).longValue();
    }

    private static Integer toInt(Long value) {
        return value == null ? null : (int) Math.min(value, Integer.MAX_VALUE);
    }
}
