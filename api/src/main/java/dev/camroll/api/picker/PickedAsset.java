package dev.camroll.api.picker;

import java.util.Map;
import java.util.Objects;

/**
 * One result of a picker, as expo-image-picker's {@code ImagePickerAsset}: the result file (the
 * original, or what the options and the person's edits made of it), never the library's.
 *
 * @param uri where the result file is read: for an app, a URL valid for it until the session ends
 * @param assetId the id of the library asset it was made from, or null (a capture saved where
 *     the app may not see it, or an app that sees no library)
 * @param width the result's width, in pixels
 * @param height the result's height
 * @param type {@code image}, {@code video}, {@code livePhoto} or {@code pairedVideo}
 * @param fileName the result's file name; its extension fits {@code mimeType}
 * @param fileSize the result's size in bytes
 * @param mimeType the result's type, which its bytes are
 * @param duration a video's length in milliseconds, or null
 * @param exif the result's EXIF fields when asked, else null
 * @param base64 the result's bytes in Base64 without line breaks when asked, else null
 * @param pairedVideoAsset a Live Photo's video, when live photos were asked for, else null
 */
public record PickedAsset(
        String uri,
        String assetId,
        int width,
        int height,
        String type,
        String fileName,
        long fileSize,
        String mimeType,
        Long duration,
        Map<String, Object> exif,
        String base64,
        PickedAsset pairedVideoAsset) {
    public static final String IMAGE = "image";
    public static final String VIDEO = "video";
    public static final String LIVE_PHOTO = "livePhoto";
    public static final String PAIRED_VIDEO = "pairedVideo";

    public PickedAsset {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mimeType, "mimeType");
        exif = exif == null ? null : Map.copyOf(exif);
    }
}
