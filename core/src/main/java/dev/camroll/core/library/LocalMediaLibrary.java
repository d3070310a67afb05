package dev.camroll.core.library;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.AssetSource;
import dev.camroll.api.ChangeListener;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.api.MonthCounts;
import dev.camroll.api.PermissionResponse;
import dev.camroll.api.ScanProgress;
import dev.camroll.api.ScanReport;
import dev.camroll.api.ScanWarning;
import dev.camroll.api.Subscription;
import dev.camroll.core.access.AccessLog;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.AppRegistry;
import dev.camroll.core.access.Scope;
import dev.camroll.core.events.ChangeDispatcher;
import dev.camroll.core.media.CacheSweeper;
import dev.camroll.core.media.RenditionSettings;
import dev.camroll.core.media.SweepReport;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.moments.MomentIndex;
import dev.camroll.core.picker.LocalPickerSessions;
import dev.camroll.core.picker.PickerSessions;
import dev.camroll.core.scan.LibraryScanner;
import dev.camroll.core.scan.LibraryWatcher;
import dev.camroll.core.scan.ScanScope;
import dev.camroll.core.store.AssetStore;
import dev.camroll.core.store.Database;
import dev.camroll.core.store.FolderRenames;
import dev.camroll.core.store.Journal;
import dev.camroll.core.store.KnownAssetIds;
import dev.camroll.core.store.PickerSessionStore;
import dev.camroll.core.store.ScanStore;
import dev.camroll.core.store.SqlAccessLog;
import dev.camroll.core.store.SqlGrants;
import dev.camroll.core.store.TrashListing;
import dev.camroll.core.store.TrashRecords;
import dev.camroll.core.store.WriteLock;
import dev.camroll.core.store.WriteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The embedded library: the index of one folder tree, read and kept up to date in-process. As a
 * MediaLibrary it is the owner's, who sees everything; {@link #scoped} gives views through other
 * scopes.
 */
public final class LocalMediaLibrary implements MediaLibrary {
    /** How long deletions are remembered for changesSince; older tokens get a full reload. */
    private static final Duration TOMBSTONE_RETENTION = Duration.ofDays(30);

    /** How often listeners' library is checked for writes of other processes. */
    private static final Duration EVENT_POLL_INTERVAL = Duration.ofMillis(250);

    private final Path root;
    private final LibraryScanner scanner;
    private final TrashReconciliation trashReconciliation;

    // The parts the scoped views work with (package-private for them).
    final Database database;
    final AssetStore assets;
    final AlbumDirectory albums;
    final OriginalFiles originals;
    final LibraryQueries queries;
    final Journal journal;
    final ChangeDispatcher events;
    final AssetCreation creation;
    final TrashWrites trash;
    final AlbumWrites albumWrites;
    final AlbumMigration albumMigration;
    final AlbumRename albumRename;
    final TrashPages trashPages;
    final LibraryThumbnails thumbnails;
    final LibraryRenditions renditions;
    final AppGrants grants;
    final AppWriteCheck appWrites;
    final AccessLog accessLog;
    private final LibraryCacheSweep cacheSweep;
    private final LocalPickerSessions pickers;

    /** The owner's view, through which this library answers as a MediaLibrary. */
    private final ScopedView owner;

    /**
     * Writes hold the read side, a scan the write side: a scan never sees a file placed whose row
     * is not written yet (it would index it a second time), nor a row whose file is in transit.
     */
    private final ReentrantReadWriteLock scanGate = new ReentrantReadWriteLock();

    /** Watches the folder tree while open (LibraryOptions.watch); null when not watching. */
    private volatile LibraryWatcher watcher;

    private final AtomicBoolean noticesReported = new AtomicBoolean();

