package dev.camroll.core.media;

import static dev.camroll.core.media.HeifPictures.IPHONE;
import static dev.camroll.core.media.HeifPictures.reference;
import static dev.camroll.core.media.HeifPictures.regionDifference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.core.metadata.MediaFacts;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.metadata.ProbeOutcome;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HEIC and HEIF photos of real phones (the corpus's iPhone 13 Pro Max, an edited iPhone photo
 * whose grid overhangs its picture, an HMD Nokia 8.3 and a single-item sample) are decoded,
 * their tile grids put together, turned as their irot and imir say, and compared region by
 * region with a reference decode by libheif.
 */
class HeifThumbnailTest {

    /** Two decoders, two scalers and two colour conversions: regions agree within this. */
    private static final double SAME_PICTURE = 12;

    @TempDir
    Path dir;

    private final Thumbnailer thumbnailer = new Thumbnailer();
    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(
            strings = {
                IPHONE,
                "exif-samples/heic/IMG_5195.HEIC",
                "exif-samples/heic/mobile/HMD_Nokia_8.3_5G.heif",
                "exif-samples/heic/samplefilehub.heif"
            })
    void gridAndPreviewShowThePictureAsLibheifDoesAtTheIndexedShape(String name) {
        Path file = TestMedia.corpus(name);
        MediaFacts facts = facts(file);
        BufferedImage expected = reference(name);
        for (ThumbnailSize size : ThumbnailSize.values()) {
            Thumbnail thumbnail = thumbnailer.make(file, MediaFormat.HEIC, size);
            BufferedImage decoded = TestPictures.decode(thumbnail);

            int longEdge = Math.min(size.longEdge(), Math.max(facts.width(), facts.height()));
            assertThat(Math.max(decoded.getWidth(), decoded.getHeight()))
                    .as(name + " " + size)
                    .isEqualTo(longEdge);
            assertThat(decoded.getWidth() > decoded.getHeight())
                    .as(name + " is shown as the index sizes it")
                    .isEqualTo(facts.width() > facts.height());
            assertThat(Math.abs(decoded.getWidth() * (double) facts.height() / facts.width() - decoded.getHeight()))
                    .isLessThanOrEqualTo(1.0);
            assertThat(regionDifference(decoded, expected))
                    .as(name + " " + size)
                    .isLessThan(tolerance(name));
        }
    }

    /**
     * The single-item sample has no {@code colr} box and an HEVC stream that signals limited-range
     * levels, which FFmpeg's decoder follows and libheif takes otherwise: its mean levels differ by
     * about 9 of 255, the same picture all the same. The phones' files agree within 6.
     */
    private static double tolerance(String name) {
        return name.endsWith("samplefilehub.heif") ? 22 : SAME_PICTURE;
    }

    @Test
    void theIphonePhotoIsTurnedByItsIrotOnceThoughItsExifSaysTheSame() throws IOException {
        Path file = TestMedia.corpus(IPHONE);
        assertThat(facts(file).orientation())
                .as("the EXIF orientation repeats the irot")
                .isEqualTo(6);
        BufferedImage upright = grid(file);
        BufferedImage stored = grid(HeifPictures.withTransform(file, dir.resolve("stored.heic"), "irot", 0));

        assertThat(stored.getWidth()).isGreaterThan(stored.getHeight());
        assertThat(regionDifference(Orientation.apply(stored, 6), upright)).isLessThan(3);
        // Turned twice (the irot and then the EXIF) would be upside down.
        assertThat(regionDifference(Orientation.apply(stored, 8), upright)).isGreaterThan(30);
    }

