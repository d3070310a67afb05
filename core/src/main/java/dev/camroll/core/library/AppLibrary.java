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
import dev.camroll.api.MediaType;
import dev.camroll.api.MonthCounts;
import dev.camroll.api.PermissionResponse;
import dev.camroll.api.ScanProgress;
import dev.camroll.api.ScanReport;
import dev.camroll.api.Subscription;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.Scope;
import dev.camroll.core.events.ScopedListener;
import dev.camroll.core.media.CachedThumbnail;
import dev.camroll.core.media.ThumbnailFormat;
import dev.camroll.core.media.ThumbnailSize;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The library as one app sees it ({@link LocalMediaLibrary#forApp}): each call reads the app's
 * grant again and goes through a view of its scope as it stands, so that a changed, ended or
 * revoked grant takes effect at the next call. Its listeners hear only of what the app sees, and
 * of a change of its grant as one full reload.
 */
final class AppLibrary implements ScopedLibrary {
    private final LocalMediaLibrary library;
    private final AppId app;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    AppLibrary(LocalMediaLibrary library, AppId app) {
        this.library = library;
        this.app = app;
    }

    /** A view through the app's scope now. */
    private ScopedView view() {
        return new ScopedView(library, library.grants.scope(app));
    }

    /** The app's scope now. */
    @Override
    public Scope scope() {
        return library.grants.scope(app);
    }

    @Override
    public Optional<OriginalFile> original(String assetId) {
        return view().original(assetId);
    }

    @Override
    public Optional<OriginalFile> pairedVideo(String photoId) {
        return view().pairedVideo(photoId);
    }

    @Override
    public Optional<CachedThumbnail> thumbnail(String assetId, ThumbnailSize size, ThumbnailFormat format) {
        return view().thumbnail(assetId, size, format);
    }

    @Override
    public Optional<AssetRendition> rendition(String assetId, Duration wait) {
        return view().rendition(assetId, wait);
    }

    @Override
    public int makeThumbnailsAhead() {
        return view().makeThumbnailsAhead();
    }

    @Override
    public int makeThumbnailsAhead(Collection<String> assetIds) {
        return view().makeThumbnailsAhead(assetIds);
    }

    @Override
    public void followWithThumbnails(ChangeSet changes) {
        view().followWithThumbnails(changes);
    }

    @Override
    public int thumbnailsPending() {
        return library.thumbnails.pending();
    }

    @Override
    public AssetPage getAssets(AssetQuery query) {
        return view().getAssets(query);
    }

    @Override
    public MonthCounts monthCounts(AssetQuery query, ZoneId zone) {
        return view().monthCounts(query, zone);
    }

    @Override
    public AssetInfo getAssetInfo(String id) {
        return view().getAssetInfo(id);
    }

    @Override
    public List<Album> getAlbums(boolean includeSmartAlbums) {
        return view().getAlbums(includeSmartAlbums);
    }

    @Override
    public Album getAlbum(String title) {
        return view().getAlbum(title);
    }

    @Override
    public List<Album> getMoments() {
        return view().getMoments();
    }

    @Override
    public void setFavorite(String id, boolean favorite) {
        view().setFavorite(id, favorite);
    }

    @Override
    public Asset createAsset(AssetSource source, String album) {
        return view().createAsset(source, album);
    }

    @Override
    public void saveToLibrary(AssetSource source) {
        view().saveToLibrary(source);
    }

    @Override
    public void deleteAssets(List<String> ids) {
        view().deleteAssets(ids);
    }

    @Override
    public void restoreAssets(List<String> ids) {
        view().restoreAssets(ids);
    }

    @Override
    public List<Asset> assetsById(Collection<String> ids) {
        return view().assetsById(ids);
    }

    @Override
    public AssetPage getTrashedAssets(int first, String after) {
        return view().getTrashedAssets(first, after);
    }

    @Override
    public Album renameAlbum(String albumId, String newTitle) {
        return view().renameAlbum(albumId, newTitle);
    }

    @Override
    public List<String> trashedAssets() {
        return view().trashedAssets();
    }

    @Override
    public void purgeTrash() {
        view().purgeTrash();
    }

    @Override
    public Album createAlbum(String name, String assetId, boolean copy, String initialAssetLocalUri) {
        return view().createAlbum(name, assetId, copy, initialAssetLocalUri);
    }

    @Override
    public Album createAlbum(String name, AssetSource first) {
        return view().createAlbum(name, first);
    }

    @Override
    public void addAssetsToAlbum(List<String> assetIds, String albumId, boolean copy) {
        view().addAssetsToAlbum(assetIds, albumId, copy);
    }

    @Override
    public void removeAssetsFromAlbum(List<String> assetIds, String albumId) {
        view().removeAssetsFromAlbum(assetIds, albumId);
    }

    @Override
    public void deleteAlbums(List<String> albumIds, boolean assetRemove) {
        view().deleteAlbums(albumIds, assetRemove);
    }

    @Override
    public boolean albumNeedsMigration(String albumId) {
        return view().albumNeedsMigration(albumId);
    }

    @Override
    public void migrateAlbumIfNeeded(String albumId) {
        view().migrateAlbumIfNeeded(albumId);
    }

    @Override
    public PermissionResponse getPermissions(boolean writeOnly, Set<GranularPermission> granular) {
        return library.grants.permissions(app, writeOnly, granular);
    }

    @Override
    public PermissionResponse requestPermissions(boolean writeOnly, Set<GranularPermission> granular) {
        return view().requestPermissions(writeOnly, granular);
    }

    @Override
    public void presentPermissionsPicker(Set<MediaType> mediaTypes) {
        view().presentPermissionsPicker(mediaTypes);
    }

    @Override
    public String changeToken() {
        return view().changeToken();
    }

    @Override
    public ChangeSet changesSince(String token) {
        return view().changesSince(token);
    }

    /** Hears what the app sees change, a change of its grant as one full reload. */
    @Override
    public Subscription addListener(ChangeListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is null");
        }
        Subscription subscription = library.events.add(new ScopedListener(changeToken(), this::changesSince, listener));
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

    /**
     * The scan is the library's own work, as for every view; its report counts and names the files
     * of the whole tree (its warnings give their paths), which an app may not see, so the app is
     * told only how long it took.
     */
    @Override
    public ScanReport scan(ScanProgress progress) {
        ScanReport report = library.scan(progress);
        return new ScanReport(0, 0, 0, 0, List.of(), report.elapsedMillis());
    }

    @Override
    public List<String> notices() {
        return library.notices();
    }

    /** Ends this app's listeners; the library stays open. */
    @Override
    public void close() {
        removeAllListeners();
    }
}
