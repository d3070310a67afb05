package dev.camroll.core.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes the entries of assets the index no longer knows from a cache folder laid out as
 * {@code <2 chars>/<asset id>/<entry>} (thumbnails, renditions), whatever removed the assets: a
 * scan in another process, a file deleted while no server ran.
 *
 * <p>It deletes only what a cache made itself: plain files in asset folders, found without
 * following a link (a link, or anything that is not a folder where a folder should be, is left
 * alone with what it points to). A file written after the sweep began is never removed (an asset
 * added meanwhile may be having its entry made), nor a temporary file younger than the cache's
 * abandonment age (another process may still be writing it), nor a conversion's lock file that a
 * process holds. The index is asked about
 * the asset folders found, a batch at a time, so a sweep costs one listing of the folders and a
 * few hundred lookups for 100,000 assets.
 */
public final class CacheSweep {

    /** Which of some asset ids the index still knows (assets and trashed assets). */
    @FunctionalInterface
    public interface Index {
        Set<String> known(Collection<String> assetIds);
    }

    private static final int BATCH = 500;
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final String TEMPORARY_PREFIX = ".making-";
    private static final String LOCK_PREFIX = ".lock-";

    private final Path folder;
    private final Duration abandonedAfter;
    private final Index index;
    private long startedAt;
    private int seen;
    private int gone;
    private int removed;

    private CacheSweep(Path folder, Duration abandonedAfter, Index index) {
        this.folder = folder;
        this.abandonedAfter = abandonedAfter;
        this.index = index;
    }

    /**
     * Removes an asset's folder of a cache and everything in it, when the asset is deleted or
     * purged: one way for thumbnails and renditions alike. The walk follows no link, so a link
     * planted there goes itself, never what it points at.
     *
     * @param what the cache's entries, for the message ("thumbnails", "renditions")
     */
    static void removeAssetFolder(Path assetFolder, String assetId, String what) {
        if (!Files.isDirectory(assetFolder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(assetFolder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (NoSuchFileException e) {
            // another process removed it first
        } catch (IOException e) {
            throw new UncheckedIOException(what + " of " + assetId + " could not be removed", e);
        }
    }

    /**
     * Sweeps {@code folder} against the index; stops early, with what it did so far, when the
     * thread is interrupted.
     */
    public static SweepReport sweep(Path folder, Duration abandonedAfter, Index index) throws IOException {
        return new CacheSweep(folder, abandonedAfter, index).run();
    }

    private SweepReport run() throws IOException {
        startedAt = System.currentTimeMillis();
        if (!isRealFolder(folder)) {
            return SweepReport.NONE;
        }
        List<Path> waiting = new ArrayList<>();
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(folder)) {
            for (Path shard : shards) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                if (!isRealFolder(shard)) {
                    continue;
                }
                String prefix = shard.getFileName().toString();
                try (DirectoryStream<Path> assetFolders = Files.newDirectoryStream(shard)) {
                    for (Path assetFolder : assetFolders) {
                        String id = assetFolder.getFileName().toString();
                        if (SAFE_ID.matcher(id).matches() && id.startsWith(prefix) && isRealFolder(assetFolder)) {
                            waiting.add(assetFolder);
                        }
                    }
                } catch (NoSuchFileException e) {
                    continue; // removed by another process meanwhile
                }
                if (waiting.size() >= BATCH) {
                    settle(waiting);
                }
            }
        }
        if (!Thread.currentThread().isInterrupted()) {
            settle(waiting);
        }
        return new SweepReport(seen, gone, removed);
    }

    /** Asks the index about the waiting asset folders and empties those of unknown assets. */
    private void settle(List<Path> waiting) throws IOException {
        Set<String> known = index.known(
                waiting.stream().map(path -> path.getFileName().toString()).toList());
        for (Path assetFolder : waiting) {
            seen++;
            if (!known.contains(assetFolder.getFileName().toString())) {
                gone++;
                empty(assetFolder);
            }
        }
        waiting.clear();
    }

    private void empty(Path assetFolder) throws IOException {
        long abandonedBefore = startedAt - abandonedAfter.toMillis();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(assetFolder)) {
            entries.forEach(files::add);
        } catch (NoSuchFileException e) {
            return;
        }
        for (Path file : files) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                continue;
            }
            if (!attributes.isRegularFile()) {
                continue; // a link or a folder: not an entry the cache wrote
            }
            String name = file.getFileName().toString();
            long modified = attributes.lastModifiedTime().toMillis();
            if (modified >= startedAt) {
                continue;
            }
            if (name.startsWith(LOCK_PREFIX)) {
                // A finished conversion leaves its lock file; one held is a conversion under way.
                if (heldByAnother(file)) {
                    continue;
                }
            } else if (name.startsWith(TEMPORARY_PREFIX) && modified >= abandonedBefore) {
                continue;
            }
            // The folder is checked again right before: a folder swapped for a link meanwhile
            // would make the delete reach wherever it points.
            if (isRealFolder(assetFolder) && Files.deleteIfExists(file)) {
                removed++;
            }
        }
        // The shard folder stays: a thumbnail being made may be creating its asset folder in it.
        removeIfEmpty(assetFolder);
    }

    /** Whether a process holds the lock of a conversion on this file (this one included). */
    private static boolean heldByAnother(Path lockFile) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return true; // cannot tell: it stays
        }
    }

    private static void removeIfEmpty(Path emptied) throws IOException {
        try {
            if (isRealFolder(emptied)) {
                Files.deleteIfExists(emptied);
            }
        } catch (DirectoryNotEmptyException e) {
            // something else is in it: it stays
        }
    }

    private static boolean isRealFolder(Path path) {
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }
}
