package dev.camroll.core.store;

import dev.camroll.api.Location;
import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import dev.camroll.core.metadata.ContentKey;
import dev.camroll.core.metadata.ReaderVersions;
import java.util.List;
import java.util.Set;

/**
 * What the scan writes for a new or changed file; the index keeps the id and favorite flag.
 *
 * @param contentKey by which a renamed or moved file is recognised; null when unknown
 * @param readerVersion which reader read the file ({@link ReaderVersions}); a scan reads the file
 *     again when it is outdated
 * @param burstId Apple's burst identifier, shared by the shots of one burst; null for others
 * @param contentIdentifier the Live Photo identifier of a still or a MOV (see {@code
 *     LiveIdentifier}), by which the scan pairs them; null when the file carries none
 */
public record NewAsset(
        long albumRowId,
        String filename,
        MediaType mediaType,
        String format,
        Set<MediaSubtype> subtypes,
        int width,
        int height,
        int orientation,
        long creationTime,
        long modificationTime,
        double duration,
        long fileSize,
        Location location,
        String cameraMake,
        String cameraModel,
        List<String> warnings,
        ContentKey contentKey,
        int readerVersion,
        String burstId,
        String contentIdentifier) {

    /** A row of no burst and without a Live Photo identifier. */
    public NewAsset(
            long albumRowId,
            String filename,
            MediaType mediaType,
            String format,
            Set<MediaSubtype> subtypes,
            int width,
            int height,
            int orientation,
            long creationTime,
            long modificationTime,
            double duration,
            long fileSize,
            Location location,
            String cameraMake,
            String cameraModel,
            List<String> warnings,
            ContentKey contentKey,
            int readerVersion) {
        this(
                albumRowId,
                filename,
                mediaType,
                format,
                subtypes,
                width,
                height,
                orientation,
                creationTime,
                modificationTime,
                duration,
                fileSize,
                location,
                cameraMake,
                cameraModel,
                warnings,
                contentKey,
                readerVersion,
                null,
                null);
    }
}
