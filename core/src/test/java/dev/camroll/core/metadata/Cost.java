package dev.camroll.core.metadata;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * What one call costs on the calling thread: the bytes it allocated (every array a reader makes
 * counts, even one the garbage collector frees at once) and the time it took.
 */
record Cost<T>(T result, long allocatedBytes, long millis) {

    static <T> Cost<T> of(Supplier<T> call) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();
        T result = call.get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Cost<>(result, threads.getCurrentThreadAllocatedBytes() - allocatedBefore, millis);
    }
}
