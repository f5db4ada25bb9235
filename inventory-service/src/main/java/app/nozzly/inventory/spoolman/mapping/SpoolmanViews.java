package app.nozzly.inventory.spoolman.mapping;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.inventory.spoolman.SpoolmanFilament;
import app.nozzly.inventory.spoolman.SpoolmanSpool;
import app.nozzly.inventory.spoolman.SpoolmanTimes;
import app.nozzly.inventory.spoolman.SpoolmanVendor;
import app.nozzly.inventory.spoolman.SpoolmanWeights;

/** Spoolman's JSON of a vendor, filament and spool, unset members left out as Spoolman's API does. */
public final class SpoolmanViews {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SpoolmanViews() {
    }

    public static ObjectNode vendor(SpoolmanVendor vendor) {
        ObjectNode node = JSON.objectNode();
        node.put("id", vendor.id);
        node.put("registered", SpoolmanTimes.format(vendor.registered));
        node.put("name", vendor.name);
        putText(node, "comment", vendor.comment);
        putNumber(node, "empty_spool_weight", vendor.emptySpoolWeight);
        putText(node, "external_id", vendor.externalId);
        node.set("extra", extra(vendor.extra));
        return node;
    }

    public static ObjectNode filament(SpoolmanFilament filament) {
        ObjectNode node = JSON.objectNode();
        node.put("id", filament.id);
        node.put("registered", SpoolmanTimes.format(filament.registered));
        putText(node, "name", filament.name);
        if (filament.vendor != null) {
            node.set("vendor", vendor(filament.vendor));
        }
        putText(node, "material", filament.material);
        putNumber(node, "price", filament.price);
        node.put("density", filament.density);
        node.put("diameter", filament.diameter);
        putNumber(node, "weight", filament.weight);
        putNumber(node, "spool_weight", filament.spoolWeight);
        putText(node, "article_number", filament.articleNumber);
        putText(node, "comment", filament.comment);
        if (filament.settingsExtruderTemp != null) {
            node.put("settings_extruder_temp", filament.settingsExtruderTemp);
        }
        if (filament.settingsBedTemp != null) {
            node.put("settings_bed_temp", filament.settingsBedTemp);
        }
        putText(node, "color_hex", filament.colorHex == null ? null : filament.colorHex.toUpperCase(Locale.ROOT));
        putText(node, "multi_color_hexes", filament.multiColorHexes);
        putText(node, "multi_color_direction", filament.multiColorDirection);
        putText(node, "external_id", filament.externalId);
        node.set("extra", extra(filament.extra));
        return node;
    }

    /** A spool with its stock: remaining_weight is the stock, used_weight Spoolman's (SpoolmanWeights). */
    public static ObjectNode spool(SpoolmanSpool spool, BigDecimal stock) {
        SpoolmanFilament filament = spool.filament;
        ObjectNode node = JSON.objectNode();
        node.put("id", spool.id);
        node.put("registered", SpoolmanTimes.format(spool.registered));
        putText(node, "first_used", SpoolmanTimes.format(spool.firstUsed));
        putText(node, "last_used", SpoolmanTimes.format(spool.lastUsed));
        node.set("filament", filament(filament));
        putNumber(node, "price", spool.price);
        Double base = SpoolmanWeights.base(spool);
        double used = SpoolmanWeights.used(spool, stock);
        if (base != null) {
            double remaining = stock.doubleValue();
            node.put("remaining_weight", remaining);
            node.put("remaining_length", SpoolmanWeights.length(remaining, filament.density, filament.diameter));
        }
        if (spool.initialWeightSet) {
            node.put("initial_weight", spool.spool.initialWeightGrams.doubleValue());
        }
        putNumber(node, "spool_weight", spool.spool.emptySpoolWeightGrams == null ? null
                : spool.spool.emptySpoolWeightGrams.doubleValue());
        node.put("used_weight", used);
        node.put("used_length", SpoolmanWeights.length(used, filament.density, filament.diameter));
        putText(node, "location", spool.spool.location);
        putText(node, "lot_nr", spool.spool.lot);
        putText(node, "comment", spool.comment);
        node.put("archived", spool.spool.archived);
        node.set("extra", extra(spool.extra));
        return node;
    }

    private static ObjectNode extra(Map<String, String> extra) {
        ObjectNode node = JSON.objectNode();
        if (extra != null) {
            extra.forEach(node::put);
        }
        return node;
    }

    private static void putText(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static void putNumber(ObjectNode node, String name, Double value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
