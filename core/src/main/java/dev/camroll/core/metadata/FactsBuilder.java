package dev.camroll.core.metadata;

import dev.camroll.api.Location;
import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the readers of one file gather, before it becomes {@link MediaFacts}. */
final class FactsBuilder {

    static final int PANORAMA_MIN_LONG_SIDE = 3000;

    MediaFormat format;
    MediaType mediaType;
    /** As stored, before orientation or rotation. */
    int storedWidth;

    int storedHeight;
    int orientation = 1;
    /**
     * Degrees a player or HEIF reader turns the picture (video display matrix, HEIF 'irot'). When
     * set by the container, it alone decides the displayed size; EXIF orientation is then only
     * informational.
     */
    int rotation;

    boolean rotationFromContainer;

    Long capturedAt;
    double durationSeconds;
    Location location;
    String make;
    String model;
    boolean hdr;
    /** Subtypes a reader found in the file's markers (see {@link SubtypeMarkers}). */
    final Set<MediaSubtype> subtypes = EnumSet.noneOf(MediaSubtype.class);
    /** Apple's burst UUID, shared by the shots of one burst; null when not a burst. */
    String burstId;
    /** The Live Photo identifier shared by a still and its MOV; null when the file has none. */
    String contentIdentifier;
    /** Which reader read the file, see {@link ReaderVersions}; NONE until one did. */
    int readerVersion = ReaderVersions.NONE;

    final List<String> warnings = new ArrayList<>();

    FactsBuilder(MediaFormat format) {
        this.format = format;
        this.mediaType = format.mediaType();
    }

    void warn(String warning) {
        if (!warnings.contains(warning) && warnings.size() < 20) {
            warnings.add(warning);
        }
    }

    /** Sets the size if both sides are sane, else warns. */
    void size(int width, int height, String source) {
        if (width > 0 && height > 0) {
            storedWidth = width;
            storedHeight = height;
        } else if (width != 0 || height != 0) {
            warn("image size in " + source + " is invalid: " + width + "x" + height);
        }
    }

    boolean hasSize() {
        return storedWidth > 0 && storedHeight > 0;
    }

    MediaFacts build(String fileName) {
        boolean quarterTurn =
                rotationFromContainer ? rotation == 90 || rotation == 270 : orientation >= 5 && orientation <= 8;
        int width = quarterTurn ? storedHeight : storedWidth;
        int height = quarterTurn ? storedWidth : storedHeight;
        Set<MediaSubtype> subtypes = EnumSet.noneOf(MediaSubtype.class);
        subtypes.addAll(this.subtypes);
        if (mediaType == MediaType.PHOTO) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            if (lower.startsWith("screenshot") || lower.startsWith("screen shot")) {
                subtypes.add(MediaSubtype.SCREENSHOT);
            }
            int longSide = Math.max(width, height);
            int shortSide = Math.min(width, height);
            if (shortSide > 0 && longSide >= PANORAMA_MIN_LONG_SIDE && longSide >= 2L * shortSide) {
                subtypes.add(MediaSubtype.PANORAMA);
            }
        }
        if (mediaType == MediaType.VIDEO && ScreenRecordingNames.matches(fileName)) {
            subtypes.add(MediaSubtype.SCREEN_RECORDING);
        }
        if (hdr) {
            subtypes.add(MediaSubtype.HDR);
        }
        if (format != null && format.isRaw()) {
            subtypes.add(MediaSubtype.RAW);
        }
        return new MediaFacts(
                format,
                mediaType,
                width,
                height,
                orientation,
                capturedAt,
                mediaType == MediaType.PHOTO ? 0 : durationSeconds,
                location,
                make,
                model,
                subtypes,
                warnings,
                readerVersion,
                null,
                burstId,
                contentIdentifier);
    }
}
