package dev.camroll.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.MediaSubtype;
import dev.camroll.core.metadata.MediaFacts;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.metadata.ProbeOutcome;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thumbnails of raw files come from the largest JPEG preview they carry, read from its byte range
 * and turned as the raw file says; a raw file without a usable preview has a clear no_thumbnail.
 * The files are built as cameras write them ({@link RawPreviewTest#rawFile}, {@link Cr3Files}).
 */
class RawThumbnailTest {
    @TempDir
    Path dir;

    private final Thumbnailer thumbnailer = new Thumbnailer();

    @Test
    void everyTiffBasedRawFormatIsShownByItsLargestPreviewTurnedAsItsExifSays() throws Exception {
        for (MediaFormat format : new MediaFormat[] {
            MediaFormat.DNG, MediaFormat.CR2, MediaFormat.NEF, MediaFormat.ARW, MediaFormat.ORF, MediaFormat.RW2
        }) {
            Path raw = Files.write(
                    dir.resolve("camera." + format.extensions().getFirst()),
                    RawPreviewTest.rawFile(TestMedia.jpegBytes(160, 120), TestMedia.jpegBytes(640, 480), 6));

            BufferedImage picture = thumbnailer.picture(raw, format, 2000);

            assertThat(picture.getWidth()).as(format.name()).isEqualTo(480);
            assertThat(picture.getHeight()).as(format.name()).isEqualTo(640);
        }
    }

    /**
     * An RW2 as Panasonic writes it: the magic {@code IIU}, IFD0 with the sensor's borders, the
     * orientation and JpgFromRaw (0x2E), whose value is the whole preview JPEG.
     */
    static byte[] rw2(byte[] preview, int orientation) {
        int entries = 4;
        int previewAt = 8 + 2 + entries * 12 + 4;
        ByteBuffer file = ByteBuffer.allocate(previewAt + preview.length).order(ByteOrder.LITTLE_ENDIAN);
        file.put((byte) 'I').put((byte) 'I').put((byte) 'U').put((byte) 0).putInt(8);
        file.putShort((short) entries);
        file.putShort((short) 0x0006)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) 4000)
                .putShort((short) 0);
        file.putShort((short) 0x0007)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) 6000)
                .putShort((short) 0);
        file.putShort((short) 0x002E).putShort((short) 7).putInt(preview.length).putInt(previewAt);
        file.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        file.putInt(0);
        file.put(preview);
        return file.array();
    }

    @Test
    void anRw2IsShownByItsJpgFromRawTurnedAsItsIfd0Says() throws Exception {
        byte[] preview = TestMedia.jpegWithExifBytes(
                1920,
                1080,
                TestMedia.ExifSpec.builder().make("Panasonic").model("DC-GH5").build());
        Path rw2 = Files.write(dir.resolve("P1000001.RW2"), rw2(preview, 6));

        MediaFacts facts = facts(new MediaProbe(ZoneOffset.UTC), rw2);
        assertThat(facts.format()).isEqualTo(MediaFormat.RW2);
        assertThat(facts.orientation()).isEqualTo(6);
        assertThat(facts.make()).isEqualTo("Panasonic");
        assertThat(facts.subtypes()).contains(MediaSubtype.RAW);

        BufferedImage picture = thumbnailer.picture(rw2, MediaFormat.RW2, 4000);
        assertThat(picture.getWidth()).isEqualTo(1080);
        assertThat(picture.getHeight()).isEqualTo(1920);
    }

    @Test
    void aThumbnailIsScaledDownFromThePreview() throws Exception {
        Path nef = Files.write(
                dir.resolve("camera.nef"),
                RawPreviewTest.rawFile(TestMedia.jpegBytes(160, 120), TestMedia.jpegBytes(1600, 1200), 1));

        Thumbnail thumbnail = thumbnailer.make(nef, MediaFormat.NEF, ThumbnailSize.GRID, ThumbnailFormat.JPEG);

        assertThat(Math.max(thumbnail.width(), thumbnail.height())).isEqualTo(ThumbnailSize.GRID.longEdge());
        assertThat(thumbnail.width()).isGreaterThan(thumbnail.height());
    }

    @Test
    void aCr3IsShownByItsPrvwPreviewRatherThanItsThmbThumbnail() throws Exception {
        byte[] preview = TestMedia.jpegBytes(1620, 1080);
        Path cr3 = Files.write(
                dir.resolve("IMG_0001.CR3"), Cr3Files.cr3(TestMedia.jpegBytes(160, 120), preview, preview.length));

        BufferedImage picture = thumbnailer.picture(cr3, MediaFormat.CR3, 4000);

        assertThat(picture.getWidth()).isEqualTo(1620);
        assertThat(picture.getHeight()).isEqualTo(1080);
    }

    @Test
    void aCr3WhosePreviewClaimsMoreThanItsBoxFallsBackToTheThumbnail() throws Exception {
        Path cr3 = Files.write(
                dir.resolve("IMG_0002.CR3"),
                Cr3Files.cr3(TestMedia.jpegBytes(160, 120), TestMedia.jpegBytes(320, 240), 0x7FFF_FFF0L));

        BufferedImage picture = thumbnailer.picture(cr3, MediaFormat.CR3, 4000);

        assertThat(picture.getWidth()).isEqualTo(160);
    }

    @Test
    void aPreviewOffsetPastTheEndIsNoThumbnail() throws Exception {
        byte[] file = RawPreviewTest.rawFile(TestMedia.jpegBytes(160, 120), TestMedia.jpegBytes(640, 480), 1);
        // Both JPEG offsets, IFD0's and the SubIFD's, point past the end.
        ByteBuffer edit = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        setAll(edit, 0x0201, file.length + 100);

        assertNoThumbnail(Files.write(dir.resolve("past.dng"), file), MediaFormat.DNG);
    }

    @Test
    void aHugePreviewLengthIsNoThumbnail() throws Exception {
        byte[] file = RawPreviewTest.rawFile(TestMedia.jpegBytes(160, 120), TestMedia.jpegBytes(640, 480), 1);
        setAll(ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN), 0x0202, 0xFFFF_FFF0);

        assertNoThumbnail(Files.write(dir.resolve("huge.arw"), file), MediaFormat.ARW);
    }

    @Test
    void previewsThatAreNotJpegsAreNoThumbnail() throws Exception {
        byte[] png = Files.readAllBytes(TestMedia.png(dir.resolve("p.png"), 64, 48));
        Path nef = Files.write(dir.resolve("png.nef"), RawPreviewTest.rawFile(png, png, 1));
        assertNoThumbnail(nef, MediaFormat.NEF);

        byte[] noise = new byte[4096];
        Arrays.fill(noise, (byte) 0x5A);
        Path cr3 = Files.write(dir.resolve("noise.cr3"), Cr3Files.cr3(noise, noise, noise.length));
        assertNoThumbnail(cr3, MediaFormat.CR3);
    }

    @Test
    void aCr3BoxLargerThanTheFileIsNoThumbnail() throws Exception {
        byte[] file = Cr3Files.cr3(TestMedia.jpegBytes(160, 120), TestMedia.jpegBytes(320, 240), 0);
        // The moov box, second in the file after ftyp, claims 2 GB.
        int moov = ByteBuffer.wrap(file).getInt(0);
        ByteBuffer.wrap(file).putInt(moov, 0x7FFF_0000);

        assertNoThumbnail(Files.write(dir.resolve("box.cr3"), file), MediaFormat.CR3);
    }

    @Test
    void rawFilesHaveTheRawSubtypeAndOtherPhotosDoNot() throws Exception {
        MediaProbe probe = new MediaProbe(ZoneOffset.UTC);
        Path nef = Files.write(
                dir.resolve("DSC_0001.NEF"),
                RawPreviewTest.rawFile(TestMedia.jpegBytes(160, 120), TestMedia.jpegBytes(640, 480), 1));
        Path jpeg = TestMedia.jpeg(dir.resolve("photo.jpg"), 64, 48);

        assertThat(facts(probe, nef).subtypes()).contains(MediaSubtype.RAW);
        assertThat(facts(probe, jpeg).subtypes()).doesNotContain(MediaSubtype.RAW);
        assertThat(MediaSubtype.RAW.wireName()).isEqualTo("raw");
    }

    @Test
    void aCr3sMakeModelOrientationTimeAndPlaceAreReadFromItsCanonBoxes() throws Exception {
        byte[] ifd0 = new LittleTiff()
                .ascii(0x010F, "Canon")
                .ascii(0x0110, "Canon EOS R")
                .shortValue(0x0112, 6)
                .bytes();
        byte[] exif = new LittleTiff().ascii(0x9003, "2025:07:14 09:30:15").bytes();
        byte[] gps = new LittleTiff()
                .ascii(0x0001, "N")
                .rationals(0x0002, 48, 1, 51, 1, 2400, 100)
                .ascii(0x0003, "E")
                .rationals(0x0004, 2, 1, 21, 1, 300, 100)
                .bytes();
        byte[] preview = TestMedia.jpegBytes(1620, 1080);
        Path cr3 = Files.write(
                dir.resolve("IMG_0003.CR3"),
                Cr3Files.cr3(ifd0, exif, gps, TestMedia.jpegBytes(160, 120), preview, preview.length));

        MediaFacts facts = facts(new MediaProbe(ZoneOffset.UTC), cr3);

        assertThat(facts.format()).isEqualTo(MediaFormat.CR3);
        assertThat(facts.make()).isEqualTo("Canon");
        assertThat(facts.model()).isEqualTo("Canon EOS R");
        assertThat(facts.orientation()).isEqualTo(6);
        assertThat(facts.capturedAt())
                .isEqualTo(java.time.Instant.parse("2025-07-14T09:30:15Z").toEpochMilli());
        assertThat(facts.location()).isNotNull();
        assertThat(facts.location().latitude()).isCloseTo(48.8567, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(facts.location().longitude()).isCloseTo(2.3508, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(facts.subtypes()).contains(MediaSubtype.RAW);
        // The thumbnail is the preview turned as CMT1 says.
        BufferedImage picture = thumbnailer.picture(cr3, MediaFormat.CR3, 4000);
        assertThat(picture.getWidth()).isEqualTo(1080);
        assertThat(picture.getHeight()).isEqualTo(1620);
    }

    @Test
    void aJpegNamedAsARawFileIsNoRawFile() throws Exception {
        Path fake = Files.write(dir.resolve("fake.nef"), TestMedia.jpegBytes(64, 48));

        MediaFacts facts = facts(new MediaProbe(ZoneOffset.UTC), fake);

        assertThat(facts.format()).isEqualTo(MediaFormat.JPEG);
        assertThat(facts.subtypes()).doesNotContain(MediaSubtype.RAW);
    }

    private static MediaFacts facts(MediaProbe probe, Path file) {
        ProbeOutcome outcome = probe.probe(file);
        assertThat(outcome).isInstanceOf(ProbeOutcome.Media.class);
        return ((ProbeOutcome.Media) outcome).facts();
    }

    private void assertNoThumbnail(Path file, MediaFormat format) {
        assertThatThrownBy(() -> thumbnailer.make(file, format, ThumbnailSize.GRID, ThumbnailFormat.JPEG))
                .isInstanceOfSatisfying(NoThumbnailException.class, e -> {
                    assertThat(e.code().wireName()).isEqualTo("no_thumbnail");
                    assertThat(e.reason()).isEqualTo(NoThumbnailException.Reason.NO_PICTURE);
                    assertThat(e.getMessage()).contains("no usable JPEG preview");
                });
    }

    /** Sets the value of every entry of {@code tag} in the file's IFDs (IFD0 and the SubIFD). */
    private static void setAll(ByteBuffer file, int tag, int value) {
        int[] ifds = {8, 8 + 2 + 6 * 12 + 4};
        for (int ifd : ifds) {
            int count = Short.toUnsignedInt(file.getShort(ifd));
            for (int i = 0; i < count; i++) {
                int at = ifd + 2 + i * 12;
                if (Short.toUnsignedInt(file.getShort(at)) == tag) {
                    file.putInt(at + 8, value);
                }
            }
        }
    }
}
