package dev.camroll.core.media;

import dev.camroll.core.metadata.MediaFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The full-size JPEG of a picture a browser cannot show (TIFF): decoded by the thumbnails' path
 * (FFmpeg's decoder, ICC profile to sRGB, EXIF orientation applied) at its own size, encoded with
 * the JDK's encoder. Like a thumbnail it carries no metadata, so no location leaves with it.
 */
final class StillRendition {

    static final float JPEG_QUALITY = 0.92f;

    private final Thumbnailer decoder = new Thumbnailer();

    /** Writes the JPEG of {@code source} to {@code target}. */
    void write(Path source, MediaFormat format, Path target) {
        BufferedImage picture;
        try {
            picture = decoder.picture(source, format, Integer.MAX_VALUE);
        } catch (NoThumbnailException e) {
            NoRenditionException.Reason reason = e.reason() == NoThumbnailException.Reason.UNSUPPORTED_FORMAT
                    ? NoRenditionException.Reason.UNSUPPORTED_FORMAT
                    : NoRenditionException.Reason.UNREADABLE;
            throw new NoRenditionException(reason, e.getMessage());
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (OutputStream file = Files.newOutputStream(target);
                ImageOutputStream out = ImageIO.createImageOutputStream(file)) {
            writer.setOutput(out);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(picture, null, null), parameters);
        } catch (IOException e) {
            throw new UncheckedIOException("the rendition could not be written to " + target, e);
        } finally {
            writer.dispose();
        }
    }
}
