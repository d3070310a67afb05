package dev.camroll.core.access;

/** What an app did with one asset, as the access log keeps it. */
public enum AccessOperation {
    READ_INFO,
    READ_ORIGINAL,
    READ_THUMBNAIL,
    READ_RENDITION,
    CREATE,
    SET_FAVORITE,
    DELETE,
    RESTORE,
    ADD_TO_ALBUM,
    REMOVE_FROM_ALBUM
}
