package dev.camroll.core.scan;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import io.methvin.watcher.visitor.FileTreeVisitor;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.helpers.NOPLogger;

/**
 * Watches a library's folder tree while it is open and brings the index up to date when other
 * programs change it. Events are only a hint that something changed in a folder: after a short
 * quiet time (or at most {@link #MAX_DELAY} after the first event) the incremental scan runs over
 * the folders that had events ({@link EventFolders}), which compares each with the index by
 * fingerprint, so a file still being copied (read again once its size or time changes), a folder
 * removed with its contents or moved in whole all end in an index that agrees with the disk. An
 * overflowing event stream, too many folders or a failed scan make the next scan cover the whole
 * tree.
 *
 * <p>Hidden files and folders and the data folder are neither watched nor counted: the index's
 * own writes (its WAL changes all the time) must not cause scans.
 *
 * <p>Two threads: one runs the watch service, one runs the scans. {@link #close()} stops both and
 * waits for a running scan to end.
 */
public final class LibraryWatcher implements AutoCloseable {
    private static final Logger LOG = System.getLogger(LibraryWatcher.class.getName());

    /** A scan starts once no event came for this long... */
    static final Duration QUIET = Duration.ofMillis(250);
    /** ...or this long after the first event that is not yet scanned, whichever comes first. */
    static final Duration MAX_DELAY = Duration.ofSeconds(1);
    /** After a failed scan (another process scanning, say), the next try waits this long. */
    static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    private final Path root;
    private final Path dataDir;
    private final Rescan rescan;
    private final DirectoryWatcher watcher;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private long firstEvent;
    private long lastEvent;
    private boolean dirty;
    /** The folders of the events since the last scan began; guarded by {@link #lock}. */
    private final EventFolders eventFolders;

    private boolean closed;
    private final Thread watchThread;
    /** The watch service's event loop, run by the watch thread; set before that thread starts. */
    private volatile Runnable eventLoop;

    private final Thread scanThread;

    /** Brings the index up to date with the disk: the library's incremental scan. */
    @FunctionalInterface
    public interface Rescan {
        /**
         * @param scope the folders to compare with the index
         * @param anotherScanFollows whether events arrived while it ran (another scan follows)
         */
        void scan(ScanScope scope, BooleanSupplier anotherScanFollows);
    }

    private LibraryWatcher(Path root, Path dataDir, Rescan rescan) throws IOException {
        this.root = root;
        this.eventFolders = new EventFolders(root);
        this.dataDir = dataDir;
        this.rescan = rescan;
        this.watcher = DirectoryWatcher.builder()
                .path(root)
                .fileHashing(false)
                .fileTreeVisitor(this::visitWatched)
                .logger(NOPLogger.NOP_LOGGER)
                .listener(this::onEvent)
                .build();
        this.watchThread =
                Thread.ofPlatform().name("camroll-watch").daemon(true).unstarted(this::watchLoop);
        this.scanThread =
                Thread.ofPlatform().name("camroll-watch-scan").daemon(true).unstarted(this::scanLoop);
    }

