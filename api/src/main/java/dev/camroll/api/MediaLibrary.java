package dev.camroll.api;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

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
                .orElseThrow(() -> new CamrollException(
                        ErrorCode.UNAVAILABLE, "no Camroll engine on the class path: add the camroll-core artifact"));
        return provider.open(root, options);
    }

    /** One page of assets, as getAssetsAsync. */
    AssetPage getAssets(AssetQuery query);

    /**
     * The assets {@code query} matches counted per calendar month of {@code zone}, newest month
     * first (for a date scrubber). The query's album, media types, dates and field filters count;
     * its paging ({@code first}, {@code after}, {@code offset}) and order play no part.
     */
    MonthCounts monthCounts(AssetQuery query, ZoneId zone);

    /** The asset with its EXIF, location and details; null for an unknown or malformed id. */
    AssetInfo getAssetInfo(String id);

    /** The folders that hold assets, and with {@code includeSmartAlbums} the smart albums. */
    List<Album> getAlbums(boolean includeSmartAlbums);

    /** The album with exactly this title, or null. */
    Album getAlbum(String title);

    /**
     * The library's moments, oldest first: its photos and videos grouped by the time and place
     * they were taken (expo-media-library's {@code getMomentsAsync}), each an album of type
     * {@link AlbumType#MOMENT} usable as the {@code album} of {@link #getAssets}.
     */
    List<Album> getMoments();

    /** Marks or unmarks an asset as a favorite; an unknown id is an error naming it. */
    void setFavorite(String id, boolean favorite);

    /**
     * Stores a file in an album's folder and indexes it, as createAssetAsync. The name must carry a
     * known media extension that the content matches; a name taken in the folder gets " (1)",
     * " (2)", ... before the extension. The file appears under its final name complete or not at
     * all, and nothing is written when the source is refused.
     *
     * @param album an album id, or null for the default album (the folder {@code Pictures})
     * @return the new asset
     */
    Asset createAsset(AssetSource source, String album);

    /** Stores a file in the default album, as saveToLibraryAsync. */
    void saveToLibrary(AssetSource source);

    /**
     * Moves assets to the trash: they vanish from every query until restored or purged. All or
     * nothing: an unknown id is a {@link NotFoundException} naming it, and nothing changes.
     */
    void deleteAssets(List<String> ids);

    /** Puts trashed assets back where they were, with the same ids. All or nothing. */
    void restoreAssets(List<String> ids);

    /** The ids of the assets in the trash. */
    List<String> trashedAssets();

    /**
     * The assets in the trash with the fields they had, most recently deleted first: {@code first}
     * of them after the cursor {@code after} (null for the first page; a page's {@code
     * endCursor} for the next). Each asset's {@code uri} is null (its file is not in the library
     * until restored) and its {@code albumId} the album a restore puts it back in, null when that
     * folder is no longer known.
     */
    AssetPage getTrashedAssets(int first, String after);

    /** Deletes the files in the trash for good. */
    void purgeTrash();

    /**
     * Creates an album (a folder under the library root), as createAlbumAsync. The name must be a
     * plain folder name: no path separators, not "." or "..", not hidden, at most 255 bytes in
     * UTF-8; a folder or album of that name existing already is an error. An album needs a first
     * asset (an empty folder is not listed as an album): {@code assetId} is copied into it (a new
     * asset) or, with {@code copy} false, moved (same id); {@code initialAssetLocalUri} (a file:
     * URI) is imported as {@link #createAsset} does. Both null is an error.
     */
    Album createAlbum(String name, String assetId, boolean copy, String initialAssetLocalUri);

    /**
     * Renames an album: its folder gets {@code newTitle} as its name, in the same place, and every
     * asset in it (and in its subfolders) keeps its id, favorite flag and the rest; listeners hear
     * of them as updated. The title follows the rules of {@link #createAlbum}'s name ({@code
     * invalid_argument} naming {@code title}); a title another album or a folder beside it has is a
     * {@code conflict}. The library's own folder and the default album keep their names. Returns
     * the album as it is now; its own title changes nothing.
     */
    Album renameAlbum(String albumId, String newTitle);

    /**
     * Copies assets into an album (new assets, new ids) or, with {@code copy} false, moves them
     * (ids kept). A name taken in the album's folder gets " (1)", ... All or nothing for unknown
     * ids: a {@link NotFoundException} naming them, and nothing changes.
     */
    void addAssetsToAlbum(List<String> assetIds, String albumId, boolean copy);

    /** Moves assets of an album to the default album, ids kept; an asset not in it is an error. */
    void removeAssetsFromAlbum(List<String> assetIds, String albumId);

    /**
     * Deletes albums: their assets move to the default album (ids kept) or, with
     * {@code assetRemove}, go to the trash. A folder is removed once empty; one that still holds
     * other files stays on disk.
     */
    void deleteAlbums(List<String> albumIds, boolean assetRemove);

    /** Whether the album's folder cannot be written to by this process. */
    boolean albumNeedsMigration(String albumId);

    /** Moves the assets of an album that needs migration into a writable folder under the root, ids kept. */
    void migrateAlbumIfNeeded(String albumId);

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

    /**
     * expo's getPermissionsAsync: what the caller may do with the library, for the permissions it
     * names (add-only access; the media types, all of them when none is named). The owner of the
     * library has everything ({@link PermissionResponse#owner()}).
     */
    PermissionResponse getPermissions(boolean writeOnly, Set<GranularPermission> granular);

    /**
     * expo's requestPermissionsAsync: asks the person for these permissions when the caller does
     * not have them yet and may ask; the caller's state after the request, which stays
     * undetermined while the person has not answered.
     */
    PermissionResponse requestPermissions(boolean writeOnly, Set<GranularPermission> granular);

    /**
     * expo's presentPermissionsPicker: asks the person to change the selection of a caller with
     * limited access (the current selection preselected); does nothing for one that sees all.
     */
    void presentPermissionsPicker(Set<MediaType> mediaTypes);

    /** Brings the index up to date with the folder tree. */
    ScanReport scan(ScanProgress progress);

    @Override
    void close();

    /**
     * What opening the library did on its own that its user should know, one line each (a
     * damaged index moved aside and rebuilt, and where the old one is); empty as a rule.
     */
    default List<String> notices() {
        return List.of();
    }
}
