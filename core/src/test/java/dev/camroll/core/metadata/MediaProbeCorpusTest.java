package dev.camroll.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.camroll.api.MediaType;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real camera files from the sample corpus, with values checked against exiftool. */
class MediaProbeCorpusTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Rome");
    private final MediaProbe probe = new MediaProbe(ZONE);

    static MediaFacts facts(MediaProbe probe, Path file) {
        ProbeOutcome outcome = probe.probe(file);
        assertThat(outcome).as("%s", file).isInstanceOf(ProbeOutcome.Media.class);
        return ((ProbeOutcome.Media) outcome).facts();
    }

    static Stream<Arguments> orientations() {
        return Stream.of(1, 2, 3, 4, 5, 6, 7, 8)
                .flatMap(o -> Stream.of(
                        // Landscape samples display at 600x450, portrait ones at 450x600, whatever is stored.
                        Arguments.of("landscape_" + o + ".jpg", o, 600, 450),
                        Arguments.of("portrait_" + o + ".jpg", o, 450, 600)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orientations")
    void orientationSamplesHaveTheirDisplayedSize(String name, int orientation, int width, int height) {
        MediaFacts facts = facts(probe, TestMedia.corpus("exif-samples/jpg/orientation/" + name));

        assertThat(facts.format()).isEqualTo(MediaFormat.JPEG);
        assertThat(facts.mediaType()).isEqualTo(MediaType.PHOTO);
        assertThat(facts.orientation()).isEqualTo(orientation);
        assertThat(facts.width()).isEqualTo(width);
        assertThat(facts.height()).isEqualTo(height);
        assertThat(facts.warnings()).isEmpty();
    }

    @Test
    void gpsSampleHasItsPositionCameraAndLocalCaptureTime() {
        MediaFacts facts = facts(probe, TestMedia.corpus("exif-samples/jpg/gps/DSCN0010.jpg"));

        // exiftool -n: 43.4674483333333 11.8851266666639
        assertThat(facts.location()).isNotNull();
        assertThat(facts.location().latitude()).isCloseTo(43.4674483333333, within(1e-5));
        assertThat(facts.location().longitude()).isCloseTo(11.8851266666639, within(1e-5));
        assertThat(facts.make()).isEqualTo("NIKON");
        assertThat(facts.model()).isEqualTo("COOLPIX P6000");
        assertThat(facts.width()).isEqualTo(640);
        assertThat(facts.height()).isEqualTo(480);
        // DateTimeOriginal 2008:10:22 16:28:39 without an offset: taken in the probe's zone.
        assertThat(facts.capturedAt())
                .isEqualTo(LocalDateTime.of(2008, 10, 22, 16, 28, 39)
                        .atZone(ZONE)
                        .toInstant()
                        .toEpochMilli());
        assertThat(facts.warnings()).isEmpty();
    }

    @Test
    void secondGpsSample() {
        MediaFacts facts = facts(probe, TestMedia.corpus("exif-samples/jpg/gps/DSCN0012.jpg"));

        assertThat(facts.location().latitude()).isCloseTo(43.4671566666639, within(1e-5));
        assertThat(facts.location().longitude()).isCloseTo(11.8853949999972, within(1e-5));
    }

    static Stream<Arguments> cameras() {
        return Stream.of(
                Arguments.of("Canon_40D.jpg", "Canon", "Canon EOS 40D", "2008-05-30T15:56:01", 100, 68),
                Arguments.of("Nikon_D70.jpg", "NIKON CORPORATION", "NIKON D70", "2008-03-15T09:52:01", 100, 66),
                Arguments.of("Fujifilm_FinePix_E500.jpg", "FUJIFILM", "FinePix E500", "2006-08-17T09:24:48", 59, 100),
                Arguments.of("Pentax_K10D.jpg", "PENTAX Corporation", "PENTAX K10D", "2008-05-04T16:47:24", 100, 72));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cameras")
    void cameraJpegs(String name, String make, String model, String taken, int width, int height) {
        MediaFacts facts = facts(probe, TestMedia.corpus("exif-samples/jpg/" + name));

        assertThat(facts.make()).isEqualTo(make);
        assertThat(facts.model()).isEqualTo(model);
        assertThat(facts.capturedAt())
                .isEqualTo(LocalDateTime.parse(taken).atZone(ZONE).toInstant().toEpochMilli());
        assertThat(facts.width()).isEqualTo(width);
        assertThat(facts.height()).isEqualTo(height);
        assertThat(facts.orientation()).isEqualTo(1);
        assertThat(facts.location()).isNull();
    }

    @Test
    void iphoneHeicWithGridOffsetAndGps() {
        MediaFacts facts = facts(probe, TestMedia.corpus("exif-samples/heic/IMG_5195.HEIC"));

        assertThat(facts.format()).isEqualTo(MediaFormat.HEIC);
        assertThat(facts.mediaType()).isEqualTo(MediaType.PHOTO);
        // The primary item is a grid of 512 px tiles; its 'ispe' says 2566x3313 (as exiftool does).
        assertThat(facts.width()).isEqualTo(2566);
        assertThat(facts.height()).isEqualTo(3313);
        assertThat(facts.make()).isEqualTo("Apple");
        assertThat(facts.model()).isEqualTo("iPhone 11 Pro Max");
        // 2021:04:11 15:47:53, sub-seconds 054, OffsetTimeOriginal -05:00: the offset wins over the zone.
        assertThat(facts.capturedAt())
                .isEqualTo(OffsetDateTime.of(2021, 4, 11, 15, 47, 53, 54_000_000, ZoneOffset.ofHours(-5))
                        .toInstant()
                        .toEpochMilli());
        assertThat(facts.location().latitude()).isCloseTo(39.0513444444444, within(1e-5));
        assertThat(facts.location().longitude()).isCloseTo(-94.2887722222222, within(1e-5));
        assertThat(facts.warnings()).isEmpty();
    }

    @Test
    void simpleHeif() {
        MediaFacts facts = facts(probe, TestMedia.corpus("exif-samples/heic/samplefilehub.heif"));

        assertThat(facts.format()).isEqualTo(MediaFormat.HEIC);
        assertThat(facts.width()).isEqualTo(640);
        assertThat(facts.height()).isEqualTo(426);
        assertThat(facts.orientation()).isEqualTo(1);
    }

    @Test
    void tiff() {
        MediaFacts facts = facts(probe, TestMedia.corpus("exif-samples/tiff/Arbitro.tiff"));

        assertThat(facts.format()).isEqualTo(MediaFormat.TIFF);
        assertThat(facts.mediaType()).isEqualTo(MediaType.PHOTO);
        assertThat(facts.width()).isEqualTo(174);
        assertThat(facts.height()).isEqualTo(38);
    }

    static Stream<Arguments> damagedSamples() {
        // Sizes as exiftool reports them. These files break naive readers (endless loops, odd
        // offsets), but the segments an indexer reads are intact, so they are read in full.
        return Stream.of(
                Arguments.of("corrupted.jpg", 3648, 2736),
                Arguments.of("invalid/image00971.jpg", 636, 227),
                Arguments.of("invalid/image01088.jpg", 425, 120),
                Arguments.of("invalid/image01137.jpg", 88, 64),
                Arguments.of("invalid/image01551.jpg", 61, 58),
                Arguments.of("invalid/image01713.jpg", 49, 500),
                Arguments.of("invalid/image01980.jpg", 284, 25),
                Arguments.of("invalid/image02206.jpg", 65, 65));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedSamples")
    void damagedSamplesReturnWhatCanBeReadWithoutThrowingOrHanging(String name, int width, int height) {
        Path file = TestMedia.corpus("exif-samples/jpg/" + name);

        ProbeOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> probe.probe(file));

        assertThat(outcome).isInstanceOf(ProbeOutcome.Media.class);
        MediaFacts facts = ((ProbeOutcome.Media) outcome).facts();
        assertThat(facts.format()).isEqualTo(MediaFormat.JPEG);
        assertThat(facts.width()).isEqualTo(width);
        assertThat(facts.height()).isEqualTo(height);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> MetadataDump.readAll(file)))
                .containsKey("JPEG");
    }

    @Test
    void corruptedSampleStillHasItsCameraAndTime() {
        MediaFacts facts = facts(probe, TestMedia.corpus("exif-samples/jpg/corrupted.jpg"));

        // Make and Model are padded with spaces in the file.
        assertThat(facts.make()).isEqualTo("OLYMPUS IMAGING CORP.");
        assertThat(facts.model()).isEqualTo("u1020,S1020");
        assertThat(facts.capturedAt())
                .isEqualTo(LocalDateTime.of(2015, 9, 8, 11, 2, 17)
                        .atZone(ZONE)
                        .toInstant()
                        .toEpochMilli());
    }

    @Test
    void dumpHasEveryDirectory() {
        var dump = MetadataDump.readAll(TestMedia.corpus("exif-samples/jpg/gps/DSCN0010.jpg"));

        assertThat(dump).containsKeys("JPEG", "Exif IFD0", "Exif SubIFD", "GPS");
        assertThat(dump.get("Exif IFD0")).containsEntry("Make", "NIKON");
        assertThat(dump.get("Exif SubIFD")).containsEntry("Date/Time Original", "2008:10:22 16:28:39");
        assertThat(dump.get("GPS")).containsKey("GPS Latitude");
    }
}
