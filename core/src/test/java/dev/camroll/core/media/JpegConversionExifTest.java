package dev.camroll.core.media;

import static dev.camroll.core.media.HeifPictures.IPHONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The picker's "compatible" JPEG of a HEIC keeps the photo's EXIF (capture time, camera, lens,
 * exposure, and the location unless the caller leaves it out), with the orientation set to 1 since
 * the pixels are turned; read back by metadata-extractor from the JPEG alone.
 */
class JpegConversionExifTest {

    /** An edited iPhone photo with a location (its EXIF says orientation 1 or more, and GPS). */
    static final String LOCATED = "exif-samples/heic/IMG_5195.HEIC";

    @TempDir
    Path dir;

    @Test
    void theJpegKeepsTheHeicsExifWithItsLocationWhenAsked() throws Exception {
        Path source = TestMedia.corpus(LOCATED);
        Path target = dir.resolve("kept.jpg");

        JpegConversion.write(source, MediaFormat.HEIC, target, JpegConversion.Location.KEEP);

        Metadata original = ImageMetadataReader.readMetadata(source.toFile());
        Metadata converted = ImageMetadataReader.readMetadata(target.toFile());
        assertSameCameraAndTime(original, converted);
        GpsDirectory gps = converted.getFirstDirectoryOfType(GpsDirectory.class);
        assertThat(gps).isNotNull();
        assertThat(gps.getGeoLocation())
                .isEqualTo(original.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation());
        BufferedImage jpeg = ImageIO.read(target.toFile());
        assertThat(List.of(jpeg.getWidth(), jpeg.getHeight())).containsExactly(2566, 3313);
    }

    @Test
    void theLocationIsLeftOutForACallerWithoutIt() throws Exception {
        Path source = TestMedia.corpus(LOCATED);
        Path left = dir.resolve("left-out.jpg");
        Path byDefault = dir.resolve("default.jpg");

        JpegConversion.write(source, MediaFormat.HEIC, left, JpegConversion.Location.LEAVE_OUT);
        JpegConversion.write(source, MediaFormat.HEIC, byDefault);

        Metadata original = ImageMetadataReader.readMetadata(source.toFile());
        for (Path target : List.of(left, byDefault)) {
            Metadata converted = ImageMetadataReader.readMetadata(target.toFile());
            assertSameCameraAndTime(original, converted);
            GpsDirectory gps = converted.getFirstDirectoryOfType(GpsDirectory.class);
            assertThat(gps == null ? null : gps.getGeoLocation())
                    .as(target.toString())
                    .isNull();
        }
    }

    @Test
    void theOrientationIsOneSinceThePixelsAreTurned() throws Exception {
        Path source = TestMedia.corpus(IPHONE);
        Metadata original = ImageMetadataReader.readMetadata(source.toFile());
        assertThat(original.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION))
                .as("the iPhone's EXIF repeats its irot")
                .isEqualTo(6);
        Path target = dir.resolve("upright.jpg");

        JpegConversion.write(source, MediaFormat.HEIC, target, JpegConversion.Location.KEEP);

        Metadata converted = ImageMetadataReader.readMetadata(target.toFile());
        assertThat(converted.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION))
                .isEqualTo(1);
        assertSameCameraAndTime(original, converted);
        BufferedImage jpeg = ImageIO.read(target.toFile());
        assertThat(List.of(jpeg.getWidth(), jpeg.getHeight())).containsExactly(3024, 4032);
    }

    @Test
    void aPictureWithoutExifGivesAJpegWithoutIt() throws Exception {
        Path avif = TestMedia.avif(dir.resolve("still.avif"), 64, 48);
        Path target = dir.resolve("still.jpg");

        JpegConversion.write(avif, MediaFormat.AVIF, target, JpegConversion.Location.KEEP);

        Metadata converted = ImageMetadataReader.readMetadata(target.toFile());
        assertThat(converted.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(ImageIO.read(target.toFile()).getWidth()).isEqualTo(64);
    }

    private static void assertSameCameraAndTime(Metadata original, Metadata converted) {
        ExifIFD0Directory ifd0 = original.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifIFD0Directory convertedIfd0 = converted.getFirstDirectoryOfType(ExifIFD0Directory.class);
        assertThat(convertedIfd0).as("the JPEG has EXIF").isNotNull();
        assertThat(convertedIfd0.getString(ExifIFD0Directory.TAG_MAKE))
                .isEqualTo(ifd0.getString(ExifIFD0Directory.TAG_MAKE));
        assertThat(convertedIfd0.getString(ExifIFD0Directory.TAG_MODEL))
                .isNotBlank()
                .isEqualTo(ifd0.getString(ExifIFD0Directory.TAG_MODEL));
        ExifSubIFDDirectory exif = original.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        ExifSubIFDDirectory convertedExif = converted.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        assertThat(convertedExif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL))
                .isNotBlank()
                .isEqualTo(exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL));
        assertThat(convertedExif.getString(ExifSubIFDDirectory.TAG_LENS_MODEL))
                .isEqualTo(exif.getString(ExifSubIFDDirectory.TAG_LENS_MODEL));
    }
}