    private LocalMediaLibrary(Path root, Path dataDir, Database database, LibraryOptions options) {
        this.root = root;
        this.database = database;
        this.assets = new AssetStore(database);
        this.scanner = new LibraryScanner(root, dataDir, new ScanStore(database), new MediaProbe(options.timeZone()));
        this.albums = new AlbumDirectory(assets, root);
        this.originals = new OriginalFiles(albums);
        this.queries = new LibraryQueries(assets, albums, originals, new MomentIndex(database, options.timeZone()));
        this.thumbnails = new LibraryThumbnails(dataDir, assets, new TrashListing(database), originals);
        this.renditions = new LibraryRenditions(dataDir, assets, originals, RenditionSettings.fromSystemProperties());
        this.cacheSweep = new LibraryCacheSweep(dataDir, new KnownAssetIds(database), thumbnails, renditions);
        this.journal = new Journal(database);
        this.grants = new AppGrants(new SqlGrants(database), Clock.systemUTC());
        this.appWrites = new AppWriteCheck(this);
        this.accessLog = new AccessLog(new SqlAccessLog(database), Clock.systemUTC(), AccessLog.DEFAULT_RETENTION);
        grants.carryOutConfirmedWith(new ConfirmedAppChanges(this));
        this.owner = new ScopedView(this, Scope.owner());
        this.pickers = new LocalPickerSessions(
                new PickerSessionStore(database), dataDir, owner, this::forApp, Clock.systemUTC());
        this.events = new ChangeDispatcher(owner::changeToken, owner::changesSince, EVENT_POLL_INTERVAL);
        WriteStore writeStore = new WriteStore(database);
        LibraryFolders folders = new LibraryFolders(root, writeStore, assets);
        this.creation = new AssetCreation(
                folders,
                writeStore,
                new MediaProbe(options.timeZone()),
                new FileSources(root, assets),
                WriteLock.of(dataDir));
        TrashRecords trashRecords = new TrashRecords(database);
        this.trash = new TrashWrites(dataDir, folders, writeStore, trashRecords, assets, purged -> {
            thumbnails.removeAll(purged);
            renditions.removeAll(purged);
        });
        this.trashReconciliation = new TrashReconciliation(dataDir, folders, trash, writeStore, trashRecords);
        this.albumWrites = new AlbumWrites(root, dataDir, new WriteStore(database), folders, creation, trash);
        this.albumMigration = new AlbumMigration(root, new WriteStore(database), folders, WriteLock.of(dataDir));
        this.trashPages = new TrashPages(new TrashListing(database));
        this.albumRename = new AlbumRename(root, dataDir, new FolderRenames(database), folders, assets, trash, grants);
    }

    static LocalMediaLibrary open(Path root, LibraryOptions options) {
        LibraryLocation location = LibraryLocation.of(root, options.dataDir());
        Database database = Database.open(location.indexFile());
        LocalMediaLibrary library = new LocalMediaLibrary(location.root(), location.dataDir(), database, options);
        try {
            if (!database.readOnly()) {
                library.reconcile(options);
            }
            // The watcher starts before the scan, so that a change made during the scan is not missed.
            if (options.watch()) {
                library.startWatching(location.dataDir());
            }
            if (options.scanOnOpen()) {
                library.scan(options.progress());
            } else if (!database.notices().isEmpty()) {
                // The damaged index was replaced by an empty one: rebuilt from the folder tree now,
                // leaving the notice to the report of the scan the caller runs, if any.
                library.scan(
                        options.progress(), ScanScope.WHOLE_TREE, () -> false, LibraryScanner.WAIT_FOR_ANOTHER_SCAN);
            }
        } catch (RuntimeException e) {
            library.close();
            throw e;
        }
        return library;
    }

    /**
     * Finishes or undoes what processes that died left half done, under the write lock (see
     * {@link TrashReconciliation}); then the trash past its retention goes.
     */
    private void reconcile(LibraryOptions options) {
        journal.purgeTombstones(System.currentTimeMillis() - TOMBSTONE_RETENTION.toMillis());
        // Trash first: a delete interrupted by a crash puts its files back before the scan looks.
        trashReconciliation.reconcile();
        // Album moves interrupted before their rows followed: the files go back before the scan.
        albumWrites.rollBackMoves();
        trash.purgeExpired(options.trashRetention());
        accessLog.purge();
        pickers.purgeExpired();
        pickers.removeLeftoverFiles();
    }

    /** What opening did on its own that the user should know (a damaged index moved aside). */
    @Override
    public List<String> notices() {
        return database.notices();
    }

