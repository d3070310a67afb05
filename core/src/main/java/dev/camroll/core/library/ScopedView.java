package dev.camroll.core.library;

import dev.camroll.api.Album;
import dev.camroll.api.AlbumType;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.AssetSource;
import dev.camroll.api.CamrollException;
import dev.camroll.api.ChangeListener;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.MediaType;
import dev.camroll.api.MonthCounts;
import dev.camroll.api.NotFoundException;
import dev.camroll.api.PermissionResponse;
import dev.camroll.api.ScanProgress;
import dev.camroll.api.ScanReport;
import dev.camroll.api.Subscription;
import dev.camroll.core.access.AccessLog;
import dev.camroll.core.access.AccessOperation;
import dev.camroll.core.access.AppScope;
import dev.camroll.core.access.ChangeOperation;
import dev.camroll.core.access.OwnerScope;
import dev.camroll.core.access.Scope;
import dev.camroll.core.events.ScopedListener;
import dev.camroll.core.media.CachedThumbnail;
import dev.camroll.core.media.ThumbnailFormat;
import dev.camroll.core.media.ThumbnailSize;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.AssetRow;
import dev.camroll.core.store.JournalChanges;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The library's operations through one scope: every read and write passes it down to the store,
 * which applies it. {@link LocalMediaLibrary} answers through the owner's view; {@link
 * LocalMediaLibrary#scoped} makes others. Closing a view ends its listeners, not the library.
 */
final class ScopedView implements ScopedLibrary {
    private final LocalMediaLibrary library;
    private final Scope scope;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    /** Whether the owner confirmed the changes made through this view (an app's, of others' assets). */
    private final boolean confirmed;

    ScopedView(LocalMediaLibrary library, Scope scope) {
        this(library, scope, false);
    }

    ScopedView(LocalMediaLibrary library, Scope scope, boolean confirmed) {
        if (scope == null) {
            throw new IllegalArgumentException("scope is null");
        }
        this.library = library;
        this.scope = scope;
        this.confirmed = confirmed;
    }

