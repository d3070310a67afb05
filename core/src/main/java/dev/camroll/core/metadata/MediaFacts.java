package dev.camroll.core.metadata;

import dev.camroll.api.Location;
import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import java.util.List;
import java.util.Set;

/**
 * What the scan learns of one media file: everything an Asset needs, so that listing never opens
 * the file again.
 *
 * @param width as displayed (EXIF orientations 5 to 8 and video rotations of 90/270 swap), 0 when
 *     unknown
 * @param height as displayed, 0 when unknown
 * @param orientation EXIF orientation 1 to 8 (1 when absent)
 * @param capturedAt epoch ms from EXIF DateTimeOriginal (with OffsetTimeOriginal when present) or
 *     the container's creation time; null when the file says nothing
 * @param durationSeconds 0 for photos
 * @param location null when absent or invalid
 * @param make camera make, or null
 * @param model camera model, or null
 * @param warnings what could not be read; empty for a healthy file
 * @param readerVersion which reader read the file ({@link ReaderVersions}), {@link
 *     ReaderVersions#NONE} when the reader its format needs could not be loaded
 * @param contentKey the content's fingerprint, or null when the file could not be read for it
 * @param burstId Apple's burst UUID, the same in every shot of one burst; null when not a burst
 * @param contentIdentifier the identifier Apple writes in both halves of a Live Photo (the still's
 *     MakerNote tag 0x0011, the MOV's {@code com.apple.quicktime.content.identifier}); null when
 *     the file carries none
 */
public record MediaFacts(
        MediaFormat format,
        MediaType mediaType,
        int width,
        int height,
        int orientation,
        Long capturedAt,
        double durationSeconds,
        Location location,
        String make,
        String model,
        Set<MediaSubtype> subtypes,
        List<String> warnings,
        int readerVersion,
        ContentKey contentKey,
        String burstId,
        String contentIdentifier) {
    public MediaFacts {
        subtypes = Set.copyOf(subtypes);
        warnings = List.copyOf(warnings);
    }

    /** These facts with the content's key. */
    public MediaFacts withContentKey(ContentKey key) {
        return new MediaFacts(
                format,
                mediaType,
                width,
                height,
                orientation,
                capturedAt,
                durationSeconds,
                location,
                make,
                model,
                subtypes,
                warnings,
                readerVersion,
                key,
                burstId,
                contentIdentifier);
    }
}