    public Path root() {
        return root;
    }

    @Override
    public ScanReport scan(ScanProgress progress) {
        return withNotices(scan(progress, ScanScope.WHOLE_TREE, () -> false, LibraryScanner.WAIT_FOR_ANOTHER_SCAN));
    }

    /** See {@link LibraryScanner#scan(ScanProgress, ScanScope, BooleanSupplier, Duration)}. */
    private ScanReport scan(
            ScanProgress progress, ScanScope scope, BooleanSupplier anotherScanFollows, Duration waitForAnotherScan) {
        database.requireWritable();
        ScanReport report;
        Lock gate = scanGate.writeLock();
        gate.lock();
        try {
            albumWrites.rollBackMoves();
            report = scanner.scan(
                    progress == null ? ScanProgress.NONE : progress, scope, anotherScanFollows, waitForAnotherScan);
        } finally {
            gate.unlock();
        }
        albums.clear();
        events.committed();
        if (report.removed() > 0) {
            cacheSweep.rowsRemoved();
        }
        if (report.added() + report.removed() > 1_000) {
            database.optimize();
        }
        return report;
    }

    /** The first scan's report also tells what opening did on its own, as warnings. */
    private ScanReport withNotices(ScanReport report) {
        if (database.notices().isEmpty() || !noticesReported.compareAndSet(false, true)) {
            return report;
        }
        List<ScanWarning> warnings = new ArrayList<>();
        for (String notice : database.notices()) {
            warnings.add(new ScanWarning(LibraryLocation.INDEX_FILE, notice, false));
        }
        warnings.addAll(report.warnings());
        return new ScanReport(
                report.added(),
                report.changed(),
                report.removed(),
                report.unchanged(),
                warnings,
                report.elapsedMillis());
    }

    /**
     * This library seen through a scope: its reads and writes go through it, and it hands out the
     * original files of the assets it sees. Closing the view does not close the library.
     */
    public ScopedLibrary scoped(Scope scope) {
        return new ScopedView(this, scope);
    }

    /**
     * The apps of this library and the tokens they hold. Which assets an app sees is its grant's
     * business; the registry only knows who an app is and which of its tokens are valid.
     */
    public AppRegistry apps() {
        return AppRegistry.of(database);
    }

    /**
     * The library as an app sees it: its scope is read from the app's grant on every call, so a
     * changed, ended or revoked grant takes effect at once; an app never seen sees nothing.
     */
    public ScopedLibrary forApp(AppId app) {
        return new AppLibrary(this, Objects.requireNonNull(app, "app"));
    }

    /** The picker's sessions: apps (or the owner) ask the person to pick media, and get the result files. */
    public PickerSessions pickerSessions() {
        return pickers;
    }

    /** What each app read and changed, for the owner. */
    public AccessLog accessLog() {
        return accessLog;
    }

    /** The grants of the library's apps, their requests and the person's answers. */
    public AppGrants grants() {
        return grants;
    }

    // The owner's MediaLibrary: every operation through the owner's view.

    @Override
    public AssetPage getAssets(AssetQuery query) {
        return owner.getAssets(query);
    }

    @Override
    public MonthCounts monthCounts(AssetQuery query, ZoneId zone) {
        return owner.monthCounts(query, zone);
    }

    @Override
    public AssetInfo getAssetInfo(String id) {
        return owner.getAssetInfo(id);
    }

    @Override
    public List<Album> getAlbums(boolean includeSmartAlbums) {
        return owner.getAlbums(includeSmartAlbums);
    }

    @Override
    public Album getAlbum(String title) {
        return owner.getAlbum(title);
    }

    @Override
    public List<Album> getMoments() {
        return owner.getMoments();
    }

    @Override
    public void setFavorite(String id, boolean favorite) {
        owner.setFavorite(id, favorite);
    }

    @Override
    public Asset createAsset(AssetSource source, String album) {
        return owner.createAsset(source, album);
    }

    @Override
    public void saveToLibrary(AssetSource source) {
        owner.saveToLibrary(source);
    }

    @Override
    public void deleteAssets(List<String> ids) {
        owner.deleteAssets(ids);
    }

