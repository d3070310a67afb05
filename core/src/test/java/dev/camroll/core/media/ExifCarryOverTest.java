package dev.camroll.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.metadata.exif.ExifIFD0Directory;
import dev.camroll.core.media.redact.NoLocation;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A camera JPEG's or an iPhone HEIC's EXIF moves over to a JPEG re-encoded from it, its
 * orientation made upright.
 */
class ExifCarryOverTest {
    @TempDir
    Path folder;

    @Test
    void theCamerasExifComesAlongWithItsCoordinates() throws IOException {
        Path camera = TestMedia.corpus("exif-samples/jpg/gps/DSCN0010.jpg");
        Path target = TestMedia.jpeg(folder.resolve("new.jpg"), 64, 48);

        ExifCarryOver.carry(camera, MediaFormat.JPEG, target);

        byte[] carried = Files.readAllBytes(target);
        assertThat(NoLocation.tag(carried, ExifIFD0Directory.class, ExifIFD0Directory.TAG_MAKE))
                .isEqualTo("NIKON");
        assertThat(NoLocation.rawCoordinates(Files.readAllBytes(camera)))
                .anyMatch(form -> NoLocation.indexOf(carried, form) >= 0);
    }

    @Test
    void theOrientationBecomesUpright() throws IOException {
        Path sideways = TestMedia.jpegWithExif(
                folder.resolve("sideways.jpg"),
                80,
                60,
                TestMedia.ExifSpec.builder().orientation(6).make("Camroll").build());
        Path target = TestMedia.jpeg(folder.resolve("new.jpg"), 60, 80);

        ExifCarryOver.carry(sideways, MediaFormat.JPEG, target);

        byte[] carried = Files.readAllBytes(target);
        assertThat(NoLocation.tag(carried, ExifIFD0Directory.class, ExifIFD0Directory.TAG_ORIENTATION))
                .isEqualTo("1");
        assertThat(NoLocation.tag(carried, ExifIFD0Directory.class, ExifIFD0Directory.TAG_MAKE))
                .isEqualTo("Camroll");
    }

    @Test
    void anIphonesHeicExifComesAlongToo() throws IOException {
        Path iphone = TestMedia.corpus(JpegConversionExifTest.LOCATED);
        Path target = TestMedia.jpeg(folder.resolve("new.jpg"), 64, 48);

        ExifCarryOver.carry(iphone, MediaFormat.HEIC, target);

        assertThat(NoLocation.tag(Files.readAllBytes(target), ExifIFD0Directory.class, ExifIFD0Directory.TAG_MAKE))
                .isEqualTo("Apple");
    }
}
