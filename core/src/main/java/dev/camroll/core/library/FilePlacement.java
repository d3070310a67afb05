package dev.camroll.core.library;

import dev.camroll.core.files.RawNames;
import dev.camroll.core.scan.WriteTempFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Puts a complete file under a name without ever replacing another file: a hard link, which
 * fails when the name exists, then the source name is removed. Where hard links are not possible
 * (another file system, one without links), an atomic rename under a lock of this process.
 */
final class FilePlacement {
    private static final Object FALLBACK_LOCK = new Object();

    private FilePlacement() {}

    /**
     * A hidden name for a temporary file in {@code folder}, keeping the extension; it names this
     * process, so that the scan deletes it after a crash but never while this process runs.
     */
    static Path tempIn(Path folder, String extension) {
        return folder.resolve(WriteTempFiles.newName(extension));
    }

    /**
     * Moves {@code source} to {@code target} unless {@code target} exists.
     *
     * @return false, with nothing changed, when the target name is taken
     */
    static boolean placeNoReplace(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException | UnsupportedOperationException e) {
            return moveUnlessExists(source, target);
        }
        try {
            Files.delete(source);
        } catch (IOException e) {
            // The source's folder cannot be changed (read-only, immutable): the link would be a
            // second name of the file, indexed as a duplicate asset. The placement did not happen.
            Files.delete(target);
            throw e;
        }
        syncFolder(target.getParent());
        return true;
    }

    private static boolean moveUnlessExists(Path source, Path target) throws IOException {
        synchronized (FALLBACK_LOCK) {
            if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            try {
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // Another file system: a flushed copy beside the target first, then a rename.
                Path temp = tempIn(target.getParent(), FileNames.extension(RawNames.nameOf(target)));
                Files.copy(source, temp);
                force(temp);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                try {
                    Files.delete(source);
                } catch (IOException notRemoved) {
                    Files.delete(target);
                    throw notRemoved;
                }
            }
        }
        syncFolder(target.getParent());
        return true;
    }

    static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Makes a folder's entries durable (a rename is on disk once its folder is synced). */
    static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform can open a folder; the rename itself is still atomic.
        }
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (NoSuchFileException ignored) {
            // Gone already.
        } catch (IOException ignored) {
            // A leftover hidden temporary file is skipped by the scan.
        }
    }
}
