package dev.camroll.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.metadata.MediaFormat;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A HEIF or AVIF with an alpha plane is laid over white, as PNG and WebP are, in its thumbnails,
 * previews and JPEG conversion: never shown over its coded colours (black where an encoder leaves
 * transparent pixels black). The AVIF is written by FFmpeg's AVIF muxer and libaom, with the alpha
 * as its own auxiliary item ({@link TransparentAvif}).
 */
class HeifAlphaTest {

    @TempDir
    Path dir;

    private final Thumbnailer thumbnailer = new Thumbnailer();

    /** Black pixels in three stripes: transparent, half transparent, opaque. */
    private Path stripes() {
        return TransparentAvif.write(dir.resolve("stripes.avif"), 96, 48, 0, (x, y) -> x < 32 ? 0 : x < 64 ? 128 : 255);
    }

    @Test
    void transparentPixelsOfAnAvifAreWhiteInEveryThumbnail() {
        Path avif = stripes();
        for (ThumbnailSize size : ThumbnailSize.values()) {
            BufferedImage picture = TestPictures.decode(thumbnailer.make(avif, MediaFormat.AVIF, size));
            assertStripes(picture, size.name());
        }
    }

    @Test
    void theJpegOfATransparentAvifIsLaidOverWhiteToo() throws Exception {
        Path jpeg = dir.resolve("stripes.jpg");
        JpegConversion.write(stripes(), MediaFormat.AVIF, jpeg);
        assertStripes(ImageIO.read(jpeg.toFile()), "conversion");
    }

    @Test
    void anOpaqueAvifKeepsItsColours() {
        Path avif = TransparentAvif.write(dir.resolve("opaque.avif"), 64, 48, 0, (x, y) -> 255);
        BufferedImage picture = TestPictures.decode(thumbnailer.make(avif, MediaFormat.AVIF, ThumbnailSize.GRID));
        assertThat(level(picture, 0.5)).isLessThan(20);
    }

    private static void assertStripes(BufferedImage picture, String what) {
        assertThat(picture.getWidth()).as(what).isEqualTo(2 * picture.getHeight());
        assertThat(level(picture, 1 / 6.0)).as(what + ": transparent is white").isGreaterThan(240);
        assertThat(level(picture, 3 / 6.0))
                .as(what + ": half transparent is grey")
                .isBetween(100, 160);
        assertThat(level(picture, 5 / 6.0)).as(what + ": opaque stays black").isLessThan(20);
    }

    /** The mean of red, green and blue at the middle row, at this fraction of the width. */
    private static int level(BufferedImage picture, double across) {
        int rgb = picture.getRGB((int) (picture.getWidth() * across), picture.getHeight() / 2);
        return (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
    }
}
