package dev.camroll.core.media.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import dev.camroll.core.metadata.MediaFacts;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.metadata.ProbeOutcome;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each format's redactor over real files that say where they were made: the bytes it streams have
 * the same length, no coordinates for metadata-extractor nor in their raw forms, the rest of the
 * metadata, and still decode.
 */
class LocationRedactorTest {

    @TempDir
    Path folder;

    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    static byte[] redacted(Path file, MediaFormat format) throws IOException {
        try (SeekableByteChannel channel = LocationRedactor.open(file, format);
                InputStream in = Channels.newInputStream(channel)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"exif-samples/jpg/gps/DSCN0010.jpg", "exif-samples/jpg/gps/DSCN0012.jpg"})
    void cameraJpegsLoseTheirPositionAndKeepTheRest(String name) throws IOException {
        Path file = TestMedia.corpus(name);
        byte[] original = Files.readAllBytes(file);
        List<byte[]> coordinates = NoLocation.rawCoordinates(original);

        byte[] served = redacted(file, MediaFormat.JPEG);

        assertThat(served).hasSameSizeAs(original);
        NoLocation.assertNone(served, coordinates);
        assertThat(NoLocation.tag(served, ExifIFD0Directory.class, ExifIFD0Directory.TAG_MODEL))
                .isEqualTo(NoLocation.tag(original, ExifIFD0Directory.class, ExifIFD0Directory.TAG_MODEL))
                .isNotNull();
        assertThat(NoLocation.tag(served, ExifSubIFDDirectory.class, ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL))
                .isEqualTo(
                        NoLocation.tag(original, ExifSubIFDDirectory.class, ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL))
                .isNotNull();
        assertSamePicture(original, served);
        assertThat(location(served, "jpg")).isNull();
        assertThat(location(original, "jpg")).isNotNull();
    }

    @Test
    void xmpLocationIsBlankedAndTheRestOfTheXmpStays() throws IOException {
        Path file = LocatedFiles.jpegWithXmp(folder.resolve("xmp.jpg"));
        byte[] original = Files.readAllBytes(file);
        List<byte[]> coordinates = NoLocation.rawCoordinates(original);
        assertThat(NoLocation.indexOf(original, "Champ de Mars".getBytes())).isPositive();

        byte[] served = redacted(file, MediaFormat.JPEG);

        assertThat(served).hasSameSizeAs(original);
        NoLocation.assertNone(served, coordinates);
        NoLocation.assertNoText(served, LocatedFiles.XMP_PLACE);
        XmpDirectory xmp = NoLocation.read(served).getFirstDirectoryOfType(XmpDirectory.class);
        assertThat(xmp.getErrors()).isEmpty();
        assertThat(xmp.getXmpProperties()).containsEntry("xmp:CreateDate", "2024-05-01T10:00:00+02:00");
        assertThat(xmp.getXmpProperties().keySet()).noneMatch(key -> key.contains("GPS") || key.contains("City"));
        assertThat(NoLocation.tag(served, ExifIFD0Directory.class, ExifIFD0Directory.TAG_MAKE))
                .isEqualTo(LocatedFiles.MAKE);
        assertThat(NoLocation.tag(served, ExifIFD0Directory.class, ExifIFD0Directory.TAG_ORIENTATION))
                .isEqualTo("6");
        assertSamePicture(original, served);
    }

