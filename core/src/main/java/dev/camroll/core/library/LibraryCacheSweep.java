package dev.camroll.core.library;

import dev.camroll.core.media.CacheSweep;
import dev.camroll.core.media.CacheSweeper;
import dev.camroll.core.media.SweepReport;
import dev.camroll.core.store.KnownAssetIds;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Keeps the thumbnail and rendition caches to the assets the index knows, whatever removed the
 * others (a scan in another process, the command line, a file deleted while no server ran): a
 * sweep of both cache folders against the index, in the background at the lowest priority, when
 * a long-running process asks at its start, then after each of its scans that removed rows. No
 * request pays for it. A trashed asset keeps its entries, and a cache folder that is not a real
 * folder of the data folder (a link planted in its place) is left alone.
 */
final class LibraryCacheSweep implements AutoCloseable {
    private static final Logger LOG = System.getLogger(LibraryCacheSweep.class.getName());

    /** The cache folders inside the data folder, as ThumbnailCache and RenditionCache name them. */
    private static final String THUMBNAILS = "thumbnails";

    private static final String RENDITIONS = "renditions";

    private final Path dataDir;
    private final CacheSweep.Index index;
    private final LibraryThumbnails thumbnails;
    private final LibraryRenditions renditions;
    private final CacheSweeper sweeper = new CacheSweeper(this::sweepNow);
    private volatile boolean inBackground;

    LibraryCacheSweep(Path dataDir, KnownAssetIds known, LibraryThumbnails thumbnails, LibraryRenditions renditions) {
        this.dataDir = dataDir;
        this.index = known::of;
        this.thumbnails = thumbnails;
        this.renditions = renditions;
    }

    /** Sweeps both caches now, on the calling thread. */
    SweepReport sweepNow() {
        return sweepFolder(THUMBNAILS, thumbnails::sweep).plus(sweepFolder(RENDITIONS, renditions::sweep));
    }

    /** Starts a sweep in the background, and one after each later scan that removed rows. */
    void startInBackground() {
        inBackground = true;
        sweeper.request();
    }

    /** A scan removed rows: their entries go too, when this process sweeps in the background. */
    void rowsRemoved() {
        if (inBackground) {
            sweeper.request();
        }
    }

    CacheSweeper sweeper() {
        return sweeper;
    }

    @Override
    public void close() {
        sweeper.close();
    }

    private SweepReport sweepFolder(String name, Function<CacheSweep.Index, SweepReport> sweep) {
        try {
            if (OwnFolders.existing(dataDir, name).isEmpty()) {
                return SweepReport.NONE;
            }
            return sweep.apply(index);
        } catch (RuntimeException e) {
            // A link planted as the folder, or a folder that cannot be read: nothing is removed.
            LOG.log(Level.WARNING, "{0} was not swept: {1}", dataDir.resolve(name), e.getMessage());
            return SweepReport.NONE;
        }
    }
}
