package de.stadtlabore.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Starts many calls at the same moment and collects their results: for what must hold under
 * concurrency (no double booking, no overbooking, one winner per version).
 */
public final class Race {

    private static final long TIMEOUT_SECONDS = 180;

    private Race() {
    }

    /** Runs the tasks on {@code threads} threads, all released at once; results in task order. */
    public static <T> List<T> run(List<Callable<T>> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same call {@code times} times, each on a thread of its own; {@code task} gets the call's number. */
    public static <T> List<T> run(int times, IntFunctionCall<T> task) throws Exception {
        return run(IntStream.range(0, times).<Callable<T>>mapToObj(n -> () -> task.call(n)).toList(), times);
    }

    /** A call that knows its number. */
    @FunctionalInterface
    public interface IntFunctionCall<T> {
        T call(int n) throws Exception;
    }
}