    /** An app's change of what it did not create waits for the owner (see {@link AppWriteCheck}). */
    private void requireOwn(ChangeOperation operation, List<String> ids, String albumId, boolean flag) {
        if (!confirmed) {
            library.appWrites.requireOwn(scope, operation, ids == null ? List.of() : ids, albumId, flag);
        }
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public List<Asset> assetsById(Collection<String> ids) {
        return library.queries.assetsById(scope, ids);
    }

    @Override
    public Optional<OriginalFile> original(String assetId) {
        return logged(
                AccessOperation.READ_ORIGINAL,
                assetId,
                library.assets.byPublicId(scope, assetId).flatMap(row -> library.originals.original(row, scope)));
    }

    @Override
    public Optional<OriginalFile> pairedVideo(String photoId) {
        return logged(
                AccessOperation.READ_ORIGINAL,
                photoId,
                library.assets
                        .pairedVideo(scope, photoId)
                        .flatMap(video -> library.originals.pairedVideo(video, scope))
                        .or(() -> library.assets
                                .byPublicId(scope, photoId)
                                .flatMap(row -> library.originals.embeddedVideo(row, scope))));
    }

    /** A read of an app is logged when it found the asset (see {@link AccessLog}). */
    private <T> Optional<T> logged(AccessOperation operation, String assetId, Optional<T> read) {
        if (read.isPresent()) {
            log(operation, List.of(assetId));
        }
        return read;
    }

    private void log(AccessOperation operation, List<String> assetIds) {
        if (scope instanceof AppScope app) {
            library.accessLog.record(app.app(), operation, assetIds);
        }
    }

    @Override
    public Optional<CachedThumbnail> thumbnail(String assetId, ThumbnailSize size, ThumbnailFormat format) {
        return logged(AccessOperation.READ_THUMBNAIL, assetId, library.thumbnails.get(scope, assetId, size, format));
    }

    @Override
    public Optional<AssetRendition> rendition(String assetId, Duration wait) {
        return logged(AccessOperation.READ_RENDITION, assetId, library.renditions.get(scope, assetId, wait));
    }

    @Override
    public int makeThumbnailsAhead() {
        return library.thumbnails.aheadForAll(this);
    }

    @Override
    public int makeThumbnailsAhead(Collection<String> assetIds) {
        return library.thumbnails.ahead(scope, assetIds);
    }

    @Override
    public void followWithThumbnails(ChangeSet changes) {
        Set<String> trashed = Set.copyOf(library.trash.trashedIds(scope));
        library.thumbnails.follow(scope, changes, trashed);
        library.renditions.follow(scope, changes, trashed);
    }

    @Override
    public int thumbnailsPending() {
        return library.thumbnails.pending();
    }

    @Override
    public List<String> notices() {
        return library.notices();
    }

    /** The scan indexes the folder tree for every scope: it is the library's own work. */
    @Override
    public ScanReport scan(ScanProgress progress) {
        return library.scan(progress);
    }

    @Override
    public AssetPage getAssets(AssetQuery query) {
        Scope reading = query != null && query.latestSelectionOnly() && scope instanceof AppScope app
                ? app.latestSelection()
                : scope;
        return library.queries.getAssets(reading, query);
    }

    @Override
    public MonthCounts monthCounts(AssetQuery query, ZoneId zone) {
        return library.queries.monthCounts(scope, query, zone);
    }

    @Override
    public AssetInfo getAssetInfo(String id) {
        AssetInfo info = library.queries.getAssetInfo(scope, id);
        if (info != null) {
            log(AccessOperation.READ_INFO, List.of(id));
        }
        return info;
    }

    @Override
    public List<Album> getAlbums(boolean includeSmartAlbums) {
        return library.queries.getAlbums(scope, includeSmartAlbums);
    }

    @Override
    public Album getAlbum(String title) {
        return library.queries.getAlbum(scope, title);
    }

    @Override
    public List<Album> getMoments() {
        return library.queries.getMoments(scope);
    }

    @Override
    public void setFavorite(String id, boolean favorite) {
        requireOwn(ChangeOperation.SET_FAVORITE, java.util.Collections.singletonList(id), null, favorite);
        if (!library.assets.setFavorite(scope, id, favorite)) {
            throw new NotFoundException("asset", List.of(String.valueOf(id)));
        }
        log(AccessOperation.SET_FAVORITE, List.of(id));
        library.events.committed();
    }

    /** The owner has everything; an app what its grant says; another scope all it sees. */
    @Override
    public PermissionResponse getPermissions(boolean writeOnly, Set<GranularPermission> granular) {
        if (scope instanceof AppScope app) {
            return library.grants.permissions(app.app(), writeOnly, granular);
        }
        PermissionResponse owner = PermissionResponse.owner();
        return new PermissionResponse(
                owner.status(),
                owner.canAskAgain(),
                owner.expires(),
                owner.accessPrivileges(),
                owner.granularPermissions(),
                owner.writeOnly(),
                scope.seesLocation());
    }

    @Override
    public PermissionResponse requestPermissions(boolean writeOnly, Set<GranularPermission> granular) {
        if (scope instanceof AppScope app) {
            library.grants.request(app.app(), writeOnly, granular);
        }
        return getPermissions(writeOnly, granular);
    }

    @Override
    public void presentPermissionsPicker(Set<MediaType> mediaTypes) {
        if (scope instanceof AppScope app) {
            Set<GranularPermission> granular = EnumSet.noneOf(GranularPermission.class);
            for (GranularPermission permission : GranularPermission.values()) {
                if (mediaTypes == null || mediaTypes.contains(permission.mediaType())) {
                    granular.add(permission);
                }
            }
            library.grants.requestReselection(app.app(), granular);
        }
    }

    @Override
    public Asset createAsset(AssetSource source, String album) {
        requireAdding();
        AssetRow created = library.underGate(() -> library.creation.create(scope, source, album));
        log(AccessOperation.CREATE, List.of(created.publicId()));
        library.events.committed();
        // From the written row, not read again: a delete by another thread may already have run.
        return library.queries.toAsset(created);
    }

    @Override
    public void saveToLibrary(AssetSource source) {
        requireAdding();
        AssetRow created = library.underGate(() -> library.creation.create(scope, source, null));
        log(AccessOperation.CREATE, List.of(created.publicId()));
        library.events.committed();
    }

    @Override
    public void deleteAssets(List<String> ids) {
        requireOwn(ChangeOperation.DELETE, ids, null, false);
        library.underGate(() -> {
            library.trash.delete(scope, ids);
            return null;
        });
        log(AccessOperation.DELETE, ids);
        library.events.committed();
    }

    @Override
    public void restoreAssets(List<String> ids) {
        requireOwn(ChangeOperation.RESTORE, ids, null, false);
        library.underGate(() -> {
            library.trash.restore(scope, ids);
            return null;
        });
        log(AccessOperation.RESTORE, ids);
        // A restore may have given a folder its first row.
        library.albums.clear();
        library.events.committed();
    }

    @Override
    public AssetPage getTrashedAssets(int first, String after) {
        return library.trashPages.page(scope, first, after);
    }

    @Override
    public List<String> trashedAssets() {
        return library.trash.trashedIds(scope);
    }

    @Override
    public void purgeTrash() {
        requireOwn(ChangeOperation.PURGE_TRASH, List.of(), null, false);
        library.database.requireWritable();
        library.trash.purge(scope, Long.MAX_VALUE);
    }

    @Override
    public Album createAlbum(String name, String assetId, boolean copy, String initialAssetLocalUri) {
        if (!copy) {
            // Moving an asset into the new album changes it; a copy is a new asset of the app's own.
            requireOwn(ChangeOperation.CREATE_ALBUM, java.util.Collections.singletonList(assetId), name, false);
        }
        AlbumRow created =
                library.underGate(() -> library.albumWrites.create(scope, name, assetId, copy, initialAssetLocalUri));
        library.albums.clear();
        library.events.committed();
        return getAlbums(false).stream()
                .filter(album -> album.id().equals(created.publicId()))
                .findFirst()
                .orElseGet(() -> new Album(created.publicId(), created.title(), 0, AlbumType.ALBUM));
    }

    @Override
    public Album createAlbum(String name, AssetSource first) {
        requireAdding();
        AlbumWrites.NewAlbum created = library.underGate(() -> library.albumWrites.create(scope, name, first));
        log(AccessOperation.CREATE, List.of(created.first().publicId()));
        library.albums.clear();
        library.events.committed();
        return getAlbums(false).stream()
                .filter(album -> album.id().equals(created.album().publicId()))
                .findFirst()
                .orElseGet(() ->
                        new Album(created.album().publicId(), created.album().title(), 1, AlbumType.ALBUM));
    }

    @Override
    public Album renameAlbum(String albumId, String newTitle) {
        AlbumRow renamed = library.underGate(() -> library.albumRename.rename(scope, albumId, newTitle));
        library.albums.clear();
        library.events.committed();
        return getAlbums(false).stream()
                .filter(album -> album.id().equals(renamed.publicId()))
                .findFirst()
                .orElseGet(() -> new Album(renamed.publicId(), renamed.title(), 0, AlbumType.ALBUM));
    }

    @Override
    public void addAssetsToAlbum(List<String> assetIds, String albumId, boolean copy) {
        requireOwn(ChangeOperation.ADD_TO_ALBUM, assetIds, albumId, copy);
        albumWrite(() -> library.albumWrites.add(scope, assetIds, albumId, copy));
        log(AccessOperation.ADD_TO_ALBUM, assetIds);
    }

    @Override
    public void removeAssetsFromAlbum(List<String> assetIds, String albumId) {
        requireOwn(ChangeOperation.REMOVE_FROM_ALBUM, assetIds, albumId, false);
        albumWrite(() -> library.albumWrites.remove(scope, assetIds, albumId));
        log(AccessOperation.REMOVE_FROM_ALBUM, assetIds);
    }

    @Override
    public void deleteAlbums(List<String> albumIds, boolean assetRemove) {
        requireOwn(ChangeOperation.DELETE_ALBUM, albumIds, null, assetRemove);
        albumWrite(() -> library.albumWrites.delete(scope, albumIds, assetRemove));
    }

    @Override
    public boolean albumNeedsMigration(String albumId) {
        return library.albumMigration.needsMigration(scope, albumId);
    }

    @Override
    public void migrateAlbumIfNeeded(String albumId) {
        if (albumNeedsMigration(albumId)) {
            requireOwn(ChangeOperation.MIGRATE_ALBUM, List.of(), albumId, false);
        }
        albumWrite(() -> library.albumMigration.migrate(scope, albumId));
    }

    private void albumWrite(Runnable write) {
        library.underGate(() -> {
            write.run();
            return null;
        });
        library.albums.clear();
        library.events.committed();
    }

    /**
     * The owner hears every change; another scope's listener hears only of the assets it sees,
     * read through its own {@link #changesSince}.
     */
    @Override
    public Subscription addListener(ChangeListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is null");
        }
        ChangeListener told = scope instanceof OwnerScope
                ? listener
                : new ScopedListener(changeToken(), this::changesSince, listener);
        Subscription subscription = library.events.add(told);
        subscriptions.add(subscription);
        return () -> {
            subscription.remove();
            subscriptions.remove(subscription);
        };
    }

