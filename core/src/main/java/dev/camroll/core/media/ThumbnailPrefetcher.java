package dev.camroll.core.media;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Makes thumbnails ahead, after a scan, so that a grid shows at once: one thread, at the lowest
 * priority of the system ({@link LowPriority}, nice 19 on Linux), so that it only uses a core no
 * query wants. Assets already cached are skipped; one that has no thumbnail is passed over.
 *
 * <p>The sizes are made in turns: the first size of every asset waiting, then the next size of
 * each, so that a library's grid is complete before any preview is made (a preview costs several
 * grid thumbnails, and the grid is what shows first). An asset submitted later still has its
 * first size made before the later sizes of those waiting. Started with the first {@link
 * #submit}; {@link #close} stops it (the thumbnail being made is finished or abandoned: the
 * cache's rename keeps nothing partial).
 */
public final class ThumbnailPrefetcher implements AutoCloseable {

    /** The name of the thread, as {@code top -H} and {@code /proc} show it (15 chars at most). */
    public static final String THREAD_NAME = "camroll-thumbs";

    private static final Logger LOG = System.getLogger(ThumbnailPrefetcher.class.getName());

    private final ThumbnailCache cache;
    private final List<ThumbnailSize> sizes;
    /** One queue per size, in the order of {@link #sizes}: the first non-empty one goes first. */
    private final List<ArrayDeque<ThumbnailSource>> waiting = new ArrayList<>();

    private int inHand;
    private Thread thread;
    private boolean closed;
    private volatile boolean lowered;

    /** A prefetcher making the grid thumbnail of each asset. */
    public ThumbnailPrefetcher(ThumbnailCache cache) {
        this(cache, List.of(ThumbnailSize.GRID));
    }

    /** A prefetcher making JPEG thumbnails of each of {@code sizes}: the first for all, then the next. */
    public ThumbnailPrefetcher(ThumbnailCache cache, List<ThumbnailSize> sizes) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.sizes = List.copyOf(sizes);
        if (this.sizes.isEmpty()) {
            throw new IllegalArgumentException("a prefetcher needs a size to make");
        }
        for (int i = 0; i < this.sizes.size(); i++) {
            waiting.add(new ArrayDeque<>());
        }
    }

    /** Adds assets to make thumbnails of, after those already waiting for the same size. */
    public synchronized void submit(Collection<ThumbnailSource> sources) {
        if (closed) {
            throw new IllegalStateException("the prefetcher is closed");
        }
        inHand += sources.size();
        waiting.getFirst().addAll(sources);
        if (thread == null) {
            thread = Thread.ofPlatform()
                    .name(THREAD_NAME)
                    .daemon(true)
                    .priority(Thread.MIN_PRIORITY)
                    .start(this::run);
        }
        notifyAll();
    }

    /** How many submitted assets are not done yet (an asset is done when all its sizes are). */
    public synchronized int pending() {
        return inHand;
    }

    /** Whether the thread runs at the system's lowest priority (false before it started). */
    public boolean lowestPriority() {
        return lowered;
    }

    /** Waits until every submitted asset is done; false when {@code timeout} passed first. */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inHand > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Stops the thread and forgets what was waiting; waits for the thread to end. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = thread;
            int dropped = 0;
            for (ArrayDeque<ThumbnailSource> queue : waiting) {
                dropped += queue.size();
                queue.clear();
            }
            done(dropped);
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One thumbnail to make: an asset and the index of its size in {@link #sizes}. */
    private record Step(ThumbnailSource source, int size) {}

    private void run() {
        lowered = LowPriority.lowerCurrentThread();
        while (true) {
            Step step;
            try {
                step = next();
            } catch (InterruptedException e) {
                return;
            }
            if (step == null) {
                return;
            }
            boolean more = false;
            try {
                cache.get(step.source(), sizes.get(step.size()));
                more = step.size() + 1 < sizes.size();
            } catch (NoThumbnailException e) {
                LOG.log(Level.DEBUG, "no thumbnail of {0}: {1}", step.source().file(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "thumbnail of {0} could not be made ahead: {1}",
                        step.source().file(),
                        e.toString());
            } finally {
                then(step, more);
            }
        }
    }

    /** The first size's next asset, else the next size's; null once closed. */
    private synchronized Step next() throws InterruptedException {
        while (!closed) {
            for (int size = 0; size < waiting.size(); size++) {
                ThumbnailSource source = waiting.get(size).poll();
                if (source != null) {
                    return new Step(source, size);
                }
            }
            wait();
        }
        return null;
    }

    /** Queues the asset's next size, or counts the asset done (and so does a close meanwhile). */
    private synchronized void then(Step step, boolean more) {
        if (more && !closed) {
            waiting.get(step.size() + 1).add(step.source());
        } else {
            done(1);
        }
    }

    private void done(int count) {
        if (count > 0) {
            inHand -= count;
            notifyAll();
        }
    }
}