    @Override
    public void restoreAssets(List<String> ids) {
        owner.restoreAssets(ids);
    }

    @Override
    public AssetPage getTrashedAssets(int first, String after) {
        return owner.getTrashedAssets(first, after);
    }

    @Override
    public List<String> trashedAssets() {
        return owner.trashedAssets();
    }

    @Override
    public void purgeTrash() {
        owner.purgeTrash();
    }

    @Override
    public Album createAlbum(String name, String assetId, boolean copy, String initialAssetLocalUri) {
        return owner.createAlbum(name, assetId, copy, initialAssetLocalUri);
    }

    @Override
    public Album renameAlbum(String albumId, String newTitle) {
        return owner.renameAlbum(albumId, newTitle);
    }

    @Override
    public void addAssetsToAlbum(List<String> assetIds, String albumId, boolean copy) {
        owner.addAssetsToAlbum(assetIds, albumId, copy);
    }

    @Override
    public void removeAssetsFromAlbum(List<String> assetIds, String albumId) {
        owner.removeAssetsFromAlbum(assetIds, albumId);
    }

    @Override
    public void deleteAlbums(List<String> albumIds, boolean assetRemove) {
        owner.deleteAlbums(albumIds, assetRemove);
    }

    @Override
    public boolean albumNeedsMigration(String albumId) {
        return owner.albumNeedsMigration(albumId);
    }

    @Override
    public void migrateAlbumIfNeeded(String albumId) {
        owner.migrateAlbumIfNeeded(albumId);
    }

    @Override
    public PermissionResponse getPermissions(boolean writeOnly, Set<GranularPermission> granular) {
        return owner.getPermissions(writeOnly, granular);
    }

    @Override
    public PermissionResponse requestPermissions(boolean writeOnly, Set<GranularPermission> granular) {
        return owner.requestPermissions(writeOnly, granular);
    }

    @Override
    public void presentPermissionsPicker(Set<MediaType> mediaTypes) {
        owner.presentPermissionsPicker(mediaTypes);
    }

    @Override
    public Subscription addListener(ChangeListener listener) {
        return events.add(listener);
    }

    /** Every listener of the library, those added through scoped views included. */
    @Override
    public void removeAllListeners() {
        events.removeAll();
    }

    @Override
    public String changeToken() {
        return owner.changeToken();
    }

    @Override
    public ChangeSet changesSince(String token) {
        return owner.changesSince(token);
    }

    /**
     * Changes on disk are indexed by the incremental scan, which tells listeners. The watcher starts
     * before the scan on open, so that a change made during that scan is not missed.
     */
    private void startWatching(Path dataDir) {
        try {
            watcher = LibraryWatcher.start(
                    root,
                    dataDir,
                    (scope, anotherScanFollows) -> scan(ScanProgress.NONE, scope, anotherScanFollows, Duration.ZERO));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        LibraryWatcher watching = watcher;
        if (watching != null) {
            watching.close();
        }
        cacheSweep.close();
        thumbnails.close();
        renditions.close();
        events.close();
        database.close();
    }

    /**
     * Sweeps the thumbnail and rendition caches against the index in the background, at the
     * lowest priority, now and after each later scan that removed rows: the entries of assets
     * gone while no sweeping process ran (a scan elsewhere, a deleted file) go. For long-running
     * processes (the server), once at their start; nothing on a read-only data folder.
     */
    public void sweepCachesInBackground() {
        if (!database.readOnly()) {
            cacheSweep.startInBackground();
        }
    }

    /** One sweep of the caches now, on the calling thread; what it removed. */
    public SweepReport sweepCaches() {
        database.requireWritable();
        return cacheSweep.sweepNow();
    }

    /** The background sweeper of {@link #sweepCachesInBackground()} (its count, report, idleness). */
    public CacheSweeper cacheSweeper() {
        return cacheSweep.sweeper();
    }

    <T> T underGate(Supplier<T> work) {
        database.requireWritable();
        Lock gate = scanGate.readLock();
        gate.lock();
        try {
            return work.get();
        } finally {
            gate.unlock();
        }
    }
}