    @Override
    public void removeAllListeners() {
        for (Subscription subscription : subscriptions) {
            subscription.remove();
        }
        subscriptions.clear();
    }

    @Override
    public String changeToken() {
        return ChangeTokens.encode(library.journal.state(), grantVersion());
    }

    /**
     * The changes since a token that this scope sees; for an app, a full reload when its grant
     * changed since the token (what it sees changed all at once).
     */
    @Override
    public ChangeSet changesSince(String token) {
        ChangeTokens.Token asked = ChangeTokens.decode(token);
        if (asked.grantVersion() != grantVersion()) {
            return ChangeSet.fullReload(changeToken());
        }
        JournalChanges changes = library.journal.changesSince(scope, asked.libraryId(), asked.generation());
        String next = ChangeTokens.encode(changes.state(), grantVersion());
        if (!changes.complete()) {
            return ChangeSet.fullReload(next);
        }
        return new ChangeSet(true, changes.inserted(), changes.updated(), changes.deleted(), next);
    }

    /** An app adds to the library only with a grant that allows it (add-only or reading). */
    private void requireAdding() {
        if (scope instanceof AppScope app && !app.grant().writes()) {
            throw new CamrollException(
                    ErrorCode.FORBIDDEN, "the app " + app.app() + " may not add to the library: it has no grant to");
        }
    }

    /** The version of an app's grant, which its tokens carry; none for other scopes. */
    private long grantVersion() {
        return scope instanceof AppScope app ? app.grant().version() : ChangeTokens.NO_GRANT;
    }

    /** Ends this view's listeners; the library stays open. */
    @Override
    public void close() {
        removeAllListeners();
    }
}
