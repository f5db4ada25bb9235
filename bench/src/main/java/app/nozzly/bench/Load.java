package app.nozzly.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Bounded load loops: each stops after its operation count or its time, whichever comes first. */
final class Load {

    /** One operation of a client; returns false (or throws) when it failed. */
    @FunctionalInterface
    interface Operation {
        boolean run(int client, long sequence) throws Exception;
    }

    private Load() {
    }

    /** Closed loop: {@code clients} threads issue operations back to back. */
    static Measurement closed(int clients, long maxOperations, Duration maxTime, Operation operation)
            throws InterruptedException {
        Measurement measurement = new Measurement();
        AtomicLong issued = new AtomicLong();
        long deadline = System.nanoTime() + maxTime.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        measurement.start();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long sequence;
                while ((sequence = issued.getAndIncrement()) < maxOperations && System.nanoTime() < deadline) {
                    timed(measurement, operation, client, sequence);
                }
            }));
        }
        await(pool, futures, maxTime);
        measurement.stop();
        return measurement;
    }

    /** Closed loop where client {@code c} issues exactly {@code perClient} operations (or stops at the time). */
    static Measurement perClient(int clients, int perClient, Duration maxTime, Operation operation)
            throws InterruptedException {
        Measurement measurement = new Measurement();
        long deadline = System.nanoTime() + maxTime.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        measurement.start();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                for (long sequence = 0; sequence < perClient && System.nanoTime() < deadline; sequence++) {
                    timed(measurement, operation, client, sequence);
                }
            }));
        }
        await(pool, futures, maxTime);
        measurement.stop();
        return measurement;
    }

    /**
     * Open loop at a fixed rate: operations start on schedule whatever the latency, so queueing shows in
     * the percentiles (no coordinated omission); {@code clients} bounds the concurrency.
     */
    static Measurement open(int clients, double perSecond, Duration duration, Operation operation)
            throws InterruptedException {
        Measurement measurement = new Measurement();
        long total = (long) (perSecond * duration.toSeconds());
        long intervalNanos = (long) (1e9 / perSecond);
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        measurement.start();
        long origin = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long sequence;
                while ((sequence = next.getAndIncrement()) < total) {
                    long scheduled = origin + sequence * intervalNanos;
                    long wait = scheduled - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    try {
                        if (operation.run(client, sequence)) {
                            measurement.record((System.nanoTime() - scheduled) / 1000);
                        } else {
                            measurement.error();
                        }
                    } catch (Exception e) {
                        measurement.error(e);
                    }
                }
                return null;
            }));
        }
        await(pool, futures, duration.multipliedBy(3));
        measurement.stop();
        return measurement;
    }

    private static void timed(Measurement measurement, Operation operation, int client, long sequence) {
        long start = System.nanoTime();
        try {
            if (operation.run(client, sequence)) {
                measurement.record((System.nanoTime() - start) / 1000);
            } else {
                measurement.error();
            }
        } catch (Exception e) {
            measurement.error(e);
        }
    }

    private static void await(ExecutorService pool, List<Future<?>> futures, Duration maxTime)
            throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(maxTime.toSeconds() + 60, TimeUnit.SECONDS)) {
            futures.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }
}
