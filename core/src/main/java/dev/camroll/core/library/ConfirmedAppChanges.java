package dev.camroll.core.library;

import dev.camroll.core.access.ChangeRequest;
import dev.camroll.core.access.ConfirmedChanges;
import java.util.List;

/**
 * Carries out a change the owner confirmed, through the app's scope as it stands (what the app no
 * longer sees is refused as missing), without asking again.
 */
final class ConfirmedAppChanges implements ConfirmedChanges {
    private final LocalMediaLibrary library;

    ConfirmedAppChanges(LocalMediaLibrary library) {
        this.library = library;
    }

    @Override
    public void carryOut(ChangeRequest request) {
        try (ScopedView view = new ScopedView(library, library.grants.scope(request.app()), true)) {
            List<String> ids = request.assetIds();
            String album = request.albumId().orElse(null);
            switch (request.operation()) {
                case SET_FAVORITE -> ids.forEach(id -> view.setFavorite(id, request.flag()));
                case DELETE -> view.deleteAssets(ids);
                case RESTORE -> view.restoreAssets(ids);
                case ADD_TO_ALBUM -> view.addAssetsToAlbum(ids, album, request.flag());
                case REMOVE_FROM_ALBUM -> view.removeAssetsFromAlbum(ids, album);
                case DELETE_ALBUM -> view.deleteAlbums(ids, request.flag());
                case PURGE_TRASH -> view.purgeTrash();
                case CREATE_ALBUM -> view.createAlbum(album, ids.getFirst(), false, null);
                case MIGRATE_ALBUM -> view.migrateAlbumIfNeeded(album);
            }
        }
    }
}
