package dev.camroll.core.scan;

import dev.camroll.api.ErrorCode;
import dev.camroll.api.ScanProgress;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * One scan at a time per library, across processes too: a lock on a file in the data folder. A
 * scan that finds the lock taken (a {@code watch} or another {@code scan} is scanning) waits for
 * it, up to a bound the caller gives (see {@link LibraryScanner#WAIT_FOR_ANOTHER_SCAN}): the other scan brings the same index up to date, so failing would
 * only make the person run the command again.
 */
final class ScanLock implements AutoCloseable {
    private static final long POLL_MILLIS = 50;

    private final FileChannel channel;
    private final FileLock lock;

    private ScanLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static ScanLock acquire(Path dataDir, Path root, ScanProgress progress, Duration maxWait) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel =
                FileChannel.open(dataDir.resolve("scan.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = tryLock(channel);
            if (lock == null && maxWait.isPositive()) {
                if (progress != null) {
                    progress.waitingForAnotherScan(maxWait);
                }
                long deadline = System.nanoTime() + maxWait.toNanos();
                while (lock == null && System.nanoTime() < deadline) {
                    Thread.sleep(POLL_MILLIS);
                    lock = tryLock(channel);
                }
            }
            if (lock == null) {
                throw new ScanException(
                        ErrorCode.UNAVAILABLE,
                        maxWait.isPositive()
                                ? "another scan of " + root + " has been running for over " + maxWait.toMinutes()
                                        + " minutes; try again when it is done"
                                : "another scan of " + root + " is running");
            }
            return new ScanLock(channel, lock);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            throw new ScanException(ErrorCode.UNAVAILABLE, "interrupted while waiting for another scan of " + root);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The lock, or null while a scan holds it (in another process, or in this one). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