    @Test
    void heicLosesTheGpsOfItsExifItem() throws IOException {
        Path file = TestMedia.corpus("exif-samples/heic/IMG_5195.HEIC");
        byte[] original = Files.readAllBytes(file);
        List<byte[]> coordinates = NoLocation.rawCoordinates(original);

        byte[] served = redacted(file, MediaFormat.HEIC);

        assertThat(served).hasSameSizeAs(original);
        NoLocation.assertNone(served, coordinates);
        assertThat(NoLocation.tag(served, ExifIFD0Directory.class, ExifIFD0Directory.TAG_MODEL))
                .isEqualTo(NoLocation.tag(original, ExifIFD0Directory.class, ExifIFD0Directory.TAG_MODEL))
                .isNotNull();
        assertThat(location(served, "heic")).isNull();
        assertThat(location(original, "heic")).isNotNull();
        MediaFacts facts = facts(served, "heic");
        assertThat(facts.width()).isEqualTo(facts(original, "heic").width()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"little", "big"})
    void tiffLosesItsGpsIfdInEitherByteOrder(String endian) throws IOException {
        ByteOrder order = endian.equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Path file = LocatedFiles.tiff(folder.resolve("gps.tif"), order);
        byte[] original = Files.readAllBytes(file);
        List<byte[]> coordinates = NoLocation.rawCoordinates(original);

        byte[] served = redacted(file, MediaFormat.TIFF);

        assertThat(served).hasSameSizeAs(original);
        NoLocation.assertNone(served, coordinates);
        assertThat(NoLocation.tag(served, ExifIFD0Directory.class, ExifIFD0Directory.TAG_MAKE))
                .isEqualTo(LocatedFiles.MAKE);
        assertSamePicture(original, served);
        assertThat(location(served, "tif")).isNull();
        assertThat(location(original, "tif")).isNotNull();
    }

    @Test
    void pngLosesItsExifGpsAndXmpPlaceWithItsChunksStillValid() throws IOException {
        Path file = LocatedFiles.png(folder.resolve("gps.png"), false);
        byte[] original = Files.readAllBytes(file);
        List<byte[]> coordinates = NoLocation.rawCoordinates(original);
        assertThat(NoLocation.indexOf(original, "Champ de Mars".getBytes())).isPositive();

        byte[] served = redacted(file, MediaFormat.PNG);

        assertThat(served).hasSameSizeAs(original);
        NoLocation.assertNone(served, coordinates);
        NoLocation.assertNoText(served, LocatedFiles.XMP_PLACE);
        assertCrcsValid(served);
        XmpDirectory xmp = NoLocation.read(served).getFirstDirectoryOfType(XmpDirectory.class);
        assertThat(xmp.getXmpProperties()).containsEntry("xmp:CreateDate", "2024-05-01T10:00:00+02:00");
        assertSamePicture(original, served);
    }

