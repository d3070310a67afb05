package dev.camroll.core.scan;

import dev.camroll.core.metadata.ContentKey;

/**
 * An asset row whose file the walk did not find: deleted on disk, or renamed or moved, which only
 * reading the new files tells.
 *
 * @param key its content key, or null when the row has none (it can then only be deleted)
 */
record GoneAsset(long rowId, String publicId, long albumRowId, String filename, ContentKey key) {}
