package app.nozzly.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Requests sent at the same moment, each from its own thread, for tests of what a race leaves behind. */
public final class AtOnce {

    private AtOnce() {
    }

    /** Runs the call {@code times} times at once; answers the results in no particular order of arrival. */
    public static <T> List<T> times(int times, Callable<T> call) throws InterruptedException, ExecutionException {
        return all(Collections.nCopies(times, call));
    }

    /**
     * Runs every call on its own thread, released together once all threads are ready; answers the results in
     * the calls' order (a call that threw throws here, wrapped in an ExecutionException).
     */
    public static <T> List<T> all(List<? extends Callable<T>> calls) throws InterruptedException, ExecutionException {
        CountDownLatch ready = new CountDownLatch(calls.size());
        List<Callable<T>> released = new ArrayList<>();
        for (Callable<T> call : calls) {
            released.add(() -> {
                ready.countDown();
                ready.await();
                return call.call();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : pool.invokeAll(released)) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