    @Test
    void aCompressedPngXmpIsBlankedWhole() throws IOException {
        Path file = LocatedFiles.png(folder.resolve("zxmp.png"), true);
        byte[] original = Files.readAllBytes(file);
        XmpDirectory before = NoLocation.read(original).getFirstDirectoryOfType(XmpDirectory.class);
        assertThat(before.getXmpProperties()).containsKey("photoshop:City");

        byte[] served = redacted(file, MediaFormat.PNG);

        assertThat(served).hasSameSizeAs(original);
        assertCrcsValid(served);
        NoLocation.assertNoText(served, LocatedFiles.XMP_PLACE);
        for (XmpDirectory xmp : NoLocation.read(served).getDirectoriesOfType(XmpDirectory.class)) {
            assertThat(xmp.getXmpProperties().keySet()).noneMatch(key -> key.contains("GPS") || key.contains("City"));
        }
        assertSamePicture(original, served);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp4-xyz", "mov-xyz", "mov-apple-key", "mp4-loci"})
    void videosLoseTheirPlaceAndStillPlay(String kind) throws IOException {
        String extension = kind.substring(0, 3);
        TestMedia.VideoSpec spec =
                TestMedia.VideoSpec.PLAIN.withCreationTime(java.time.Instant.parse("2024-05-01T08:00:00Z"));
        if (kind.endsWith("xyz")) {
            spec = spec.withTag("location", LocatedFiles.ISO6709);
        } else if (kind.endsWith("apple-key")) {
            spec = spec.withTag("com.apple.quicktime.location.ISO6709", LocatedFiles.ISO6709);
        }
        Path file = TestMedia.video(folder.resolve("clip." + extension), 1.0, 64, 48, spec);
        if (kind.endsWith("loci")) {
            TestMedia.withLoci(file, "Champ de Mars", LocatedFiles.LATITUDE, LocatedFiles.LONGITUDE);
        }
        byte[] original = Files.readAllBytes(file);
        MediaFacts before = facts(original, extension);
        assertThat(before.location()).isNotNull();

        byte[] served = redacted(file, extension.equals("mov") ? MediaFormat.MOV : MediaFormat.MP4);

        assertThat(served).hasSameSizeAs(original);
        MediaFacts after = facts(served, extension);
        assertThat(after.location()).isNull();
        assertThat(after.durationSeconds()).isCloseTo(before.durationSeconds(), within(0.01));
        assertThat(after.capturedAt()).isEqualTo(before.capturedAt());
        NoLocation.assertNoText(served, LocatedFiles.ISO6709, "Champ de Mars");
        for (ByteBuffer fixed : lociCoordinates()) {
            assertThat(NoLocation.indexOf(served, fixed.array())).isEqualTo(-1);
        }
        if (kind.endsWith("loci")) {
            assertThat(NoLocation.indexOf(original, lociCoordinates().getFirst().array()))
                    .isPositive();
        }
    }

    @Test
    void aRangeOfTheRedactedFileIsThatRangeOfTheWhole() throws IOException {
        Path file = LocatedFiles.jpegWithXmp(folder.resolve("range.jpg"));
        byte[] whole = redacted(file, MediaFormat.JPEG);
        Random random = new Random(7);
        try (SeekableByteChannel channel = LocationRedactor.open(file, MediaFormat.JPEG)) {
            for (int i = 0; i < 300; i++) {
                int from = random.nextInt(whole.length);
                int length = 1 + random.nextInt(Math.min(2_000, whole.length - from));
                ByteBuffer part = ByteBuffer.allocate(length);
                channel.position(from);
                while (part.hasRemaining() && channel.read(part) > 0) {
                    // read on
                }
                assertThat(part.array()).isEqualTo(Arrays.copyOfRange(whole, from, from + length));
            }
        }
    }

    @Test
    void aFileWithoutLocationStreamsUnchanged() throws IOException {
        Path file = TestMedia.jpegWithExif(
                folder.resolve("plain.jpg"),
                64,
                48,
                TestMedia.ExifSpec.builder()
                        .make(LocatedFiles.MAKE)
                        .dateTimeOriginal(java.time.LocalDateTime.of(2024, 5, 1, 10, 0))
                        .build());
        assertThat(redacted(file, MediaFormat.JPEG)).isEqualTo(Files.readAllBytes(file));
    }

    // ---- helpers ------------------------------------------------------------------------------

    private List<ByteBuffer> lociCoordinates() {
        return List.of(ByteBuffer.allocate(8)
                .putInt((int) Math.round(LocatedFiles.LONGITUDE * 65536))
                .putInt((int) Math.round(LocatedFiles.LATITUDE * 65536)));
    }

    private MediaFacts facts(byte[] bytes, String extension) throws IOException {
        Path copy = Files.createTempFile(folder, "probe", "." + extension);
        Files.write(copy, bytes);
        ProbeOutcome outcome = probe.probe(copy);
        assertThat(outcome).isInstanceOf(ProbeOutcome.Media.class);
        return ((ProbeOutcome.Media) outcome).facts();
    }

    private dev.camroll.api.Location location(byte[] bytes, String extension) throws IOException {
        return facts(bytes, extension).location();
    }

    static void assertSamePicture(byte[] original, byte[] served) throws IOException {
        BufferedImage before = ImageIO.read(new ByteArrayInputStream(original));
        BufferedImage after = ImageIO.read(new ByteArrayInputStream(served));
        assertThat(before).isNotNull();
        assertThat(after).as("the served file decodes").isNotNull();
        assertThat(after.getWidth()).isEqualTo(before.getWidth());
        assertThat(after.getHeight()).isEqualTo(before.getHeight());
        assertThat(after.getRGB(after.getWidth() / 2, after.getHeight() / 2))
                .isEqualTo(before.getRGB(before.getWidth() / 2, before.getHeight() / 2));
    }

    static void assertCrcsValid(byte[] png) {
        ByteBuffer bytes = ByteBuffer.wrap(png);
        int at = 8;
        while (at + 12 <= png.length) {
            int length = bytes.getInt(at);
            CRC32 crc = new CRC32();
            crc.update(png, at + 4, 4 + length);
            assertThat(bytes.getInt(at + 8 + length))
                    .as("CRC of %s", new String(png, at + 4, 4))
                    .isEqualTo((int) crc.getValue());
            at += 12 + length;
        }
    }
}
