package dev.camroll.core.library;

import dev.camroll.api.Album;
import dev.camroll.api.AlbumType;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.AssetSource;
import dev.camroll.api.ChangeListener;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.NotFoundException;
import dev.camroll.api.ScanProgress;
import dev.camroll.api.ScanReport;
import dev.camroll.api.ScanWarning;
import dev.camroll.api.Subscription;
import dev.camroll.core.access.Scope;
import dev.camroll.core.events.ChangeDispatcher;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.scan.LibraryScanner;
import dev.camroll.core.scan.LibraryWatcher;
import dev.camroll.core.scan.ScanScope;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.AssetRow;
import dev.camroll.core.store.AssetStore;
import dev.camroll.core.store.Database;
import dev.camroll.core.store.Journal;
import dev.camroll.core.store.JournalChanges;
import dev.camroll.core.store.ScanStore;
import dev.camroll.core.store.TrashRecords;
import dev.camroll.core.store.WriteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The embedded library: the index of one folder tree, read and kept up to date in-process. */
public final class LocalMediaLibrary implements ScopedLibrary {
    /** How long deletions are remembered for changesSince; older tokens get a full reload. */
    private static final Duration TOMBSTONE_RETENTION = Duration.ofDays(30);

    /** How often listeners' library is checked for writes of other processes. */
    private static final Duration EVENT_POLL_INTERVAL = Duration.ofMillis(250);

    private final Path root;
    private final Database database;
    private final AssetStore assets;
    private final LibraryScanner scanner;
    private final AlbumDirectory albums;
    private final LibraryQueries queries;
    private final Journal journal;
    private final ChangeDispatcher events;
    private final AssetCreation creation;
    private final TrashWrites trash;
    private final TrashReconciliation trashReconciliation;
    private final AlbumWrites albumWrites;

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
        this.queries = new LibraryQueries(assets, albums);
        this.journal = new Journal(database);
        this.events = new ChangeDispatcher(this::changeToken, this::changesSince, EVENT_POLL_INTERVAL);
        WriteStore writeStore = new WriteStore(database);
        LibraryFolders folders = new LibraryFolders(root, writeStore, assets);
        this.creation = new AssetCreation(folders, writeStore, new MediaProbe(options.timeZone()));
        TrashRecords trashRecords = new TrashRecords(database);
        this.trash = new TrashWrites(dataDir, folders, writeStore, trashRecords, assets);
        this.trashReconciliation = new TrashReconciliation(dataDir, folders, trash, writeStore, trashRecords);
        this.albumWrites = new AlbumWrites(root, dataDir, new WriteStore(database), folders, creation, trash);
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
            report = scanner.scan(
                    progress == null ? ScanProgress.NONE : progress, scope, anotherScanFollows, waitForAnotherScan);
        } finally {
            gate.unlock();
        }
        albums.clear();
        events.committed();
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

    /** The library as the scope sees it: the owner sees all of it, so the view is the library itself. */
    public ScopedLibrary scoped(Scope scope) {
        return switch (Objects.requireNonNull(scope, "scope")) {
            case Scope.Owner owner -> this;
        };
    }

    @Override
    public Scope scope() {
        return Scope.owner();
    }

    @Override
    public Optional<OriginalFile> original(String assetId) {
        return queries.original(assetId);
    }

    @Override
    public AssetPage getAssets(AssetQuery query) {
        return queries.getAssets(query);
    }

    @Override
    public AssetInfo getAssetInfo(String id) {
        return queries.getAssetInfo(id);
    }

    @Override
    public List<Album> getAlbums(boolean includeSmartAlbums) {
        return queries.getAlbums(includeSmartAlbums);
    }

    @Override
    public Album getAlbum(String title) {
        return queries.getAlbum(title);
    }

    @Override
    public void setFavorite(String id, boolean favorite) {
        if (!assets.setFavorite(id, favorite)) {
            throw new NotFoundException("asset", List.of(String.valueOf(id)));
        }
        events.committed();
    }

    @Override
    public Asset createAsset(AssetSource source, String album) {
        AssetRow created = underGate(() -> creation.create(source, album));
        events.committed();
        // From the written row, not read again: a delete by another thread may already have run.
        return queries.toAsset(created);
    }

    @Override
    public void saveToLibrary(AssetSource source) {
        underGate(() -> creation.create(source, null));
        events.committed();
    }

    @Override
    public void deleteAssets(List<String> ids) {
        underGate(() -> {
            trash.delete(ids);
            return null;
        });
        events.committed();
    }

    @Override
    public void restoreAssets(List<String> ids) {
        underGate(() -> {
            trash.restore(ids);
            return null;
        });
        // A restore may have given a folder its first row.
        albums.clear();
        events.committed();
    }

    @Override
    public List<String> trashedAssets() {
        return trash.trashedIds();
    }

    @Override
    public void purgeTrash() {
        database.requireWritable();
        trash.purge(Long.MAX_VALUE);
    }

    @Override
    public Album createAlbum(String name, String assetId, boolean copy, String initialAssetLocalUri) {
        AlbumRow created = underGate(() -> albumWrites.create(name, assetId, copy, initialAssetLocalUri));
        albums.clear();
        events.committed();
        return getAlbums(false).stream()
                .filter(album -> album.id().equals(created.publicId()))
                .findFirst()
                .orElseGet(() -> new Album(created.publicId(), created.title(), 0, AlbumType.ALBUM));
    }

    @Override
    public void addAssetsToAlbum(List<String> assetIds, String albumId, boolean copy) {
        underGate(() -> {
            albumWrites.add(assetIds, albumId, copy);
            return null;
        });
        albums.clear();
        events.committed();
    }

    @Override
    public void removeAssetsFromAlbum(List<String> assetIds, String albumId) {
        underGate(() -> {
            albumWrites.remove(assetIds, albumId);
            return null;
        });
        albums.clear();
        events.committed();
    }

    @Override
    public void deleteAlbums(List<String> albumIds, boolean assetRemove) {
        underGate(() -> {
            albumWrites.delete(albumIds, assetRemove);
            return null;
        });
        albums.clear();
        events.committed();
    }

    @Override
    public boolean albumNeedsMigration(String albumId) {
        return albumWrites.needsMigration(albumId);
    }

    @Override
    public void migrateAlbumIfNeeded(String albumId) {
        underGate(() -> {
            albumWrites.migrate(albumId);
            return null;
        });
        albums.clear();
        events.committed();
    }

    @Override
    public Subscription addListener(ChangeListener listener) {
        return events.add(listener);
    }

    @Override
    public void removeAllListeners() {
        events.removeAll();
    }

    @Override
    public String changeToken() {
        return ChangeTokens.encode(journal.state());
    }

    @Override
    public ChangeSet changesSince(String token) {
        ChangeTokens.Token asked = ChangeTokens.decode(token);
        JournalChanges changes = journal.changesSince(asked.libraryId(), asked.generation());
        String next = ChangeTokens.encode(changes.state());
        if (!changes.complete()) {
            return ChangeSet.fullReload(next);
        }
        return new ChangeSet(true, changes.inserted(), changes.updated(), changes.deleted(), next);
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
        events.close();
        database.close();
    }

    private <T> T underGate(Supplier<T> work) {
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
