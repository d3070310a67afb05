package dev.camroll.core.library;

import dev.camroll.api.ChangeSet;
import dev.camroll.core.access.Scope;
import dev.camroll.core.media.BrowserFormats;
import dev.camroll.core.media.CacheSweep;
import dev.camroll.core.media.NoRenditionException;
import dev.camroll.core.media.RenditionCache;
import dev.camroll.core.media.RenditionKind;
import dev.camroll.core.media.RenditionPendingException;
import dev.camroll.core.media.RenditionSettings;
import dev.camroll.core.media.RenditionSource;
import dev.camroll.core.media.SweepReport;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.store.AssetRow;
import dev.camroll.core.store.AssetStore;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The library's renditions: what a browser is given of an asset, through a scope (an asset the
 * scope does not see has none, exactly like a missing one). The original when a browser shows it
 * as it is, else a rendition from the cache under the data folder ({@code DATA/renditions}),
 * made from the file the index has for the asset with the checks of {@link OriginalFiles}.
 */
final class LibraryRenditions implements AutoCloseable {
    private static final Logger LOG = System.getLogger(LibraryRenditions.class.getName());

    /** Judgments remembered: a video element asks for many ranges, each would open the file. */
    private static final int JUDGMENTS_KEPT = 4_096;

    private final AssetStore assets;
    private final OriginalFiles originals;
    private final RenditionCache cache;
    private final Map<String, Optional<RenditionKind>> judgments = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<RenditionKind>> eldest) {
            return size() > JUDGMENTS_KEPT;
        }
    };

    LibraryRenditions(Path dataDir, AssetStore assets, OriginalFiles originals, RenditionSettings settings) {
        this.assets = assets;
        this.originals = originals;
        this.cache = new RenditionCache(dataDir, settings);
    }

    /**
     * What a browser is given of an asset the scope sees, waiting up to {@code wait} for a
     * conversion; empty when there is no such asset for the scope or its file is gone.
     *
     * @throws NoRenditionException when the file can be neither shown nor converted
     * @throws RenditionPendingException when the conversion was not done within {@code wait}
     */
    Optional<AssetRendition> get(Scope scope, String assetId, Duration wait) {
        Optional<AssetRow> found = assets.byPublicId(scope, assetId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AssetRow row = found.get();
        MediaFormat format = formatOf(row);
        Optional<Path> file = originals.locate(row);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Optional<RenditionKind> needed = judge(row, file.get(), format);
        if (needed.isEmpty()) {
            return originals.original(row, scope).map(AssetRendition.AsIs::new);
        }
        RenditionKind kind = needed.get();
        RenditionSource source =
                new RenditionSource(row.publicId(), file.get(), format, row.fileSize(), row.modificationTime());
        return Optional.of(new AssetRendition.Converted(cache.get(source, kind, wait), renamed(row.filename(), kind)));
    }

    /**
     * Forgets the renditions of assets gone for good in a change set: deleted and not in the
     * trash (a trashed asset keeps its own, since it can come back).
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
    }

    /** Forgets the renditions of assets deleted for good. */
    void removeAll(List<String> assetIds) {
        for (String id : assetIds) {
            try {
                cache.remove(id);
            } catch (RuntimeException e) {
                // The asset is gone either way; a leftover entry is never served (no row names it).
                LOG.log(Level.WARNING, "renditions of {0} could not be removed: {1}", id, e.getMessage());
            }
        }
    }

    /** How many renditions this library has made (not found made by another process). */
    long madeCount() {
        return cache.madeCount();
    }

    /** Removes the entries of assets the index no longer knows. */
    SweepReport sweep(CacheSweep.Index index) {
        return cache.sweep(index);
    }

    @Override
    public void close() {
        cache.close();
    }

    private Optional<RenditionKind> judge(AssetRow row, Path file, MediaFormat format) {
        String version = row.publicId() + "/" + row.fileSize() + "/" + row.modificationTime();
        synchronized (judgments) {
            Optional<RenditionKind> known = judgments.get(version);
            if (known != null) {
                return known;
            }
        }
        Optional<RenditionKind> judged = BrowserFormats.judge(file, format);
        synchronized (judgments) {
            judgments.put(version, judged);
        }
        return judged;
    }

    /** The original's name with the rendition's extension. */
    static String renamed(String filename, RenditionKind kind) {
        int dot = filename.lastIndexOf('.');
        String stem = dot > 0 ? filename.substring(0, dot) : filename;
        return stem + "." + kind.extension();
    }

    private static MediaFormat formatOf(AssetRow row) {
        for (MediaFormat known : MediaFormat.values()) {
            if (known.name().equals(row.format())) {
                return known;
            }
        }
        throw new NoRenditionException(
                NoRenditionException.Reason.UNSUPPORTED_FORMAT,
                row.filename() + " is in a format this version does not know: " + row.format());
    }
}
