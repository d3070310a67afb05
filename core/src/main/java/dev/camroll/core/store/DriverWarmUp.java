package dev.camroll.core.store;

import java.util.Calendar;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Prepares, on a thread of its own, what the first connection to an index needs and a short
 * command would otherwise wait for on its main thread: SQLite's native library, and the date
 * format every sqlite-jdbc connection configuration builds, whose first {@link Calendar} reads the
 * locale data of every locale the JDK knows (a fifth of the CPU time of a query from the command
 * line). The command line starts it before it parses its arguments, so that the two overlap.
 */
public final class DriverWarmUp {
    private DriverWarmUp() {}

    /** Starts the warm-up on a daemon thread: a process that needs no index does not wait for it. */
    public static void start() {
        Thread.ofPlatform().daemon().name("camroll-driver-warm-up").start(DriverWarmUp::run);
    }

    private static void run() {
        try {
            SQLiteJDBCLoader.initialize();
            new SQLiteConfig();
        } catch (Exception | LinkageError e) {
            // Only a head start: the first connection meets the same problem and reports it.
        }
    }
}
