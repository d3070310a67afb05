package dev.camroll.core.media;

import dev.camroll.api.InvalidArgumentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Thumbnails on disk under the data folder ({@code DATA/thumbnails/<2 chars>/<asset id>/}), made
 * on demand by a {@link Thumbnailer}.
 *
 * <p>An entry's name holds the size, the indexed file size and modification time, and a render
 * version, so an entry made before the file changed is never served after; making the new one
 * removes the asset's outdated ones, and {@link #remove} removes all of an asset's entries when it
 * is deleted. Entries are written under a temporary name and renamed, so that two processes
 * making the same thumbnail at once never serve a torn file (the last rename wins, with the same
 * bytes). In one process, a thumbnail asked for by several threads at once is made once.
 */
public final class ThumbnailCache {

    /** Raised when the way thumbnails are made changes, so that old entries are made again. */
    static final int RENDER_VERSION = 1;

    /** Temporary files of writes; one this old belongs to a process that died writing it. */
    static final String TEMPORARY_PREFIX = ".making-";

    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final Path folder;
    private final Thumbnailer thumbnailer;
    private final ConcurrentHashMap<Path, CompletableFuture<CachedThumbnail>> making = new ConcurrentHashMap<>();

    /** A cache in {@code dataFolder/thumbnails}. */
    public ThumbnailCache(Path dataFolder, Thumbnailer thumbnailer) {
        this.folder = Objects.requireNonNull(dataFolder, "dataFolder").resolve("thumbnails");
        this.thumbnailer = Objects.requireNonNull(thumbnailer, "thumbnailer");
    }

    /** The folder the entries are in. */
    public Path folder() {
        return folder;
    }

    /** A JPEG thumbnail: {@link #get(ThumbnailSource, ThumbnailSize, ThumbnailFormat)}. */
    public CachedThumbnail get(ThumbnailSource source, ThumbnailSize size) {
        return get(source, size, ThumbnailFormat.JPEG);
    }

    /**
     * The cached thumbnail of a file, made and stored first when there is none for its current
     * version.
     *
     * @throws NoThumbnailException when the file has none (nothing is stored then)
     * @throws UncheckedIOException when the cache cannot be written (a full disk: nothing partial
     *     is left)
     */
    public CachedThumbnail get(ThumbnailSource source, ThumbnailSize size, ThumbnailFormat format) {
        Path entry = entry(source, size, format);
        CachedThumbnail cached = existing(entry, format);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<CachedThumbnail> mine = new CompletableFuture<>();
        CompletableFuture<CachedThumbnail> running = making.putIfAbsent(entry, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            CachedThumbnail made = make(entry, source, size, format);
            mine.complete(made);
            return made;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            making.remove(entry, mine);
        }
    }

    /** Whether the current version's thumbnail is stored (nothing is made). */
    public boolean contains(ThumbnailSource source, ThumbnailSize size, ThumbnailFormat format) {
        return existing(entry(source, size, format), format) != null;
    }

    /**
     * Removes the entries of assets the index no longer knows (see {@link CacheSweep}); the
     * caller has checked that the cache folder is a real folder of the data folder.
     */
    public SweepReport sweep(CacheSweep.Index index) {
        try {
            return CacheSweep.sweep(folder, ABANDONED_AFTER, index);
        } catch (IOException e) {
            throw new UncheckedIOException("the thumbnails cache could not be swept", e);
        }
    }

    /** Removes every entry of an asset (when it is deleted or purged). */
    public void remove(String assetId) {
        CacheSweep.removeAssetFolder(assetFolder(assetId), assetId, "thumbnails");
    }

    private CachedThumbnail make(Path entry, ThumbnailSource source, ThumbnailSize size, ThumbnailFormat format) {
        CachedThumbnail cached = existing(entry, format);
        if (cached != null) {
            return cached; // another thread finished it between our look and our turn
        }
        Thumbnail thumbnail = thumbnailer.make(source.file(), source.format(), size, format);
        Path temporary = null;
        try {
            Files.createDirectories(entry.getParent());
            temporary = Files.createTempFile(entry.getParent(), TEMPORARY_PREFIX, ".tmp");
            Files.write(temporary, thumbnail.bytes());
            try {
                Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
            removeOutdated(entry, size, format);
            return new CachedThumbnail(entry, etag(entry), format.mimeType(), thumbnail.bytes().length);
        } catch (IOException e) {
            throw new UncheckedIOException("thumbnail could not be stored in " + entry.getParent(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the write failed already; that error is the one to report
                }
            }
        }
    }

    /**
     * Removes the asset's entries of this size and format made from an earlier version of its
     * file, and temporary files a process that died while writing left behind (old enough that no
     * live writer can still be at them).
     */
    private static void removeOutdated(Path entry, ThumbnailSize size, ThumbnailFormat format) throws IOException {
        String prefix = size.wireName() + "-";
        String suffix = "." + format.extension();
        long abandonedBefore = System.currentTimeMillis() - ABANDONED_AFTER.toMillis();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(entry.getParent())) {
            for (Path sibling : siblings) {
                String name = sibling.getFileName().toString();
                if (!sibling.equals(entry) && name.startsWith(prefix) && name.endsWith(suffix)) {
                    Files.deleteIfExists(sibling);
                } else if (name.startsWith(TEMPORARY_PREFIX) && modifiedBefore(sibling, abandonedBefore)) {
                    Files.deleteIfExists(sibling);
                }
            }
        }
    }

    private static boolean modifiedBefore(Path file, long millis) {
        try {
            return Files.getLastModifiedTime(file).toMillis() < millis;
        } catch (IOException e) {
            return false;
        }
    }

    private static CachedThumbnail existing(Path entry, ThumbnailFormat format) {
        try {
            long length = Files.size(entry);
            // An empty entry can only be what a crash left of a write: make it again.
            return length > 0 ? new CachedThumbnail(entry, etag(entry), format.mimeType(), length) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Path entry(ThumbnailSource source, ThumbnailSize size, ThumbnailFormat format) {
        String version = Long.toHexString(source.fileSize()) + "-" + Long.toHexString(source.modifiedMillis()) + "-r"
                + RENDER_VERSION;
        return assetFolder(source.assetId()).resolve(size.wireName() + "-" + version + "." + format.extension());
    }

    private Path assetFolder(String assetId) {
        if (!SAFE_ID.matcher(assetId).matches()) {
            throw new InvalidArgumentException("not an asset id: " + assetId);
        }
        String shard = assetId.length() >= 2 ? assetId.substring(0, 2) : assetId;
        return folder.resolve(shard).resolve(assetId);
    }

    /** The entry's name is its version: the same name always holds the same bytes. */
    private static String etag(Path entry) {
        String name = entry.getFileName().toString();
        return "\"" + entry.getParent().getFileName() + "-" + name.replace('.', '-') + "\"";
    }
}
