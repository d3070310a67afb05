package dev.camroll.core.store;

import dev.camroll.core.metadata.ContentKey;

/**
 * A file the index already knows in some folder: an asset, or a file the scan skipped.
 *
 * @param assetRowId the asset's row, or -1 when the file was skipped as not media
 * @param contentKey the asset's content key; null for a skipped file, or an asset indexed before
 *     keys were kept (or whose file could not be read for one)
 */
public record KnownFile(long assetRowId, long fileSize, long modificationTime, ContentKey contentKey) {
    public boolean isAsset() {
        return assetRowId >= 0;
    }
}
