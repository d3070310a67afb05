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
 * @param audioTags the tags of an audio file (ID3, Vorbis comments, MP4), null for photos and
 *     videos
 * @param burstId the burst a shot belongs to (Apple's burst identifier, the same in every shot of
 *     it, as PHAsset's burstIdentifier), null for an asset of no burst
 * @param pairedVideoUri the video of a Live Photo (its MOV) or of a Motion Photo (the MP4 inside
 *     its file), which whoever sees the photo may play; null for every other asset
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
        String cameraModel,
        AudioTags audioTags,
        String burstId,
        String pairedVideoUri) {
    public AssetInfo {
        exif = Map.copyOf(exif);
    }

    /** An asset's info of no burst and without a paired video. */
    public AssetInfo(
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
            String cameraModel,
            AudioTags audioTags) {
        this(
                asset,
                exif,
                location,
                localUri,
                orientation,
                isFavorite,
                isNetworkAsset,
                mimeType,
                fileSize,
                cameraMake,
                cameraModel,
                audioTags,
                null,
                null);
    }

    /**
     * What an audio file's tags say of it, each field null when the file does not say.
     *
     * @param track the track's number on its album ("3" of ID3's "3/12")
     * @param year the year of its date tag ("2019" of "2019-05-01")
     */
    public record AudioTags(String title, String artist, String album, Integer track, Integer year, String genre) {}
}
