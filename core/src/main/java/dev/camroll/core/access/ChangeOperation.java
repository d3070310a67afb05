package dev.camroll.core.access;

/** A change an app may ask for, which needs the owner's confirmation when it touches what others created. */
public enum ChangeOperation {
    SET_FAVORITE,
    DELETE,
    RESTORE,
    ADD_TO_ALBUM,
    REMOVE_FROM_ALBUM,
    DELETE_ALBUM,
    PURGE_TRASH,
    /** createAlbum moving (not copying) an asset into the new album; the album's title is the request's album. */
    CREATE_ALBUM,
    /** migrateAlbumIfNeeded: every file of the album moves to a new folder. */
    MIGRATE_ALBUM
}
