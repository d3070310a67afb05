package dev.camroll.api;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A media library: the photos, videos and audio of one folder tree, with the API of
 * expo-media-library. Implemented by the embedded engine (camroll-core) and by the HTTP client.
 */
public interface MediaLibrary extends AutoCloseable {

    /** Opens (and indexes) the library in {@code root}, with the index in {@code root/.camroll}. */
    static MediaLibrary open(Path root) {
        return open(root, LibraryOptions.defaults());
    }

    static MediaLibrary open(Path root, LibraryOptions options) {
        MediaLibraryProvider provider = ServiceLoader.load(MediaLibraryProvider.class)
                .findFirst()
                .orElseThrow(() ->
                        new CamrollException("no Camroll engine on the class path: add the camroll-core artifact"));
        return provider.open(root, options);
    }

    /** One page of assets, as getAssetsAsync. */
    AssetPage getAssets(AssetQuery query);

    /** The asset with its EXIF, location and details; null for an unknown or malformed id. */
    AssetInfo getAssetInfo(String id);

    /** The folders that hold assets, and with {@code includeSmartAlbums} the smart albums. */
    List<Album> getAlbums(boolean includeSmartAlbums);

    /** The album with exactly this title, or null. */
    Album getAlbum(String title);

    /** Marks or unmarks an asset as a favorite; an unknown id is an error naming it. */
    void setFavorite(String id, boolean favorite);

    /** A token for the library's current state: pass it to {@link #changesSince} later. */
    String changeToken();

    /** The assets inserted, updated and deleted since the state a token names. */
    ChangeSet changesSince(String token);

    /**
     * Calls the listener with each change to the library made from now on, by this process or
     * another one writing the same index.
     */
    Subscription addListener(ChangeListener listener);

    /** Removes every listener. */
    void removeAllListeners();

    /** Brings the index up to date with the folder tree. */
    ScanReport scan(ScanProgress progress);

    @Override
    void close();
}
