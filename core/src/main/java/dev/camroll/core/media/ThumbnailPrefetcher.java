package dev.camroll.core.media;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes thumbnails ahead, after a scan, so that a grid shows at once: one thread, at the lowest
 * priority of the system ({@link LowPriority}, nice 19 on Linux), so that it only uses a core no
 * query wants. Assets already cached are skipped; one that has no thumbnail is passed over.
 * Started with the first {@link #submit}; {@link #close} stops it (the thumbnail being made is
 * finished or abandoned: the cache's rename keeps nothing partial).
 */
public final class ThumbnailPrefetcher implements AutoCloseable {

    /** The name of the thread, as {@code top -H} and {@code /proc} show it (15 chars at most). */
    public static final String THREAD_NAME = "camroll-thumbs";

    private static final Logger LOG = System.getLogger(ThumbnailPrefetcher.class.getName());

    private final ThumbnailCache cache;
    private final List<ThumbnailSize> sizes;
    private final LinkedBlockingDeque<ThumbnailSource> queue = new LinkedBlockingDeque<>();
    private final AtomicInteger inHand = new AtomicInteger();
    private final Object idle = new Object();
    private Thread thread;
    private volatile boolean closed;
    private volatile boolean lowered;

    /** A prefetcher making the grid thumbnail of each asset. */
    public ThumbnailPrefetcher(ThumbnailCache cache) {
        this(cache, List.of(ThumbnailSize.GRID));
    }

    /** A prefetcher making JPEG thumbnails of each of {@code sizes}, in that order. */
    public ThumbnailPrefetcher(ThumbnailCache cache, List<ThumbnailSize> sizes) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.sizes = List.copyOf(sizes);
    }

    /** Adds assets to make thumbnails of, after those already waiting. */
    public void submit(Collection<ThumbnailSource> sources) {
        if (closed) {
            throw new IllegalStateException("the prefetcher is closed");
        }
        inHand.addAndGet(sources.size());
        queue.addAll(sources);
        start();
    }

    /** How many submitted assets are not done yet. */
    public int pending() {
        return inHand.get();
    }

    /** Whether the thread runs at the system's lowest priority (false before it started). */
    public boolean lowestPriority() {
        return lowered;
    }

    /** Waits until every submitted asset is done; false when {@code timeout} passed first. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (inHand.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
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
        }
        List<ThumbnailSource> dropped = new ArrayList<>();
        queue.drainTo(dropped);
        done(dropped.size());
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized void start() {
        if (thread == null && !closed) {
            thread = Thread.ofPlatform()
                    .name(THREAD_NAME)
                    .daemon(true)
                    .priority(Thread.MIN_PRIORITY)
                    .start(this::run);
        }
    }

    private void run() {
        lowered = LowPriority.lowerCurrentThread();
        while (!closed) {
            ThumbnailSource source;
            try {
                source = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                for (ThumbnailSize size : sizes) {
                    if (closed) {
                        break;
                    }
                    cache.get(source, size);
                }
            } catch (NoThumbnailException e) {
                LOG.log(Level.DEBUG, "no thumbnail of {0}: {1}", source.file(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "thumbnail of {0} could not be made ahead: {1}", source.file(), e.toString());
            } finally {
                done(1);
            }
        }
    }

    private void done(int count) {
        if (count > 0 && inHand.addAndGet(-count) <= 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }
}
