package app.nozzly.sim;

/** Turns real elapsed time into simulated seconds: 1 real second = timeScale simulated seconds. */
public final class SimulatedClock {

    private final double timeScale;
    private long lastNanos;

    public SimulatedClock(double timeScale) {
        this.timeScale = requireTimeScale(timeScale);
        this.lastNanos = System.nanoTime();
    }

    /** The scale a clock accepts (a positive, finite number), for builders that check it when it is set. */
    public static double requireTimeScale(double timeScale) {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a positive number, was " + timeScale);
        }
        return timeScale;
    }

    /** Simulated seconds since the previous call. */
    public synchronized double takeElapsed() {
        long now = System.nanoTime();
        double seconds = (now - lastNanos) / 1_000_000_000.0 * timeScale;
        lastNanos = now;
        return seconds;
    }
}
