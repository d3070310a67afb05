package dev.camroll.core.store;

/**
 * A file the index already knows in some folder: an asset, or a file the scan skipped.
 *
 * @param assetRowId the asset's row, or -1 when the file was skipped as not media
 * @param publicId the asset's id, or null when skipped: changes name it as well as the row, since
 *     SQLite may give a deleted row's number to the next new row before the scan writes; for a
 *     Live Photo's paired video (no asset row), the video's own id
 * @param keyed whether the asset's row has a content key (false for a skipped file, and for an
 *     asset indexed before keys were kept or whose file could not be read for one); the key
 *     itself is read only for the rows of gone files, so that an unchanged rescan reads no more
 *     than it did before keys were kept
 * @param readerOutdated whether the row was written without the reader its file needs or by an
 *     older one, and that reader is there now: the file is read again though it did not change
 */
public record KnownFile(
        long assetRowId, String publicId, long fileSize, long modificationTime, boolean keyed, boolean readerOutdated) {
    public boolean isAsset() {
        return assetRowId >= 0;
    }
}
