package dev.camroll.api;

import java.util.Map;

/**
 * An asset with the details expo-media-library's getAssetInfoAsync gives, plus what the index
 * knows of the file.
 *
 * @param exif every metadata tag of the file, by directory ("Exif IFD0", "GPS", ...) then tag
 *     name; read from the file on demand
 * @param location null when the file has no GPS position
 * @param localUri the file's URI
 * @param orientation the EXIF orientation, 1 to 8 (1 when the file has none)
 */
public record AssetInfo(
        Asset asset,
        Map<String, Map<String, String>> exif,
        Location location,
        String localUri,
        int orientation,
        boolean isFavorite,
        boolean isNetworkAsset,
        String mimeType,
        long fileSize,
        String cameraMake,
        String cameraModel) {
    public AssetInfo {
        exif = Map.copyOf(exif);
    }
}
