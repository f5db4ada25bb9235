package app.nozzly.production.runs.mapping;

/** Grams are shown to the milligram, so sums of doubles do not print as 119.99999999999999. */
public final class Grams {

    private Grams() {
    }

    public static double round(double grams) {
        return Math.round(grams * 1000d) / 1000d;
    }
}
