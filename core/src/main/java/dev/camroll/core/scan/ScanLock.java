package dev.camroll.core.scan;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One scan at a time per library, across processes too: a lock on a file in the data folder. */
final class ScanLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ScanLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static ScanLock acquire(Path dataDir, Path root) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel =
                FileChannel.open(dataDir.resolve("scan.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new ScanException("another scan of " + root + " is running");
        }
        return new ScanLock(channel, lock);
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
