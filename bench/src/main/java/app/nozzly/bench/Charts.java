package app.nozzly.bench;

import java.util.List;
import java.util.Locale;

/**
 * One latency chart per scenario as SVG: the latency at each percentile (0 to 99.99) of the measured row and of its
 * baseline, so a reader sees the whole curve and where its tail starts, not only the p99.
 */
final class Charts {

    static final double[] PERCENTILES = { 0, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99 };
    private static final int WIDTH = 720;
    private static final int HEIGHT = 360;
    private static final int LEFT = 70;
    private static final int BOTTOM = 50;
    private static final int TOP = 40;
    private static final int RIGHT = 150;

    private Charts() {
    }

    /** The chart of a result, or null when it has no latencies to draw. */
    static String svg(Result result) {
        if (result.measured() == null || result.measured().count() == 0) {
            return null;
        }
        List<Series> series = result.baseline() == null || result.baseline().count() == 0
                ? List.of(new Series("measured", result.measured(), "#d62728"))
                : List.of(new Series("measured", result.measured(), "#d62728"),
                        new Series(result.baselineLabel(), result.baseline(), "#1f77b4"));
        double max = series.stream().mapToDouble(s -> s.measurement().percentileMillis(PERCENTILES[PERCENTILES.length
                - 1])).max().orElse(1);
        double top = niceCeiling(max);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                        + "<text x=\"%d\" y=\"22\" font-size=\"15\">%s: latency by percentile (ms)</text>%n",
                WIDTH, HEIGHT, LEFT, escape(result.scenario())));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        for (int tick = 0; tick <= 4; tick++) {
            double value = top * tick / 4;
            int y = TOP + plotHeight - (int) (plotHeight * tick / 4.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LEFT, y, LEFT + plotWidth, y,
                    LEFT - 6, y + 4, format(value)));
        }
        for (int i = 0; i < PERCENTILES.length; i++) {
            int x = x(i, plotWidth);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">p%s</text>%n", x,
                    TOP + plotHeight + 18, format(PERCENTILES[i])));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n",
                LEFT + plotWidth / 2, HEIGHT - 10));
        int legend = TOP;
        for (Series line : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < PERCENTILES.length; i++) {
                double latency = line.measurement().percentileMillis(PERCENTILES[i]);
                int y = TOP + plotHeight - (int) Math.round(plotHeight * Math.min(latency, top) / top);
                points.append(x(i, plotWidth)).append(',').append(y).append(' ');
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\""
                    + " points=\"%s\"/>%n<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", line.color(), points.toString().trim(),
                    LEFT + plotWidth + 12, legend, line.color(), LEFT + plotWidth + 30, legend + 11,
                    escape(line.name())));
            legend += 20;
        }
        return svg.append("</svg>\n").toString();
    }

    private record Series(String name, Measurement measurement, String color) {
    }

    private static int x(int index, int plotWidth) {
        return LEFT + (int) Math.round(plotWidth * index / (double) (PERCENTILES.length - 1));
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 0.001))));
        for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value)
                .replaceAll("0+$", "");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
