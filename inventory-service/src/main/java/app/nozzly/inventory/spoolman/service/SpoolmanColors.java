package app.nozzly.inventory.spoolman.service;

import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.nozzly.inventory.spoolman.SpoolmanError;

/** Spoolman's "similar colour" filter: the CIE76 distance in CIELAB between two sRGB colours. */
final class SpoolmanColors {

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

    private static double distance(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
    }

    private static double[] lab(String hex) {
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
