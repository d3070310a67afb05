package dev.camroll.core.media;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a sweep of the caches in the background, on one daemon thread at the lowest priority of
 * the system ({@link LowPriority}), so that it only uses a core no query wants. Requests made
 * while a sweep runs are folded into one more sweep after it: a sweep looks at the whole cache,
 * so however many scans removed rows meanwhile, one more covers them all.
 */
public final class CacheSweeper implements AutoCloseable {

    /** The name of the thread, as {@code top -H} and {@code /proc} show it (15 chars at most). */
    public static final String THREAD_NAME = "camroll-sweep";

    private static final Logger LOG = System.getLogger(CacheSweeper.class.getName());

    private final Supplier<SweepReport> sweep;
    private Thread thread;
    private boolean requested;
    private boolean running;
    private boolean closed;
    private int sweepsDone;
    private SweepReport last = SweepReport.NONE;
    private volatile boolean lowered;

    /** A sweeper running {@code sweep} when asked. */
    public CacheSweeper(Supplier<SweepReport> sweep) {
        this.sweep = Objects.requireNonNull(sweep, "sweep");
    }

    /** Asks for a sweep: now when none runs, else once more after the one running. */
    public synchronized void request() {
        if (closed) {
            return;
        }
        requested = true;
        if (thread == null) {
            thread = Thread.ofPlatform()
                    .name(THREAD_NAME)
                    .daemon(true)
                    .priority(Thread.MIN_PRIORITY)
                    .start(this::run);
        }
        notifyAll();
    }

    /** How many sweeps finished. */
    public synchronized int sweepsDone() {
        return sweepsDone;
    }

    /** What the last finished sweep did. */
    public synchronized SweepReport lastReport() {
        return last;
    }

    /** Whether the thread runs at the system's lowest priority (false before it started). */
    public boolean lowestPriority() {
        return lowered;
    }

    /** Waits until no sweep is asked for or running; false when {@code timeout} passed first. */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requested || running) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Stops the thread; a sweep under way ends at its next asset folder. */
    @Override
    public void close() {
        Thread started;
        synchronized (this) {
            closed = true;
            requested = false;
            started = thread;
            notifyAll();
        }
        if (started != null) {
            started.interrupt();
            try {
                started.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        lowered = LowPriority.lowerCurrentThread();
        while (true) {
            synchronized (this) {
                while (!requested && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                requested = false;
                running = true;
            }
            SweepReport report = SweepReport.NONE;
            try {
                report = sweep.get();
                if (report.filesRemoved() > 0) {
                    LOG.log(
                            Level.DEBUG,
                            "cache sweep removed {0} files of {1} gone assets",
                            report.filesRemoved(),
                            report.foldersOfGoneAssets());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the caches could not be swept: {0}", e.toString());
            } finally {
                synchronized (this) {
                    running = false;
                    sweepsDone++;
                    last = report;
                    notifyAll();
                }
            }
        }
    }
}
