package dev.camroll.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Copies the index's write-ahead log back into the database on a background thread shortly after
 * writes, so that a commit seldom pays for it. SQLite checkpoints at the commit that takes the
 * log past {@value #COMMIT_CHECKPOINT_PAGES} pages (its default is 1,000): that commit then waits
 * for the copy and its fsync, about 10 ms, once in a few hundred small writes; here that is the
 * fallback for when this thread falls behind, or for another process that writes without one.
 * Passive: it never waits for a reader or a writer, and leaves to the next round what they hold.
 */
final class WalCheckpoints implements AutoCloseable {
    /** The log size, in pages, at which a commit checkpoints on its own. */
    static final int COMMIT_CHECKPOINT_PAGES = 4_000;

    /** How soon after a write the checkpoint runs: writes in a burst share one. */
    private static final long DELAY_MS = 50;

    private final Supplier<Connection> connector;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("camroll-wal-checkpoint").daemon(true).factory());
    /** Opened on the first checkpoint, used on {@link #thread} only. */
    private Connection connection;

    private volatile boolean closed;

    WalCheckpoints(Supplier<Connection> connector) {
        this.connector = connector;
    }

    /** A write was committed: a checkpoint follows soon, unless one is already due. */
    void written() {
        if (!closed && pending.compareAndSet(false, true)) {
            try {
                thread.schedule(this::checkpoint, DELAY_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Closing: the last connection's close checkpoints.
            }
        }
    }

    private void checkpoint() {
        pending.set(false);
        try {
            if (connection == null) {
                connection = connector.get();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
        } catch (SQLException | RuntimeException e) {
            // Best effort: the commit's own checkpoint is the fallback.
        }
    }

    /** Stops the thread and closes its connection, before the database's last connection closes. */
    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing is best effort.
            }
        }
    }
}
