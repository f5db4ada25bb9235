package app.nozzly.inventory.spoolman.service;

import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.inventory.spoolman.SpoolmanError;

/** Spoolman's "similar colour" filter and search: the CIE94 difference in CIELAB between two sRGB colours. */
final class SpoolmanColors {

    /** The CSS basic colour keywords and the common extended ones. */
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("black", "000000"), Map.entry("silver", "c0c0c0"),
            Map.entry("gray", "808080"), Map.entry("grey", "808080"),
            Map.entry("white", "ffffff"), Map.entry("maroon", "800000"),
            Map.entry("red", "ff0000"), Map.entry("purple", "800080"),
            Map.entry("fuchsia", "ff00ff"), Map.entry("magenta", "ff00ff"),
            Map.entry("green", "008000"), Map.entry("lime", "00ff00"),
            Map.entry("olive", "808000"), Map.entry("yellow", "ffff00"),
            Map.entry("navy", "000080"), Map.entry("blue", "0000ff"),
            Map.entry("teal", "008080"), Map.entry("aqua", "00ffff"),
            Map.entry("cyan", "00ffff"), Map.entry("orange", "ffa500"),
            Map.entry("pink", "ffc0cb"), Map.entry("brown", "a52a2a"),
            Map.entry("gold", "ffd700"), Map.entry("violet", "ee82ee"),
            Map.entry("indigo", "4b0082"), Map.entry("beige", "f5f5dc"),
            Map.entry("turquoise", "40e0d0"), Map.entry("coral", "ff7f50"),
            Map.entry("salmon", "fa8072"), Map.entry("khaki", "f0e68c"),
            Map.entry("crimson", "dc143c"), Map.entry("lavender", "e6e6fa"));

    private SpoolmanColors() {
    }

    static Predicate<ObjectNode> similar(String hex, double threshold) {
        double[] wanted = lab(hex);
        if (wanted == null) {
            throw new SpoolmanError(400, "Invalid color code '" + hex + "'.");
        }
        return node -> {
            if (colourWithin(node.get("color_hex"), wanted, threshold)) {
                return true;
            }
            JsonNode multi = node.get("multi_color_hexes");
            if (multi != null) {
                for (String part : multi.asText().split(",")) {
                    double[] other = lab(part);
                    if (other != null && distance(wanted, other) <= threshold) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    private static boolean colourWithin(JsonNode hex, double[] wanted, double threshold) {
        double[] other = hex == null ? null : lab(hex.asText());
        return other != null && distance(wanted, other) <= threshold;
    }

    /** CIE94 (graphic arts weights): lightness, chroma and hue differences, chroma and hue scaled by chroma. */
    static double distance(double[] a, double[] b) {
        double deltaL = a[0] - b[0];
        double deltaA = a[1] - b[1];
        double deltaB = a[2] - b[2];
        double c1 = Math.sqrt(a[1] * a[1] + a[2] * a[2]);
        double c2 = Math.sqrt(b[1] * b[1] + b[2] * b[2]);
        double deltaC = c1 - c2;
        double hueSquared = deltaA * deltaA + deltaB * deltaB - deltaC * deltaC;
        double deltaH = hueSquared > 0 ? Math.sqrt(hueSquared) : 0;
        double chroma = deltaC / (1.0 + 0.045 * c1);
        double hue = deltaH / (1.0 + 0.015 * c1);
        double sum = deltaL * deltaL + chroma * chroma + hue * hue;
        return sum > 0 ? Math.sqrt(sum) : 0;
    }

    /** A filament's distance to a colour: its colour's, or the nearest of its colours; infinite without one. */
    static double distance(ObjectNode filament, double[] wanted) {
        double best = Double.POSITIVE_INFINITY;
        JsonNode single = filament.get("color_hex");
        String colours = single != null ? single.asText() : filament.has("multi_color_hexes")
                ? filament.get("multi_color_hexes").asText() : null;
        if (colours != null) {
            for (String part : colours.split(",")) {
                double[] other = lab(part);
                if (other != null) {
                    best = Math.min(best, distance(wanted, other));
                }
            }
        }
        return best;
    }

    /** A query that is a colour: "#rrggbb", "rrggbb" or a CSS colour name; null otherwise. */
    static String resolve(String query) {
        String text = query.trim().toLowerCase(Locale.ROOT);
        String digits = text.startsWith("#") ? text.substring(1) : text;
        if (digits.matches("[0-9a-f]{6}")) {
            return digits;
        }
        if (text.startsWith("#") && digits.matches("[0-9a-f]{3}")) {
            return "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1) + digits.charAt(2)
                    + digits.charAt(2);
        }
        return NAMED.get(text);
    }

    static double[] lab(String hex) {
        String digits = hex.trim().startsWith("#") ? hex.trim().substring(1) : hex.trim();
        if (digits.length() != 6 && digits.length() != 8 || !digits.matches("[0-9a-fA-F]+")) {
            return null;
        }
        double r = linear(Integer.parseInt(digits.substring(0, 2), 16));
        double g = linear(Integer.parseInt(digits.substring(2, 4), 16));
        double b = linear(Integer.parseInt(digits.substring(4, 6), 16));
        double x = (r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047;
        double y = r * 0.2126 + g * 0.7152 + b * 0.0722;
        double z = (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883;
        double fx = pivot(x);
        double fy = pivot(y);
        double fz = pivot(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double pivot(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }
}