    @Test
    void imirMirrorsAcrossTheAxisTheStandardNames() throws IOException {
        Path file = TestMedia.corpus(IPHONE);
        BufferedImage stored = grid(HeifPictures.withTransform(file, dir.resolve("stored.heic"), "irot", 0));
        // ISO/IEC 23008-12:2022: axis 0 exchanges top and bottom, axis 1 left and right.
        BufferedImage topDown = grid(HeifPictures.withTransform(file, dir.resolve("axis0.heic"), "imir", 0));
        BufferedImage leftRight = grid(HeifPictures.withTransform(file, dir.resolve("axis1.heic"), "imir", 1));

        assertThat(regionDifference(topDown, Orientation.apply(stored, 4))).isLessThan(3);
        assertThat(regionDifference(leftRight, Orientation.apply(stored, 2))).isLessThan(3);
        assertThat(regionDifference(topDown, stored)).isGreaterThan(30);
        assertThat(regionDifference(leftRight, stored)).isGreaterThan(30);
    }

    @Test
    void aGridClaimingMorePixelsThanTheLimitIsRefusedBeforeAnythingIsDecoded() throws IOException {
        Path file = TestMedia.corpus(IPHONE);
        Path claiming = HeifPictures.withGridOutput(file, dir.resolve("huge.heic"), 65_535, 65_535);

        assertThatThrownBy(() -> thumbnailer.make(claiming, MediaFormat.HEIC, ThumbnailSize.GRID))
                .isInstanceOfSatisfying(NoThumbnailException.class, e -> assertThat(e.reason())
                        .isEqualTo(NoThumbnailException.Reason.TOO_LARGE))
                .hasMessageContaining("65535 x 65535");
        // The real 12 MP grid, under a limit of 10 MP: refused from its header alone.
        assertThatThrownBy(() -> new Thumbnailer(10_000_000).make(file, MediaFormat.HEIC, ThumbnailSize.GRID))
                .isInstanceOfSatisfying(NoThumbnailException.class, e -> assertThat(e.reason())
                        .isEqualTo(NoThumbnailException.Reason.TOO_LARGE));
    }

    @Test
    void truncatedDamagedAndUnreadableHeifsAreNoThumbnailNeverACrash() throws IOException {
        byte[] iphone = Files.readAllBytes(TestMedia.corpus(IPHONE));
        Path halfway = Files.write(dir.resolve("halfway.heic"), Arrays.copyOf(iphone, iphone.length / 2));
        Path headOnly = Files.write(dir.resolve("head.heic"), Arrays.copyOf(iphone, 3_000));
        byte[] noise = iphone.clone();
        for (int i = 200; i < 3_700; i += 7) {
            noise[i] ^= 0x5a; // the item boxes scrambled
        }
        Path scrambled = Files.write(dir.resolve("scrambled.heic"), noise);
        Path empty = Files.write(dir.resolve("empty.heic"), new byte[0]);
        // A real phone file FFmpeg's demuxer cannot open.
        Path nokiaHdr = TestMedia.corpus("exif-samples/heic/mobile/HMD_Nokia_8.3_5G_hdr.heif");

        for (Path file : new Path[] {halfway, headOnly, scrambled, empty, nokiaHdr}) {
            assertThatThrownBy(() -> thumbnailer.make(file, MediaFormat.HEIC, ThumbnailSize.PREVIEW))
                    .as(file.getFileName().toString())
                    .isInstanceOfSatisfying(NoThumbnailException.class, e -> {
                        assertThat(e.code().wireName()).isEqualTo("no_thumbnail");
                        assertThat(e.reason()).isEqualTo(NoThumbnailException.Reason.UNREADABLE);
                        assertThat(e.getMessage()).doesNotContain("\u0000");
                    });
        }
        assertThat(halfwayMessage(halfway)).contains("tile");
    }

    /** The preview's message: the grid's is made from the thumbnail item, ahead of the tiles. */
    private String halfwayMessage(Path file) {
        try {
            thumbnailer.make(file, MediaFormat.HEIC, ThumbnailSize.PREVIEW);
            return "";
        } catch (NoThumbnailException e) {
            return e.getMessage();
        }
    }

    private BufferedImage grid(Path file) {
        return TestPictures.decode(thumbnailer.make(file, MediaFormat.HEIC, ThumbnailSize.GRID));
    }

    private MediaFacts facts(Path file) {
        if (probe.probe(file) instanceof ProbeOutcome.Media(MediaFacts facts)) {
            return facts;
        }
        throw new AssertionError(file + " is not read as media");
    }
}
