package dev.camroll.core.media;

import dev.camroll.api.MediaType;
import dev.camroll.core.metadata.MediaFormat;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A photo as a JPEG any program reads: the picker's "compatible" representation (what iOS hands
 * an app that asks for one instead of a HEIC, expo-image-picker's
 * {@code preferredAssetRepresentationMode: 'compatible'}), and the rendition a browser is given of
 * a TIFF, HEIC, HEIF or raw file. The picture is full size, upright (EXIF orientation, or a
 * HEIF's irot and imir, applied to the pixels), in sRGB, quality 92, written by the JDK's
 * encoder; a raw file gives its largest JPEG preview. Like the renditions it carries no
 * metadata, so no location leaves with it whatever the caller may see: a caller that wants the
 * EXIF takes it from the asset's info, which its scope filters.
 *
 * <p>Thread-safe.
 */
public final class JpegConversion {

    /** The JPEG quality of conversions and photo renditions. */
    public static final float QUALITY = StillRendition.JPEG_QUALITY;

    private static final StillRendition STILLS = new StillRendition();

    private JpegConversion() {}

    /** Whether a photo of {@code format} needs converting to be a JPEG (every format but JPEG). */
    public static boolean needed(MediaFormat format) {
        return format != MediaFormat.JPEG;
    }

    /**
     * Writes the JPEG of the photo {@code source} to {@code target} (replaced).
     *
     * @param format the photo's format, as the index has it
     * @throws NoRenditionException ({@code no_rendition}) when the photo cannot be decoded, claims
     *     more pixels than the thumbnails' limit, or is a raw file without a usable preview
     * @throws IllegalArgumentException when {@code format} is not a photo format
     */
    public static void write(Path source, MediaFormat format, Path target) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (Objects.requireNonNull(format, "format").mediaType() != MediaType.PHOTO) {
            throw new IllegalArgumentException("not a photo format: " + format);
        }
        STILLS.write(source, format, target);
    }
}
