package dev.camroll.core.store;

/**
 * A file the index already knows in some folder: an asset, or a file the scan skipped.
 *
 * @param assetRowId the asset's row, or -1 when the file was skipped as not media
 */
public record KnownFile(long assetRowId, long fileSize, long modificationTime) {
    public boolean isAsset() {
        return assetRowId >= 0;
    }
}
