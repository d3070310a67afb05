package dev.camroll.core.media;

import static dev.camroll.core.media.TestPictures.CORNER;
import static dev.camroll.core.media.TestPictures.REST;
import static dev.camroll.core.media.TestPictures.near;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.testing.TestMedia;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThumbnailerPhotosTest {

    @TempDir
    Path dir;

    private final Thumbnailer thumbnailer = new Thumbnailer();

    @ParameterizedTest
    @ValueSource(strings = {"jpg", "png", "gif", "bmp", "tiff"})
    void aPhotoOfEachFormatGivesAGridThumbnailWithItsCornerInPlace(String extension) {
        Path file = TestPictures.write(dir.resolve("photo." + extension), TestPictures.quadrant(1000, 600), extension);

        Thumbnail thumbnail = thumbnailer.make(file, MediaFormat.fromFileName(file.toString()), ThumbnailSize.GRID);

        assertThat(thumbnail.mimeType()).isEqualTo("image/jpeg");
        assertThat(thumbnail.width()).isEqualTo(256);
        assertThat(thumbnail.height()).isEqualTo(154);
        BufferedImage decoded = TestPictures.decode(thumbnail);
        assertThat(decoded.getWidth()).isEqualTo(256);
        assertThat(decoded.getHeight()).isEqualTo(154);
        assertThat(near(decoded, 10, 10, CORNER)).as("top left is red").isTrue();
        assertThat(near(decoded, 245, 140, REST)).as("bottom right is blue").isTrue();
    }

    @Test
    void aWebpPhotoGivesAThumbnailOfItsShape() {
        Path file = TestMedia.webp(dir.resolve("photo.webp"), 640, 480);

        Thumbnail thumbnail = thumbnailer.make(file, MediaFormat.WEBP, ThumbnailSize.GRID);

        assertThat(TestPictures.decode(thumbnail).getWidth()).isEqualTo(256);
        assertThat(thumbnail.height()).isEqualTo(192);
    }

    @Test
    void anAvifStillGivesAThumbnailOfItsShape() {
        Path file = TestMedia.avif(dir.resolve("photo.avif"), 640, 480);

        Thumbnail thumbnail = thumbnailer.make(file, MediaFormat.AVIF, ThumbnailSize.GRID);

        assertThat(TestPictures.decode(thumbnail).getWidth()).isEqualTo(256);
        assertThat(thumbnail.height()).isEqualTo(192);
    }

    @Test
    void orientationSixTurnsALandscapeJpegIntoAPortraitThumbnail() {
        Path file = TestPictures.jpegWithOrientation(dir.resolve("turned.jpg"), 1600, 1200, 6);

        Thumbnail thumbnail = thumbnailer.make(file, MediaFormat.JPEG, ThumbnailSize.GRID);

        assertThat(thumbnail.width()).isEqualTo(192);
        assertThat(thumbnail.height()).isEqualTo(256);
        BufferedImage decoded = TestPictures.decode(thumbnail);
        // Turned a quarter clockwise, the stored top left is shown top right.
        assertThat(near(decoded, 180, 10, CORNER)).as("top right is red").isTrue();
        assertThat(near(decoded, 10, 10, REST)).as("top left is blue").isTrue();
    }

    @ParameterizedTest
    @CsvSource({"1,10,10", "2,300,10", "3,300,200", "4,10,200", "5,10,10", "6,200,10", "7,200,300", "8,10,300"})
    void everyOrientationPutsTheStoredCornerWhereItIsShown(int orientation, int x, int y) {
        Path file = TestPictures.jpegWithOrientation(dir.resolve("o" + orientation + ".jpg"), 320, 240, orientation);

        BufferedImage decoded = TestPictures.decode(thumbnailer.make(file, MediaFormat.JPEG, ThumbnailSize.PREVIEW));

        assertThat(near(decoded, x, y, CORNER)).as("red at " + x + "," + y).isTrue();
    }

    @Test
    void aPreviewOfASmallPictureKeepsItsSize() {
        Path file = TestPictures.write(dir.resolve("small.png"), TestPictures.quadrant(300, 200), "png");

        Thumbnail thumbnail = thumbnailer.make(file, MediaFormat.PNG, ThumbnailSize.PREVIEW);

        assertThat(thumbnail.width()).isEqualTo(300);
        assertThat(thumbnail.height()).isEqualTo(200);
    }

    @Test
    void aPreviewOfACameraSizedJpegHasTheLongEdgeOf1440() {
        Path file = TestPictures.write(dir.resolve("big.jpg"), TestPictures.quadrant(4000, 3000), "jpg");

        Thumbnail thumbnail = thumbnailer.make(file, MediaFormat.JPEG, ThumbnailSize.PREVIEW);

        assertThat(thumbnail.width()).isEqualTo(1440);
        assertThat(thumbnail.height()).isEqualTo(1080);
        assertThat(near(TestPictures.decode(thumbnail), 700, 500, CORNER)).isTrue();
    }

    @Test
    void jpegIsDecodedAtTheLeastSizeThatStillCoversTheThumbnail() {
        assertThat(Thumbnailer.reduction(4032, 256)).isEqualTo(3);
        assertThat(Thumbnailer.reduction(4032, 1440)).isEqualTo(1);
        assertThat(Thumbnailer.reduction(1000, 256)).isEqualTo(1);
        assertThat(Thumbnailer.reduction(300, 256)).isZero();
        assertThat(Thumbnailer.reduction(0, 256)).isZero();
    }

    @Test
    void aJpegInLinearRgbIsConvertedToSrgb() throws IOException {
        Path file = Files.write(
                dir.resolve("linear.jpg"),
                TestPictures.jpegWithProfile(TestPictures.flat(400, 300, 128), TestPictures.linearRgbProfile()));

        BufferedImage decoded = TestPictures.decode(thumbnailer.make(file, MediaFormat.JPEG, ThumbnailSize.GRID));

        // Linear 128/255 is sRGB 188: shown without conversion it would be far too dark.
        assertThat(new Color(decoded.getRGB(100, 80)).getGreen()).isBetween(178, 198);
    }

    @Test
    void aPngInLinearRgbIsConvertedToSrgb() throws IOException {
        Path file = Files.write(
                dir.resolve("linear.png"),
                TestPictures.pngWithProfile(TestPictures.flat(400, 300, 128), TestPictures.linearRgbProfile()));

        BufferedImage decoded = TestPictures.decode(thumbnailer.make(file, MediaFormat.PNG, ThumbnailSize.GRID));

        assertThat(new Color(decoded.getRGB(100, 80)).getGreen()).isBetween(178, 198);
    }

    @Test
    void aWebpThumbnailIsAWebpOfTheSameShape() {
        Path file = TestPictures.jpegWithOrientation(dir.resolve("turned.jpg"), 800, 600, 6);

        Thumbnail thumbnail = thumbnailer.make(file, MediaFormat.JPEG, ThumbnailSize.GRID, ThumbnailFormat.WEBP);

        assertThat(Thumbnailer.webpAvailable()).isTrue();
        assertThat(thumbnail.mimeType()).isEqualTo("image/webp");
        assertThat(new String(thumbnail.bytes(), 0, 4)).isEqualTo("RIFF");
        assertThat(new String(thumbnail.bytes(), 8, 4)).isEqualTo("WEBP");
        // Read back through the WebP thumbnailer path: the same shape, portrait.
        Path written = dir.resolve("thumb.webp");
        try {
            Files.write(written, thumbnail.bytes());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Thumbnail again = thumbnailer.make(written, MediaFormat.WEBP, ThumbnailSize.GRID);
        assertThat(List.of(again.width(), again.height())).containsExactly(192, 256);
        assertThat(near(TestPictures.decode(again), 180, 10, CORNER)).isTrue();
    }

    @Test
    void aHeicOfNothingButItsFileTypeBoxHasNoThumbnail() throws IOException {
        Path heic = Files.write(dir.resolve("photo.heic"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});

        assertThatThrownBy(() -> thumbnailer.make(heic, MediaFormat.HEIC, ThumbnailSize.GRID))
                .isInstanceOfSatisfying(NoThumbnailException.class, e -> {
                    assertThat(e.code().wireName()).isEqualTo("no_thumbnail");
                    assertThat(e.reason()).isEqualTo(NoThumbnailException.Reason.UNREADABLE);
                });
    }

    @Test
    void aFileThatIsNotAPictureHasNoThumbnail() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jpg"), "not a picture at all");
        Path truncated = dir.resolve("truncated.jpg");
        byte[] jpeg = Files.readAllBytes(
                TestPictures.write(dir.resolve("whole.jpg"), TestPictures.quadrant(800, 600), "jpg"));
        Files.write(truncated, java.util.Arrays.copyOf(jpeg, 700));

        for (Path file : List.of(text, truncated)) {
            assertThatThrownBy(() -> thumbnailer.make(file, MediaFormat.JPEG, ThumbnailSize.GRID))
                    .as(file.toString())
                    .isInstanceOf(NoThumbnailException.class);
        }
    }
}
