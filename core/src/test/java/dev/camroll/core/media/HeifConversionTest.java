package dev.camroll.core.media;

import static dev.camroll.core.media.HeifPictures.IPHONE;
import static dev.camroll.core.media.HeifPictures.reference;
import static dev.camroll.core.media.HeifPictures.regionDifference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A HEIC as a JPEG (the rendition a browser is given, and the picker's "compatible" form), and
 * AVIF stills, which go through the same HEIF decoder.
 */
class HeifConversionTest {

    @TempDir
    Path dir;

    @Test
    void aHeicNeedsAJpegRenditionAndAnAvifIsShownAsItIs() {
        assertThat(BrowserFormats.judge(TestMedia.corpus(IPHONE), MediaFormat.HEIC))
                .contains(RenditionKind.PHOTO_JPEG);
        Path avif = TestMedia.avif(dir.resolve("still.avif"), 320, 240);
        assertThat(BrowserFormats.judge(avif, MediaFormat.AVIF)).isEmpty();
        assertThat(JpegConversion.needed(MediaFormat.HEIC)).isTrue();
        assertThat(JpegConversion.needed(MediaFormat.JPEG)).isFalse();
    }

    @Test
    void iphoneHeicsBecomeFullSizeUprightJpegsWithoutTheirLocation() throws Exception {
        Path target = dir.resolve("compatible.jpg");

        JpegConversion.write(TestMedia.corpus(IPHONE), MediaFormat.HEIC, target);

        BufferedImage jpeg = ImageIO.read(target.toFile());
        assertThat(List.of(jpeg.getWidth(), jpeg.getHeight())).containsExactly(3024, 4032);
        assertThat(regionDifference(jpeg, reference(IPHONE))).isLessThan(12);

        // An edited iPhone photo with a location: its grid cropped to 2566 x 3313, no location kept.
        String located = "exif-samples/heic/IMG_5195.HEIC";
        assertThat(gps(TestMedia.corpus(located)))
                .as("the original has a location")
                .isPresent();
        Path edited = dir.resolve("edited.jpg");
        JpegConversion.write(TestMedia.corpus(located), MediaFormat.HEIC, edited);
        BufferedImage editedJpeg = ImageIO.read(edited.toFile());
        assertThat(List.of(editedJpeg.getWidth(), editedJpeg.getHeight())).containsExactly(2566, 3313);
        assertThat(regionDifference(editedJpeg, reference(located))).isLessThan(12);
        assertThat(gps(edited)).isEmpty();
    }

    @Test
    void aTruncatedHeicCannotBeConvertedAndSaysSo() throws Exception {
        byte[] whole = Files.readAllBytes(TestMedia.corpus(IPHONE));
        Path cut = Files.write(dir.resolve("cut.heic"), java.util.Arrays.copyOf(whole, whole.length / 3));

        assertThatThrownBy(() -> JpegConversion.write(cut, MediaFormat.HEIC, dir.resolve("cut.jpg")))
                .isInstanceOfSatisfying(NoRenditionException.class, e -> {
                    assertThat(e.code().wireName()).isEqualTo("no_rendition");
                    assertThat(e.reason()).isEqualTo(NoRenditionException.Reason.UNREADABLE);
                });
        assertThatThrownBy(() -> JpegConversion.write(cut, MediaFormat.MP4, dir.resolve("x.jpg")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAvifIsDecodedThroughItsPrimaryItemAsFfmpegsVideoPathDecodesIt() {
        Path avif = TestMedia.avif(dir.resolve("still.avif"), 640, 480);
        Thumbnailer thumbnailer = new Thumbnailer();

        BufferedImage thumbnail = TestPictures.decode(thumbnailer.make(avif, MediaFormat.AVIF, ThumbnailSize.GRID));
        // The same file through FFmpeg's demuxer as a one-frame video: another path to its picture.
        BufferedImage asVideo = VideoFrames.frameAt(avif, 0, 256).image();

        assertThat(List.of(thumbnail.getWidth(), thumbnail.getHeight())).containsExactly(256, 192);
        assertThat(HeifPictures.pixelDifference(thumbnail, asVideo)).isLessThan(8); // the thumbnail is a JPEG
        // The test picture is a repeating diagonal ramp: mirrored, it differs pixel by pixel.
        assertThat(HeifPictures.pixelDifference(thumbnail, Orientation.apply(asVideo, 2)))
                .isGreaterThan(20);
    }

    @Test
    void aConvertedAvifIsAJpegOfItsSize() throws Exception {
        Path avif = TestMedia.avif(dir.resolve("still.avif"), 640, 480);
        Path target = dir.resolve("still.jpg");

        JpegConversion.write(avif, MediaFormat.AVIF, target);

        BufferedImage jpeg = ImageIO.read(target.toFile());
        assertThat(List.of(jpeg.getWidth(), jpeg.getHeight())).containsExactly(640, 480);
    }

    private static Optional<GpsDirectory> gps(Path file) throws Exception {
        Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
        return Optional.ofNullable(metadata.getFirstDirectoryOfType(GpsDirectory.class))
                .filter(directory -> directory.getGeoLocation() != null);
    }
}
