package app.nozzly.inventory.spoolman.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import app.nozzly.inventory.spoolman.ListQuery;
import app.nozzly.inventory.spoolman.SpoolmanRequests;
import app.nozzly.inventory.spoolman.service.SpoolmanCatalog;

/** Spoolman's /filament: find (with colour similarity), get, add, update, delete. */
@Path("/spoolman/{key}/api/v1/filament")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class SpoolmanFilamentResource extends SpoolmanCatalogResource<SpoolmanRequests.Filament> {

    private static final List<String> FIELDS = List.of("name", "vendor_id", "material", "price", "density", "diameter",
            "weight", "spool_weight", "article_number", "comment", "settings_extruder_temp", "settings_bed_temp",
            "color_hex", "multi_color_hexes", "multi_color_direction", "external_id", "extra");

    public SpoolmanFilamentResource() {
        super("filament_id", List.of("density", "diameter"), SpoolmanCatalog::filament, SpoolmanCatalog::createFilament,
                SpoolmanCatalog::updateFilament, SpoolmanCatalog::deleteFilament);
    }

    @Override
    Function<SpoolmanCatalog, ListQuery.Page> search(Params params) {
        var query = new SpoolmanCatalog.FilamentQuery(params.text("vendor.name", "vendor_name"),
                params.text("vendor.id", "vendor_id"), params.text("name"), params.text("material"),
                params.text("article_number"), params.text("color_hex"),
                params.number("color_similarity_threshold", 20.0), params.text("external_id"),
                params.prefixed("extra."), params.text("sort"), params.integer("limit"), params.offset());
        return catalog -> catalog.findFilaments(query);
    }

    /** Reads a filament body with Spoolman's bounds and its colour rules (FilamentParameters). */
    @Override
    SpoolmanRequests.Filament read(Fields fields, boolean creating) {
        String name = fields.text("name", false, 64);
        Long vendorId = fields.integer("vendor_id", false, null);
        String material = fields.text("material", false, 64);
        Double price = fields.number("price", false, 0.0, false);
        Double density = fields.number("density", creating, 0.0, true);
        Double diameter = fields.number("diameter", creating, 0.0, true);
        Double weight = fields.number("weight", false, 0.0, true);
        Double spoolWeight = fields.number("spool_weight", false, 0.0, false);
        String articleNumber = fields.text("article_number", false, 64);
        String comment = fields.text("comment", false, 1024);
        Long extruderTemp = fields.integer("settings_extruder_temp", false, 0L);
        Long bedTemp = fields.integer("settings_bed_temp", false, 0L);
        String colorHex = colour(fields, fields.text("color_hex", false, Integer.MAX_VALUE), "color_hex");
        String multiColor = multiColour(fields, fields.text("multi_color_hexes", false, Integer.MAX_VALUE));
        String direction = fields.text("multi_color_direction", false, 16);
        if (direction != null && !direction.equals("coaxial") && !direction.equals("longitudinal")) {
            fields.fail("multi_color_direction", "Input should be 'coaxial' or 'longitudinal'");
        }
        String externalId = fields.text("external_id", false, 256);
        Map<String, String> extra = fields.extra("extra");
        if (colorHex != null && multiColor != null) {
            fields.fail("color_hex", "Cannot specify both color_hex and multi_color_hexes.");
        } else if (multiColor != null && direction == null) {
            fields.fail("multi_color_direction", "Multi-color filament must have multi_color_direction set.");
        } else if (multiColor == null && direction != null) {
            fields.fail("multi_color_direction", "Single-color filament must not have multi_color_direction set.");
        }
        fields.check();
        return new SpoolmanRequests.Filament(fields.present(FIELDS), name, vendorId, material, price, density, diameter,
                weight, spoolWeight, articleNumber, comment, extruderTemp, bedTemp, colorHex, multiColor, direction,
                externalId, extra);
    }

    /** A colour "RRGGBB" or "RRGGBBAA" ("#" allowed and dropped); empty means none. */
    private static String colour(Fields fields, String value, String name) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String digits = value.startsWith("#") ? value.substring(1) : value;
        if (!digits.toUpperCase(Locale.ROOT).matches("[0-9A-F]*")) {
            fields.fail(name, "Invalid character in color code.");
            return null;
        }
        if (digits.length() != 6 && digits.length() != 8) {
            fields.fail(name, "Color code must be 6 or 8 characters long.");
            return null;
        }
        return digits;
    }

    private static String multiColour(Fields fields, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        List<String> colours = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String colour = colour(fields, part, "multi_color_hexes");
            if (colour == null) {
                if (part.isEmpty()) {
                    fields.fail("multi_color_hexes", "Color code must be 6 or 8 characters long.");
                }
                return null;
            }
            colours.add(colour);
        }
        if (colours.size() < 2) {
            fields.fail("multi_color_hexes", "Must specify at least two colors in multi_color_hexes.");
            return null;
        }
        return String.join(",", colours);
    }
}
