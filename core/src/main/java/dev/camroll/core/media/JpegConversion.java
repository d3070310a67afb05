package dev.camroll.core.media;

import dev.camroll.api.MediaType;
import dev.camroll.core.media.redact.LocationRedactor;
import dev.camroll.core.metadata.MediaFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A photo as a JPEG any program reads: the picker's "compatible" representation (what iOS hands
 * an app that asks for one instead of a HEIC, expo-image-picker's
 * {@code preferredAssetRepresentationMode: 'compatible'}), and the rendition a browser is given of
 * a TIFF, HEIC, HEIF or raw file. The picture is full size, upright (EXIF orientation, or a
 * HEIF's irot and imir, applied to the pixels), in sRGB, quality 92, written by the JDK's
 * encoder; a raw file gives its largest JPEG preview. A HEIC, HEIF or AVIF keeps its EXIF
 * ({@link ExifCarryOver}: capture time, camera, lens, exposure; Orientation 1, since the pixels
 * are turned), its location only when the caller asks for it; other formats' conversions carry no
 * metadata.
 *
 * <p>Thread-safe.
 */
public final class JpegConversion {

    /** The JPEG quality of conversions and photo renditions. */
    public static final float QUALITY = StillRendition.JPEG_QUALITY;

    /** Whether the JPEG keeps the photo's location (EXIF GPS): not for a caller who may not see it. */
    public enum Location {
        KEEP,
        LEAVE_OUT
    }

    private static final StillRendition STILLS = new StillRendition();

    private JpegConversion() {}

    /** Whether a photo of {@code format} needs converting to be a JPEG (every format but JPEG). */
    public static boolean needed(MediaFormat format) {
        return format != MediaFormat.JPEG;
    }

    /**
     * Writes the JPEG of the photo {@code source} to {@code target} (replaced), its EXIF kept
     * without its location.
     *
     * @see #write(Path, MediaFormat, Path, Location)
     */
    public static void write(Path source, MediaFormat format, Path target) {
        write(source, format, target, Location.LEAVE_OUT);
    }

    /**
     * Writes the JPEG of the photo {@code source} to {@code target} (replaced).
     *
     * @param format the photo's format, as the index has it
     * @param location whether the EXIF carried over keeps the GPS position
     * @throws NoRenditionException ({@code no_rendition}) when the photo cannot be decoded, claims
     *     more pixels than the thumbnails' limit, or is a raw file without a usable preview
     * @throws IllegalArgumentException when {@code format} is not a photo format
     * @throws UncheckedIOException when the target cannot be written
     */
    public static void write(Path source, MediaFormat format, Path target, Location location) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(location, "location");
        if (Objects.requireNonNull(format, "format").mediaType() != MediaType.PHOTO) {
            throw new IllegalArgumentException("not a photo format: " + format);
        }
        STILLS.write(source, format, target);
        if (format != MediaFormat.HEIC && format != MediaFormat.AVIF) {
            return;
        }
        try {
            ExifCarryOver.insert(target, ExifCarryOver.tiffOfHeif(source));
            if (location == Location.LEAVE_OUT) {
                // The redactor blanks the GPS IFD as it does for any JPEG served without a location.
                LocationRedactor.redactInPlace(target, MediaFormat.JPEG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the EXIF could not be written to " + target, e);
        }
    }
}
