package dev.gameday.testing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Many generated cases checked on threads of their own, one per core: a test of thousands of generated
 * runs is a long pole of its module's suite when it checks them one after another. The cases are made
 * in the order a single loop would make them (so a seeded generator yields the same cases), and the
 * failure reported is that of the lowest case that failed.
 */
public final class SideBySide {
    /** One generated case's check. */
    public interface Check<T> {
        void accept(int index, T item) throws Exception;
    }

    private SideBySide() {}

    public static <T> void check(int count, Supplier<T> next, Check<T> check) throws Exception {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        AtomicInteger made = new AtomicInteger();
        Object generator = new Object();
        Throwable[] failures = new Throwable[count];
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> new Thread(task, "side-by-side"));
        try {
            Future<?>[] workers = new Future<?>[threads];
            for (int w = 0; w < threads; w++) {
                workers[w] = pool.submit(() -> {
                    while (true) {
                        int index;
                        T item;
                        synchronized (generator) {
                            index = made.getAndIncrement();
                            if (index >= count) {
                                return null;
                            }
                            item = next.get();
                        }
                        try {
                            check.accept(index, item);
                        } catch (Exception | AssertionError e) {
                            failures[index] = e;
                        }
                    }
                });
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (Throwable failure : failures) {
            if (failure instanceof Exception e) {
                throw e;
            }
            if (failure instanceof AssertionError e) {
                throw e;
            }
        }
    }
}
