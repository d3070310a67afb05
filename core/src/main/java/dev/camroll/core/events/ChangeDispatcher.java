package dev.camroll.core.events;

import dev.camroll.api.ChangeListener;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.Subscription;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Delivers change events to listeners from one thread of its own: after a write of this process
 * ({@link #committed()}), and on a short poll of the journal for writes of other processes. Each
 * round reads the changes since the last token it delivered, so events come in commit order, each
 * change once, and a slow or failing listener holds up no writer.
 */
public final class ChangeDispatcher implements AutoCloseable {
    private static final Logger LOG = System.getLogger(ChangeDispatcher.class.getName());

    private final Supplier<String> currentToken;
    private final Function<String, ChangeSet> changesSince;
    private final Duration pollInterval;
    private final List<Entry> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean pending;
    private boolean closed;
    private Thread thread;
    private String delivered;

    /**
     * @param currentToken the journal's token now (cheap: one row)
     * @param changesSince the changes after a token
     */
    public ChangeDispatcher(
            Supplier<String> currentToken, Function<String, ChangeSet> changesSince, Duration pollInterval) {
        this.currentToken = currentToken;
        this.changesSince = changesSince;
        this.pollInterval = pollInterval;
    }

    public Subscription add(ChangeListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is null");
        }
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the library is closed");
            }
            if (thread == null) {
                // Changes count from the first listener on.
                delivered = currentToken.get();
                thread = Thread.ofPlatform().name("camroll-events").daemon(true).start(this::run);
            }
        } finally {
            lock.unlock();
        }
        // Each registration is its own entry, so that remove() takes exactly it.
        Entry entry = new Entry(listener);
        listeners.add(entry);
        return () -> listeners.remove(entry);
    }

    public void removeAll() {
        listeners.clear();
    }

    /** A write of this process committed: deliver its changes now rather than at the next poll. */
    public void committed() {
        lock.lock();
        try {
            pending = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        Thread running;
        lock.lock();
        try {
            closed = true;
            wake.signalAll();
            running = thread;
        } finally {
            lock.unlock();
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (awaitRound()) {
            try {
                if (currentToken.get().equals(delivered)) {
                    continue;
                }
                ChangeSet changes = changesSince.apply(delivered);
                delivered = changes.nextToken();
                boolean nothingForTheOwner = changes.hasIncrementalChanges()
                        && changes.insertedAssets().isEmpty()
                        && changes.updatedAssets().isEmpty()
                        && changes.deletedAssets().isEmpty();
                for (Entry entry : listeners) {
                    // A change of nothing but an app's grant still reaches the views of apps,
                    // which read what changed for them (their scopes may have changed).
                    if (nothingForTheOwner && !(entry.listener instanceof RoundListener)) {
                        continue;
                    }
                    try {
                        entry.listener.onChange(changes);
                    } catch (RuntimeException | Error e) {
                        LOG.log(Level.WARNING, "a change listener failed; the others were told", e);
                    }
                }
            } catch (RuntimeException e) {
                // The index may be closing or busy; the next round tries again.
                LOG.log(Level.DEBUG, "reading changes failed", e);
            }
        }
    }

    /** Waits for a commit or the poll interval; false once closed. */
    private boolean awaitRound() {
        lock.lock();
        try {
            if (!pending && !closed) {
                wake.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            }
            pending = false;
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** One registration of a listener (compared by identity, so that each is removed alone). */
    private static final class Entry {
        private final ChangeListener listener;

        Entry(ChangeListener listener) {
            this.listener = listener;
        }
    }
}
