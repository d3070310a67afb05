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
import dev.camroll.api.MonthCounts;
import dev.camroll.api.NotFoundException;
import dev.camroll.api.ScanProgress;
import dev.camroll.api.ScanReport;
import dev.camroll.api.Subscription;
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

    ScopedView(LocalMediaLibrary library, Scope scope) {
        if (scope == null) {
            throw new IllegalArgumentException("scope is null");
        }
        this.library = library;
        this.scope = scope;
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
        return library.assets.byPublicId(scope, assetId).flatMap(library.originals::original);
    }

    @Override
    public Optional<CachedThumbnail> thumbnail(String assetId, ThumbnailSize size, ThumbnailFormat format) {
        return library.thumbnails.get(scope, assetId, size, format);
    }

    @Override
    public Optional<AssetRendition> rendition(String assetId, Duration wait) {
        return library.renditions.get(scope, assetId, wait);
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
        return library.queries.getAssets(scope, query);
    }

    @Override
    public MonthCounts monthCounts(AssetQuery query, ZoneId zone) {
        return library.queries.monthCounts(scope, query, zone);
    }

    @Override
    public AssetInfo getAssetInfo(String id) {
        return library.queries.getAssetInfo(scope, id);
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
    public void setFavorite(String id, boolean favorite) {
        if (!library.assets.setFavorite(scope, id, favorite)) {
            throw new NotFoundException("asset", List.of(String.valueOf(id)));
        }
        library.events.committed();
    }

    @Override
    public Asset createAsset(AssetSource source, String album) {
        AssetRow created = library.underGate(() -> library.creation.create(scope, source, album));
        library.events.committed();
        // From the written row, not read again: a delete by another thread may already have run.
        return library.queries.toAsset(created);
    }

    @Override
    public void saveToLibrary(AssetSource source) {
        library.underGate(() -> library.creation.create(scope, source, null));
        library.events.committed();
    }

    @Override
    public void deleteAssets(List<String> ids) {
        library.underGate(() -> {
            library.trash.delete(scope, ids);
            return null;
        });
        library.events.committed();
    }

    @Override
    public void restoreAssets(List<String> ids) {
        library.underGate(() -> {
            library.trash.restore(scope, ids);
            return null;
        });
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
        library.database.requireWritable();
        library.trash.purge(scope, Long.MAX_VALUE);
    }

    @Override
    public Album createAlbum(String name, String assetId, boolean copy, String initialAssetLocalUri) {
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
        albumWrite(() -> library.albumWrites.add(scope, assetIds, albumId, copy));
    }

    @Override
    public void removeAssetsFromAlbum(List<String> assetIds, String albumId) {
        albumWrite(() -> library.albumWrites.remove(scope, assetIds, albumId));
    }

    @Override
    public void deleteAlbums(List<String> albumIds, boolean assetRemove) {
        albumWrite(() -> library.albumWrites.delete(scope, albumIds, assetRemove));
    }

    @Override
    public boolean albumNeedsMigration(String albumId) {
        return library.albumWrites.needsMigration(scope, albumId);
    }

    @Override
    public void migrateAlbumIfNeeded(String albumId) {
        albumWrite(() -> library.albumWrites.migrate(scope, albumId));
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
        return ChangeTokens.encode(library.journal.state());
    }

    @Override
    public ChangeSet changesSince(String token) {
        ChangeTokens.Token asked = ChangeTokens.decode(token);
        JournalChanges changes = library.journal.changesSince(scope, asked.libraryId(), asked.generation());
        String next = ChangeTokens.encode(changes.state());
        if (!changes.complete()) {
            return ChangeSet.fullReload(next);
        }
        return new ChangeSet(true, changes.inserted(), changes.updated(), changes.deleted(), next);
    }

    /** Ends this view's listeners; the library stays open. */
    @Override
    public void close() {
        removeAllListeners();
    }
}
