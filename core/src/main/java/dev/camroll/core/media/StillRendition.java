package dev.camroll.core.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;

import dev.camroll.core.media.redact.LocationRedactor;
import dev.camroll.core.metadata.MediaFacts;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.metadata.ProbeOutcome;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;

/**
 * The full-size JPEG of a picture a browser cannot show. A TIFF, HEIC or HEIF (and any other
 * photo, for {@link JpegConversion}) is decoded by the thumbnails' path (FFmpeg's decoder, a HEIF's
 * tile grid put together, ICC profile to sRGB, EXIF orientation or irot and imir applied) at its
 * own size. A raw
 * file is shown by the largest JPEG preview it carries ({@link RawPreview}): its bytes as they are
 * when the raw file's EXIF orientation is upright, else decoded and turned. The JDK's encoder
 * writes the JPEG; like a thumbnail it carries no metadata, so no location leaves with it.
 */
final class StillRendition {

    static final float JPEG_QUALITY = 0.92f;

    private final Thumbnailer decoder = new Thumbnailer();
    // The zone only matters for capture times, which a rendition does not read.
    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    /** Writes the JPEG of {@code source} to {@code target}. */
    void write(Path source, MediaFormat format, Path target) {
        if (format.isRaw()) {
            writePreview(source, format, target);
        } else {
            encode(decoded(source, format), target);
        }
    }

    private BufferedImage decoded(Path source, MediaFormat format) {
        try {
            return decoder.picture(source, format, Integer.MAX_VALUE);
        } catch (NoThumbnailException e) {
            NoRenditionException.Reason reason = e.reason() == NoThumbnailException.Reason.UNSUPPORTED_FORMAT
                    ? NoRenditionException.Reason.UNSUPPORTED_FORMAT
                    : NoRenditionException.Reason.UNREADABLE;
            throw new NoRenditionException(reason, e.getMessage());
        }
    }

    private void writePreview(Path source, MediaFormat format, Path target) {
        try {
            RawPreview.Found found = RawPreview.largest(source, format)
                    .orElseThrow(() -> new NoRenditionException(
                            NoRenditionException.Reason.UNSUPPORTED_FORMAT,
                            "the " + format.name() + " file holds no JPEG preview"));
            if ((long) found.width() * found.height() > decoder.maxPixels()) {
                throw new NoRenditionException(
                        NoRenditionException.Reason.UNREADABLE,
                        "the preview claims " + found.width() + " x " + found.height()
                                + " pixels, more than the limit");
            }
            Files.write(target, RawPreview.read(source, found));
            int orientation = orientationOf(source);
            if (orientation == 1) {
                // Upright already: the camera's own JPEG, without the location its EXIF may hold,
                // since the rendition is served to every scope alike.
                LocationRedactor.redactInPlace(target, MediaFormat.JPEG);
                return;
            }
            BufferedImage stored;
            try (StillDecoder.Decoded preview =
                    StillDecoder.decodeFile(target, AV_CODEC_ID_MJPEG, 0, decoder.maxPixels())) {
                stored = SrgbConversion.toSrgb(
                        FrameScaler.scale(
                                preview.frame(),
                                preview.frame().width(),
                                preview.frame().height()),
                        preview.iccProfile());
            }
            encode(Orientation.apply(stored, orientation), target);
        } catch (NoThumbnailException e) {
            throw new NoRenditionException(NoRenditionException.Reason.UNREADABLE, e.getMessage());
        } catch (IOException e) {
            throw new NoRenditionException(
                    NoRenditionException.Reason.UNREADABLE, "the raw file could not be read: " + e.getMessage());
        }
    }

    /** The EXIF orientation of the raw file, as the index reads it (1 when it says none). */
    private int orientationOf(Path source) {
        return probe.probe(source) instanceof ProbeOutcome.Media(MediaFacts facts) && facts.orientation() >= 1
                ? facts.orientation()
                : 1;
    }

    private static void encode(BufferedImage picture, Path target) {
        try {
            JpegWriter.write(picture, JPEG_QUALITY, target);
        } catch (IOException e) {
            throw new UncheckedIOException("the rendition could not be written to " + target, e);
        }
    }
}