    /**
     * Starts watching {@code root} (a real path).
     *
     * @param rescan brings the index up to date with the disk (the library's incremental scan) in
     *     the folders that had events, told whether another scan will follow it
     * @throws ScanException when the folder cannot be watched (for example, the system's limit of
     *     watched folders is reached)
     */
    public static LibraryWatcher start(Path root, Path dataDir, Rescan rescan) {
        LibraryWatcher watcher;
        try {
            watcher = new LibraryWatcher(root, dataDir, rescan);
        } catch (IOException | RuntimeException e) {
            throw new ScanException("cannot watch " + root + ": " + e.getMessage(), e);
        }
        // The folders are registered here, before open goes on to scan: a change made right after
        // open returns is seen. (watch() would register them on the watch thread, after a delay
        // in which changes were missed.) The event loop then runs on the watch thread.
        CompletableFuture<Void> loop = watcher.watcher.watchAsync(eventLoop -> {
            watcher.eventLoop = eventLoop;
            watcher.watchThread.start();
        });
        if (loop.isCompletedExceptionally()) {
            Throwable cause = loop.exceptionNow();
            watcher.close();
            throw new ScanException("cannot watch " + root + ": " + cause.getMessage(), cause);
        }
        loop.whenComplete((ignored, e) -> {
            if (e != null && !watcher.isClosed()) {
                LOG.log(
                        Level.WARNING,
                        "watching " + root + " stopped: changes on disk are indexed by the next scan",
                        e);
            }
        });
        watcher.scanThread.start();
        return watcher;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the watch service failed", e);
        }
        join(watchThread);
        join(scanThread);
    }

    private static void join(Thread thread) {
        if (thread == Thread.currentThread()) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void watchLoop() {
        // Failures end up in the future watchAsync returned, which start() logs.
        eventLoop.run();
    }

    private void onEvent(DirectoryChangeEvent event) {
        boolean overflow = event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW || event.path() == null;
        if (!overflow && !counts(event.path())) {
            return;
        }
        overflow = overflow || isInAMissingFolder(event);
        lock.lock();
        try {
            if (overflow) {
                eventFolders.coverWholeTree();
            } else {
                eventFolders.changed(event.path(), event.isDirectory());
            }
            long now = System.nanoTime();
            if (!dirty) {
                dirty = true;
                firstEvent = now;
            }
            lastEvent = now;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether a file was created or changed in a folder that is not there: it was reported under
     * a path that is no longer its own (a watch can outlive a move of its folder), so where it is
     * no one knows, and the whole tree is scanned.
     */
    private boolean isInAMissingFolder(DirectoryChangeEvent event) {
        return event.eventType() != DirectoryChangeEvent.EventType.DELETE
                && !event.path().equals(root)
                && !Files.isDirectory(event.path().getParent(), LinkOption.NOFOLLOW_LINKS);
    }

    /** Whether a change at this path can change the index: not hidden, not in the data folder. */
    private boolean counts(Path path) {
        if (path == null) {
            return true;
        }
        if (path.startsWith(dataDir) || !path.startsWith(root)) {
            return false;
        }
        for (Path name : root.relativize(path)) {
            if (name.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    /** Registers the folders the scan walks: no hidden folder, no data folder, no symbolic link. */
    private void visitWatched(Path start, FileTreeVisitor.Callback onDirectory, FileTreeVisitor.Callback onFile)
            throws IOException {
        if (!counts(start) || !Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(start) && !counts(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                onDirectory.call(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && counts(file)) {
                    onFile.call(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // Gone or unreadable since it was listed: the scan decides what that means.
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void scanLoop() {
        boolean failing = false;
        ScanScope scope;
        while ((scope = awaitQuiet()) != null) {
            try {
                rescan.scan(scope, this::changesPending);
                failing = false;
            } catch (RuntimeException e) {
                if (isClosed()) {
                    return;
                }
                LOG.log(failing ? Level.DEBUG : Level.WARNING, "indexing changes of " + root + " failed; retrying", e);
                failing = true;
                lock.lock();
                try {
                    // What the failed scan wrote is unknown: the next one looks at everything.
                    eventFolders.coverWholeTree();
                    if (!dirty) {
                        dirty = true;
                        firstEvent = System.nanoTime();
                    }
                    lastEvent = System.nanoTime();
                    wake.await(RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    return;
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /**
     * Waits for events followed by a quiet time (or the longest delay) and returns the folders
     * they were in; null once closed.
     */
    private ScanScope awaitQuiet() {
        lock.lock();
        try {
            while (!closed) {
                if (!dirty) {
                    wake.await();
                    continue;
                }
                long now = System.nanoTime();
                long due = Math.min(lastEvent + QUIET.toNanos(), firstEvent + MAX_DELAY.toNanos());
                if (now - due >= 0) {
                    dirty = false;
                    return eventFolders.take();
                }
                wake.awaitNanos(due - now);
            }
            return null;
        } catch (InterruptedException e) {
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Whether events arrived since the running scan began: another scan will follow it. */
    private boolean changesPending() {
        lock.lock();
        try {
            return dirty;
        } finally {
            lock.unlock();
        }
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }
}
