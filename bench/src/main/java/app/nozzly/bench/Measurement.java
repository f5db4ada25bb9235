package app.nozzly.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Recorder;

/** Latencies (microseconds), successes and errors of one measured run; safe for many client threads. */
final class Measurement {

    private final Recorder recorder = new Recorder(3);
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private org.HdrHistogram.Histogram histogram;
    private long startNanos;
    private long endNanos;
    private long foldedNanos;

    void start() {
        startNanos = System.nanoTime();
    }

    void stop() {
        endNanos = System.nanoTime();
        histogram = recorder.getIntervalHistogram();
    }

    /** For latencies collected after the fact: the window in which the measured operations happened. */
    void window(double seconds) {
        endNanos = startNanos + (long) (seconds * 1e9);
    }

    void record(long micros) {
        recorder.recordValue(Math.max(1, micros));
    }

    void error() {
        errors.incrementAndGet();
    }

    /** An error with its cause; the first one is kept for the report. */
    void error(Exception cause) {
        firstError.compareAndSet(null, String.valueOf(cause));
        error();
    }

    /** Folds another finished run into this one: their operations, errors and time add up. */
    void add(Measurement other) {
        if (histogram == null) {
            histogram = new org.HdrHistogram.Histogram(3);
        }
        histogram.add(other.histogram);
        errors.addAndGet(other.errors());
        if (other.firstError() != null) {
            firstError.compareAndSet(null, other.firstError());
        }
        foldedNanos += (long) (other.seconds() * 1e9);
    }

    /** The first error's cause, or null. */
    String firstError() {
        return firstError.get();
    }

    long count() {
        return histogram.getTotalCount();
    }

    long errors() {
        return errors.get();
    }

    double seconds() {
        return (endNanos - startNanos + foldedNanos) / 1e9;
    }

    double throughput() {
        return count() / seconds();
    }

    double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
