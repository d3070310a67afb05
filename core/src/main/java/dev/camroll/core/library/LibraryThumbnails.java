package dev.camroll.core.library;

import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.MediaType;
import dev.camroll.core.access.Scope;
import dev.camroll.core.media.CacheSweep;
import dev.camroll.core.media.CachedThumbnail;
import dev.camroll.core.media.NoThumbnailException;
import dev.camroll.core.media.SweepReport;
import dev.camroll.core.media.ThumbnailCache;
import dev.camroll.core.media.ThumbnailFormat;
import dev.camroll.core.media.ThumbnailPrefetcher;
import dev.camroll.core.media.ThumbnailSize;
import dev.camroll.core.media.ThumbnailSource;
import dev.camroll.core.media.Thumbnailer;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.scan.TrashFolder;
import dev.camroll.core.store.AssetRow;
import dev.camroll.core.store.AssetStore;
import dev.camroll.core.store.TrashListing;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The library's thumbnails: the cache under the data folder ({@code DATA/thumbnails}), reached
 * only through a scope (an asset the scope does not see has none, exactly like a missing one),
 * made from the file the index has for the asset, with the checks of {@link OriginalFiles}. The
 * background maker starts with the first assets handed to {@link #ahead} and stops when the
 * library closes.
 */
final class LibraryThumbnails implements AutoCloseable {
    private static final Logger LOG = System.getLogger(LibraryThumbnails.class.getName());

    /** How many assets one page of the listing for {@link #aheadForAll} holds. */
    private static final int PAGE = 1_000;

    /**
     * What is made ahead: the grid thumbnails of every asset first, then the previews, so that
     * the detail view opens at once too without ever delaying a grid.
     */
    private static final List<ThumbnailSize> AHEAD = List.of(ThumbnailSize.GRID, ThumbnailSize.PREVIEW);

    private final AssetStore assets;
    private final TrashListing trash;
    private final Path trashFolder;
    private final OriginalFiles originals;
    private final ThumbnailCache cache;
    private ThumbnailPrefetcher prefetcher;
    private boolean closed;

    LibraryThumbnails(Path dataDir, AssetStore assets, TrashListing trash, OriginalFiles originals) {
        this.assets = assets;
        this.trash = trash;
        this.trashFolder = TrashFolder.of(dataDir);
        this.originals = originals;
        this.cache = new ThumbnailCache(dataDir, new Thumbnailer());
    }

    /**
     * The cached thumbnail of an asset the scope sees, in the library or in its trash (so that a
     * view of the trash shows what it holds), made first if needed; empty when there is no such
     * asset for the scope or its file is gone.
     *
     * @throws NoThumbnailException when nothing can be drawn of the file
     */
    Optional<CachedThumbnail> get(Scope scope, String assetId, ThumbnailSize size, ThumbnailFormat format) {
        if (size == null || format == null) {
            throw new IllegalArgumentException("a thumbnail needs a size and a format");
        }
        Optional<AssetRow> live = assets.byPublicId(scope, assetId);
        Optional<ThumbnailSource> source = live.isPresent()
                ? live.flatMap(this::source)
                : trash.byPublicId(scope, assetId).flatMap(this::source);
        return source.map(found -> cache.get(found, size, format));
    }

    /** Makes the grid thumbnails and previews of these assets ahead, at the lowest priority; how many were handed on. */
    int ahead(Scope scope, Collection<String> assetIds) {
        ThumbnailPrefetcher running = prefetcher();
        if (running == null) {
            return 0; // the library is closing
        }
        List<ThumbnailSource> sources = new ArrayList<>();
        for (String id : assetIds) {
            try {
                assets.byPublicId(scope, id).flatMap(this::source).ifPresent(sources::add);
            } catch (NoThumbnailException e) {
                // Nothing to make ahead: asking for it later gives the same answer.
            }
        }
        if (sources.isEmpty()) {
            return 0;
        }
        try {
            running.submit(sources);
        } catch (IllegalStateException closedMeanwhile) {
            return 0;
        }
        return sources.size();
    }

    /** {@link #ahead} for every asset the scope sees, page by page of the library's own order. */
    int aheadForAll(ScopedLibrary library) {
        int handed = 0;
        String after = null;
        do {
            AssetPage page = library.getAssets(AssetQuery.builder()
                    .first(PAGE)
                    .after(after)
                    .mediaTypes(EnumSet.allOf(MediaType.class))
                    .build());
            handed += ahead(
                    library.scope(),
                    page.assets().stream().map(asset -> asset.id()).toList());
            after = page.hasNextPage() ? page.endCursor() : null;
        } while (after != null);
        return handed;
    }

    /**
     * Keeps the cache in step with a change set: thumbnails of the inserted and updated assets
     * are made ahead, and those of deleted assets that are not in the trash (their file went from
     * the folder tree) are removed; a trashed asset keeps its own, since it can come back.
     */
    void follow(Scope scope, ChangeSet changes, Set<String> trashed) {
        if (!changes.hasIncrementalChanges()) {
            return;
        }
        List<String> gone = new ArrayList<>();
        for (String id : changes.deletedAssets()) {
            if (!trashed.contains(id) && assets.byPublicId(scope, id).isEmpty()) {
                gone.add(id);
            }
        }
        removeAll(gone);
        List<String> made = new ArrayList<>(changes.insertedAssets());
        made.addAll(changes.updatedAssets());
        ahead(scope, made);
    }

    /** How many assets handed to {@link #ahead} are not done yet. */
    synchronized int pending() {
        return prefetcher == null ? 0 : prefetcher.pending();
    }

    /** Forgets the thumbnails of assets deleted for good. */
    void removeAll(List<String> assetIds) {
        for (String id : assetIds) {
            try {
                cache.remove(id);
            } catch (RuntimeException e) {
                // The asset is gone either way; a leftover entry is never served (no row names it).
                LOG.log(Level.WARNING, "thumbnails of {0} could not be removed: {1}", id, e.getMessage());
            }
        }
    }

    /** Removes the entries of assets the index no longer knows. */
    SweepReport sweep(CacheSweep.Index index) {
        return cache.sweep(index);
    }

    /** Stops the background maker; a thumbnail being made is finished or left unstored. */
    @Override
    public void close() {
        ThumbnailPrefetcher running;
        synchronized (this) {
            closed = true;
            running = prefetcher;
        }
        if (running != null) {
            running.close();
        }
    }

    private synchronized ThumbnailPrefetcher prefetcher() {
        if (closed) {
            return null;
        }
        if (prefetcher == null) {
            prefetcher = new ThumbnailPrefetcher(cache, AHEAD);
        }
        return prefetcher;
    }

    /** What the cache makes a thumbnail from: the file as indexed, when it is still the asset's own. */
    private Optional<ThumbnailSource> source(AssetRow row) {
        MediaFormat format = formatOf(row.format());
        if (format == null) {
            throw new NoThumbnailException(
                    NoThumbnailException.Reason.UNSUPPORTED_FORMAT,
                    row.filename() + " is in a format this version does not know: " + row.format());
        }
        return originals
                .locate(row)
                .map(file -> new ThumbnailSource(row.publicId(), file, format, row.fileSize(), row.modificationTime()));
    }

    /**
     * What the cache makes a trashed asset's thumbnail from: its file in the trash folder, a plain
     * file (never a link), with the size and time the row keeps, so that the entry made while it
     * was in the library is found again.
     */
    private Optional<ThumbnailSource> source(TrashListing.TrashedRow trashed) {
        AssetRow row = trashed.asset();
        MediaFormat format = formatOf(row.format());
        Path file = trashFolder.resolve(trashed.trashName());
        if (format == null
                || !file.getParent().equals(trashFolder)
                || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(new ThumbnailSource(row.publicId(), file, format, row.fileSize(), row.modificationTime()));
    }

    private static MediaFormat formatOf(String name) {
        for (MediaFormat known : MediaFormat.values()) {
            if (known.name().equals(name)) {
                return known;
            }
        }
        return null;
    }
}
