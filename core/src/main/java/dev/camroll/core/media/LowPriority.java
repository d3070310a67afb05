package dev.camroll.core.media;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * Gives the calling thread the lowest CPU priority of the system (nice 19) on Linux. Java's thread
 * priorities are ignored there, but each thread is a task of its own to the scheduler, so
 * {@code setpriority} on the thread's id lowers that thread alone: with a query waiting for a
 * core, the scheduler gives the query nearly all of it. Lowering one's own priority needs no
 * privilege.
 */
final class LowPriority {

    private static final int PRIO_PROCESS = 0;
    private static final int LOWEST = 19;

    private LowPriority() {}

    /** Lowers the calling thread's priority; false where the system does not allow it or is not Linux. */
    static boolean lowerCurrentThread() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle gettid = linker.downcallHandle(
                    linker.defaultLookup().find("gettid").orElseThrow(), FunctionDescriptor.of(JAVA_INT));
            MethodHandle setpriority = linker.downcallHandle(
                    linker.defaultLookup().find("setpriority").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
            int thread = (int) gettid.invokeExact();
            return (int) setpriority.invokeExact(PRIO_PROCESS, thread, LOWEST) == 0;
        } catch (Throwable e) {
            return false; // no native access granted, or an old C library: normal priority then
        }
    }
}
