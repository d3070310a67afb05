package dev.camroll.core.library;

import dev.camroll.core.access.AppScope;
import dev.camroll.core.access.ChangeOperation;
import dev.camroll.core.access.Scope;
import java.util.List;
import java.util.Optional;

/**
 * An app changes or deletes only what it created; a change that touches anything else is not
 * done but opens a request for the owner's confirmation (Android's delete and write requests).
 * Ids the app does not see are left to the write itself, which refuses them as missing.
 */
final class AppWriteCheck {
    private final LocalMediaLibrary library;

    AppWriteCheck(LocalMediaLibrary library) {
        this.library = library;
    }

    /** Passes when the scope is not an app's, or every id the app sees is its own; else throws. */
    void requireOwn(Scope scope, ChangeOperation operation, List<String> ids, String albumId, boolean flag) {
        if (!(scope instanceof AppScope app)) {
            return;
        }
        boolean others =
                switch (operation) {
                    // Every file of an album, whoever put it there.
                    case DELETE_ALBUM, MIGRATE_ALBUM -> true;
                    case RESTORE, PURGE_TRASH -> {
                        List<String> trashed = library.trash.trashedIds(scope);
                        List<String> named = operation == ChangeOperation.PURGE_TRASH ? trashed : ids;
                        yield named.stream()
                                .anyMatch(id -> trashed.contains(id) && !library.grants.created(app.app(), id));
                    }
                    default ->
                        ids.stream()
                                .anyMatch(id -> id != null
                                        && library.assets.byPublicId(scope, id).isPresent()
                                        && !library.grants.created(app.app(), id));
                };
        if (others) {
            throw library.grants.requestChange(app.app(), operation, ids, Optional.ofNullable(albumId), flag);
        }
    }
}
