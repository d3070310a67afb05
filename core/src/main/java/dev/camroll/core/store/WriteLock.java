package dev.camroll.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one lock of the writes that place or move files (creation from its placement to its row,
 * delete, restore, purge, album operations), of the scan's writes to the index and of the
 * reconciliation at open, across processes: a file lock on {@code DATA/write.lock}. Whoever holds
 * it knows that no other process is between the file moves and the commit of such a write, so
 * what looks half done was left by a process that died, and a file the scan found is either
 * indexed by its writer or gone again.
 *
 * <p>Inside one process the file lock is held once, by whichever thread holds the in-process lock
 * (a JVM cannot lock one file twice); the in-process lock is reentrant, so an album deletion that
 * trashes its assets takes it once more.
 */
public final class WriteLock {
    public static final String FILE = "write.lock";

    /** One per lock file in this JVM: two library objects of one folder share it. */
    private static final ConcurrentHashMap<Path, WriteLock> BY_FILE = new ConcurrentHashMap<>();

    private final Path file;
    private final ReentrantLock local = new ReentrantLock();
    private FileChannel channel;
    private FileLock held;

    private WriteLock(Path file) {
        this.file = file;
    }

    public static WriteLock of(Path dataDir) {
        Path file = dataDir.resolve(FILE).toAbsolutePath().normalize();
        return BY_FILE.computeIfAbsent(file, WriteLock::new);
    }

    /** Holds the lock until the returned handle is closed; waits for another process's write. */
    public Held hold() {
        local.lock();
        if (local.getHoldCount() == 1) {
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                held = channel.lock();
            } catch (IOException e) {
                release();
                throw new DataFolderException(
                        DataFolderProblem.READ_ONLY,
                        "cannot lock " + file + " for writing (" + e.getMessage()
                                + "): the data folder must be writable to change the library",
                        e);
            } catch (RuntimeException e) {
                release();
                throw e;
            }
        }
        return this::release;
    }

    private void release() {
        try {
            if (local.getHoldCount() == 1) {
                closeChannel();
            }
        } finally {
            local.unlock();
        }
    }

    private void closeChannel() {
        try {
            if (held != null) {
                held.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Closing the channel releases the lock; the process ending does too.
        } finally {
            held = null;
            channel = null;
        }
    }

    /** The lock, held until closed. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
