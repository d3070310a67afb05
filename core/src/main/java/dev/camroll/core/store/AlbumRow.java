package dev.camroll.core.store;

/**
 * A folder of the library as the index knows it.
 *
 * @param relPath relative to the library root, with '/' separators; "" for the root itself
 */
public record AlbumRow(long rowId, String publicId, String relPath, String title) {}
