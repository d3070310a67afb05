package dev.camroll.core.store;

/**
 * A file the index already knows in some folder: an asset, or a file the scan skipped.
 *
 * @param assetRowId the asset's row, or -1 when the file was skipped as not media
 * @param publicId the asset's id, or null when skipped: changes name it as well as the row, since
 *     SQLite may give a deleted row's number to the next new row before the scan writes
 */
public record KnownFile(long assetRowId, String publicId, long fileSize, long modificationTime) {
    public boolean isAsset() {
        return assetRowId >= 0;
    }
}
