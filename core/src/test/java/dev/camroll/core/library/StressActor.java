package dev.camroll.core.library;

import java.util.List;

/**
 * One of the processes (or a series of them) of a {@link StressRun}: the embedded API in a child
 * JVM ({@link EmbeddedActor}) or the command line. The run starts it, kills its process at random
 * and restarts what ended, and finally stops it.
 */
public interface StressActor {
    String name();

    void start() throws Exception;

    /** SIGKILLs the process it runs now, if any; whether there was one to kill. */
    boolean kill() throws InterruptedException;

    /** Called often during the run: restarts a process that was killed or ended. */
    void tend() throws Exception;

    /** Lets its processes end by their deadline (killing those that do not), and waits for them. */
    void stop() throws Exception;

    /** Processes that ended by themselves with an error, each with the end of its stderr. */
    List<String> crashes();
}
