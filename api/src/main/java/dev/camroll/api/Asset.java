package dev.camroll.api;

import java.util.List;

/**
 * One photo, video or audio file of the library, with the fields of expo-media-library's Asset.
 * Every field comes from the index: listing assets never opens a media file.
 *
 * @param id opaque and stable; never reveals the path
 * @param uri where the bytes can be read (a file URI when embedded)
 * @param width width as displayed (after the EXIF orientation is applied), 0 when unknown
 * @param height height as displayed, 0 when unknown
 * @param creationTime epoch milliseconds
 * @param modificationTime epoch milliseconds
 * @param duration seconds; 0 for photos
 * @param albumId the album (folder) holding the asset
 */
public record Asset(
        String id,
        String filename,
        String uri,
        MediaType mediaType,
        List<MediaSubtype> mediaSubtypes,
        int width,
        int height,
        long creationTime,
        long modificationTime,
        double duration,
        String albumId) {
    public Asset {
        mediaSubtypes = List.copyOf(mediaSubtypes);
    }
}
