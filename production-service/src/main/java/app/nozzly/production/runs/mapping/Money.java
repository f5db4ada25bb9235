package app.nozzly.production.runs.mapping;

/** Material costs are shown to four decimals: a gram of filament costs fractions of a cent. */
public final class Money {

    private Money() {
    }

    public static double round(double amount) {
        return Math.round(amount * 10_000d) / 10_000d;
    }
}
