package dev.camroll.core.metadata;

import static dev.camroll.core.metadata.MediaProbeCorpusTest.facts;
import static dev.camroll.core.metadata.TiffFiles.DATE_TIME_ORIGINAL;
import static dev.camroll.core.metadata.TiffFiles.EXIF_IFD;
import static dev.camroll.core.metadata.TiffFiles.GPS_IFD;
import static dev.camroll.core.metadata.TiffFiles.GPS_LATITUDE;
import static dev.camroll.core.metadata.TiffFiles.GPS_LATITUDE_REF;
import static dev.camroll.core.metadata.TiffFiles.GPS_LONGITUDE;
import static dev.camroll.core.metadata.TiffFiles.GPS_LONGITUDE_REF;
import static dev.camroll.core.metadata.TiffFiles.IMAGE_HEIGHT;
import static dev.camroll.core.metadata.TiffFiles.IMAGE_WIDTH;
import static dev.camroll.core.metadata.TiffFiles.MAKE;
import static dev.camroll.core.metadata.TiffFiles.OFFSET_TIME_ORIGINAL;
import static dev.camroll.core.metadata.TiffFiles.SUB_SEC_TIME_ORIGINAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TIFF's size is its first page's, as viewers and exiftool show it; BigTIFF is read too. */
class TiffPagesTest {

    @TempDir
    Path folder;

    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    private static TiffFiles.Ifd page(int width, int height) {
        return TiffFiles.ifd().longs(IMAGE_WIDTH, width).longs(IMAGE_HEIGHT, height);
    }

    @Test
    void aMultiPageTiffHasTheSizeOfItsFirstPage() throws IOException {
        TiffFiles.Ifd first = page(100, 80);
        first.next = page(4000, 3000);

        MediaFacts facts = facts(probe, Files.write(folder.resolve("pages.tif"), TiffFiles.classic(first)));

        // exiftool: ImageWidth 100, ImageHeight 80 (IFD0)
        assertThat(facts.width()).isEqualTo(100);
        assertThat(facts.height()).isEqualTo(80);
    }

    @Test
    void bigTiffIsReadWithItsExifAndPlace() throws IOException {
        TiffFiles.Ifd exif = TiffFiles.ifd()
                .ascii(DATE_TIME_ORIGINAL, "2022:03:04 05:06:07")
                .ascii(OFFSET_TIME_ORIGINAL, "+02:00")
                .ascii(SUB_SEC_TIME_ORIGINAL, "25");
        TiffFiles.Ifd gps = TiffFiles.ifd()
                .ascii(GPS_LATITUDE_REF, "N")
                .rationals(GPS_LATITUDE, 45, 1, 30, 1, 0, 1)
                .ascii(GPS_LONGITUDE_REF, "E")
                .rationals(GPS_LONGITUDE, 9, 1, 15, 1, 0, 1);
        TiffFiles.Ifd first = page(120, 90)
                .ascii(MAKE, "Camroll Optics")
                .child(EXIF_IFD, exif)
                .child(GPS_IFD, gps);
        first.next = page(6000, 4000);

        MediaFacts facts = facts(probe, Files.write(folder.resolve("big.tif"), TiffFiles.bigTiff(first)));

        assertThat(facts.format()).isEqualTo(MediaFormat.TIFF);
        assertThat(facts.width()).isEqualTo(120);
        assertThat(facts.height()).isEqualTo(90);
        assertThat(facts.make()).isEqualTo("Camroll Optics");
        assertThat(facts.capturedAt())
                .isEqualTo(OffsetDateTime.parse("2022-03-04T05:06:07.25+02:00")
                        .toInstant()
                        .toEpochMilli());
        assertThat(facts.location()).isNotNull();
        assertThat(facts.location().latitude()).isCloseTo(45.5, within(1e-9));
        assertThat(facts.location().longitude()).isCloseTo(9.25, within(1e-9));
        assertThat(facts.warnings()).isEmpty();
        assertThat(MetadataDump.readAll(folder.resolve("big.tif")))
                .containsEntry(
                        "Exif IFD0",
                        java.util.Map.of(
                                "Image Width", "120 pixels", "Image Height", "90 pixels", "Make", "Camroll Optics"))
                .containsKey("GPS");
    }
}
