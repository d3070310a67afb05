package dev.camroll.core.metadata;

import static dev.camroll.core.metadata.MediaProbeCorpusTest.facts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.camroll.api.MediaSubtype;
import dev.camroll.core.testing.TestMedia;
import dev.camroll.core.testing.TestMedia.ExifSpec;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JPEGs whose EXIF is written by the test, so every expected value is known. */
class MediaProbeExifTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final LocalDateTime TAKEN = LocalDateTime.of(2024, 5, 6, 7, 8, 9);

    @TempDir
    Path folder;

    private final MediaProbe probe = new MediaProbe(ZONE);

    @Test
    void dateTimeOriginalWithOffsetIgnoresTheProbeZone() {
        Path file = TestMedia.jpegWithExif(
                folder.resolve("offset.jpg"),
                64,
                48,
                ExifSpec.builder()
                        .dateTimeOriginal(TAKEN)
                        .offsetTimeOriginal("+02:00")
                        .build());

        MediaFacts facts = facts(probe, file);

        assertThat(facts.capturedAt())
                .isEqualTo(OffsetDateTime.of(TAKEN, ZoneOffset.ofHours(2))
                        .toInstant()
                        .toEpochMilli());
        assertThat(facts.warnings()).isEmpty();
    }

    @Test
    void dateTimeOriginalWithoutOffsetIsTakenInTheProbeZone() {
        Path file = TestMedia.jpegWithExif(
                folder.resolve("local.jpg"),
                64,
                48,
                ExifSpec.builder().dateTimeOriginal(TAKEN).build());

        assertThat(facts(probe, file).capturedAt())
                .isEqualTo(TAKEN.atZone(ZONE).toInstant().toEpochMilli());
        assertThat(facts(new MediaProbe(ZoneOffset.UTC), file).capturedAt())
                .isEqualTo(TAKEN.toInstant(ZoneOffset.UTC).toEpochMilli());
    }

    @Test
    void gpsMakeModelAndOrientation() {
        Path file = TestMedia.jpegWithExif(
                folder.resolve("full.jpg"),
                400,
                300,
                ExifSpec.builder()
                        .orientation(6)
                        .gps(-33.856784, 151.215297)
                        .make("  Camroll Cameras ")
                        .model("CR-1\0")
                        .build());

        MediaFacts facts = facts(probe, file);

        assertThat(facts.location().latitude()).isCloseTo(-33.856784, within(1e-5));
        assertThat(facts.location().longitude()).isCloseTo(151.215297, within(1e-5));
        assertThat(facts.make()).isEqualTo("Camroll Cameras");
        assertThat(facts.model()).isEqualTo("CR-1");
        assertThat(facts.orientation()).isEqualTo(6);
        // Orientation 6 turns the 400x300 stored picture a quarter: displayed 300x400.
        assertThat(facts.width()).isEqualTo(300);
        assertThat(facts.height()).isEqualTo(400);
        assertThat(facts.capturedAt()).isNull();
    }

    @Test
    void zeroZeroWithoutAFixIsNoPlace() {
        Path file = TestMedia.jpegWithExif(
                folder.resolve("null-island.jpg"),
                32,
                32,
                ExifSpec.builder().gps(0, 0).build());

        MediaFacts facts = facts(probe, file);

        // What a receiver without a fix writes; GpsLocationTest has a 0, 0 with GPSStatus A.
        assertThat(facts.location()).isNull();
    }

    @Test
    void blankMakeIsNullAndOutOfRangeOrientationIsOneWithAWarning() {
        Path file = TestMedia.jpegWithExif(
                folder.resolve("odd.jpg"),
                40,
                20,
                ExifSpec.builder().orientation(9).make("   ").build());

        MediaFacts facts = facts(probe, file);

        assertThat(facts.make()).isNull();
        assertThat(facts.orientation()).isEqualTo(1);
        assertThat(facts.width()).isEqualTo(40);
        assertThat(facts.warnings()).anyMatch(w -> w.contains("orientation 9"));
    }

    @Test
    void noExifAtAll() {
        MediaFacts facts = facts(probe, TestMedia.jpeg(folder.resolve("plain.jpg"), 120, 80));

        assertThat(facts.width()).isEqualTo(120);
        assertThat(facts.height()).isEqualTo(80);
        assertThat(facts.orientation()).isEqualTo(1);
        assertThat(facts.capturedAt()).isNull();
        assertThat(facts.location()).isNull();
        assertThat(facts.make()).isNull();
        assertThat(facts.subtypes()).isEmpty();
        assertThat(facts.warnings()).isEmpty();
    }

    @Test
    void screenshotsByName() {
        assertThat(facts(probe, TestMedia.jpeg(folder.resolve("Screenshot_20240506.jpg"), 20, 40))
                        .subtypes())
                .containsExactly(MediaSubtype.SCREENSHOT);
        assertThat(facts(probe, TestMedia.png(folder.resolve("screen shot 2024-05-06 at 10.00.png"), 20, 40))
                        .subtypes())
                .containsExactly(MediaSubtype.SCREENSHOT);
        assertThat(facts(probe, TestMedia.png(folder.resolve("my Screenshot.png"), 20, 40))
                        .subtypes())
                .isEmpty();
    }

    @Test
    void panoramasAreAtLeastTwoToOneAndThreeThousandLong() {
        assertThat(facts(probe, TestMedia.jpeg(folder.resolve("wide.jpg"), 3000, 1500))
                        .subtypes())
                .containsExactly(MediaSubtype.PANORAMA);
        assertThat(facts(probe, TestMedia.jpeg(folder.resolve("tall.jpg"), 1000, 3200))
                        .subtypes())
                .containsExactly(MediaSubtype.PANORAMA);
        assertThat(facts(probe, TestMedia.jpeg(folder.resolve("small-wide.jpg"), 2998, 1499))
                        .subtypes())
                .isEmpty();
        assertThat(facts(probe, TestMedia.jpeg(folder.resolve("not-wide.jpg"), 3000, 1501))
                        .subtypes())
                .isEmpty();
    }

    @Test
    void exifTimeParsing() {
        FactsBuilder out = new FactsBuilder(MediaFormat.JPEG);
        assertThat(PhotoReader.parseExifTime("0000:00:00 00:00:00", null, null, ZONE, out))
                .isNull();
        assertThat(PhotoReader.parseExifTime("    :  :     :  :  ", null, null, ZONE, out))
                .isNull();
        assertThat(out.warnings).isEmpty();
        assertThat(PhotoReader.parseExifTime("2024:05:06 07:08:09", "-03:30", "5", ZONE, out))
                .isEqualTo(OffsetDateTime.of(TAKEN, ZoneOffset.ofHoursMinutes(-3, -30))
                                .toInstant()
                                .toEpochMilli()
                        + 500);
        assertThat(PhotoReader.parseExifTime("2024:13:45 07:08:09", null, null, ZONE, out))
                .isNull();
        assertThat(out.warnings).anyMatch(w -> w.contains("not a valid date"));
        assertThat(PhotoReader.parseExifTime("2024:05:06 07:08:09", "+99:00", null, ZoneOffset.UTC, out))
                .isEqualTo(TAKEN.toInstant(ZoneOffset.UTC).toEpochMilli());
        assertThat(out.warnings).anyMatch(w -> w.contains("offset"));
    }
}
