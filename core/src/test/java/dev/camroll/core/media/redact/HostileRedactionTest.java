package dev.camroll.core.media.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and hostile structures: truncated files, loops in IFD chains, offsets past the end,
 * huge counts, boxes longer than their parents. The redactor never throws for them, keeps the
 * length, finishes at once, and leaves no coordinate where a structure said one was.
 */
class HostileRedactionTest {

    @TempDir
    Path folder;

    /** 48°51'30.02" N as three rationals, and 2°17'40.13" E. */
    private static final int[] LATITUDE = {48, 1, 51, 1, 3002, 100};

    private static final int[] LONGITUDE = {2, 1, 17, 1, 4013, 100};

    private byte[] redact(byte[] bytes, MediaFormat format) throws IOException {
        Path file = Files.write(Files.createTempFile(folder, "hostile", ".bin"), bytes);
        long started = System.nanoTime();
        byte[] served = LocationRedactorTest.redacted(file, format);
        assertThat(System.nanoTime() - started).as("redaction time").isLessThan(2_000_000_000L);
        assertThat(served).hasSameSizeAs(bytes);
        return served;
    }

    @Test
    void everyTruncationOfACameraJpegKeepsNoCoordinate() throws IOException {
        byte[] whole = Files.readAllBytes(TestMedia.corpus("exif-samples/jpg/gps/DSCN0010.jpg"));
        List<byte[]> coordinates = NoLocation.rawCoordinates(whole);
        // Past the metadata only image data is cut, which the walk never reaches.
        for (int length = 0; length < 40_000; length += length < 4_000 ? 11 : 3_001) {
            byte[] served = redact(Arrays.copyOf(whole, length), MediaFormat.JPEG);
            for (byte[] form : coordinates) {
                assertThat(NoLocation.indexOf(served, form))
                        .as("prefix of %s bytes", length)
                        .isEqualTo(-1);
            }
        }
    }

    @Test
    void everyTruncationOfAVideoAndAHeicIsPassedThrough() throws IOException {
        Path video = TestMedia.video(
                folder.resolve("clip.mov"),
                0.5,
                32,
                24,
                TestMedia.VideoSpec.PLAIN.withTag("location", LocatedFiles.ISO6709));
        byte[] movie = Files.readAllBytes(video);
        for (int length = 0; length < movie.length; length += 197) {
            redact(Arrays.copyOf(movie, length), MediaFormat.MOV);
        }
        byte[] heic = Files.readAllBytes(TestMedia.corpus("exif-samples/heic/IMG_5195.HEIC"));
        for (int length = 0; length < 8_000; length += 37) {
            redact(Arrays.copyOf(heic, length), MediaFormat.HEIC);
        }
    }

    @Test
    void randomDamageNeverThrows() throws IOException {
        Random random = new Random(11);
        byte[] jpeg = Files.readAllBytes(LocatedFiles.jpegWithXmp(folder.resolve("x.jpg")));
        byte[] png = Files.readAllBytes(LocatedFiles.png(folder.resolve("x.png"), false));
        // The HEIC's boxes that hold metadata come first; its image data is not needed.
        byte[] heic = Arrays.copyOf(Files.readAllBytes(TestMedia.corpus("exif-samples/heic/IMG_5195.HEIC")), 16_384);
        byte[] mp4 = Files.readAllBytes(TestMedia.video(
                folder.resolve("x.mp4"),
                0.5,
                32,
                24,
                TestMedia.VideoSpec.PLAIN.withTag("com.apple.quicktime.location.ISO6709", LocatedFiles.ISO6709)));
        Object[][] files = {
            {jpeg, MediaFormat.JPEG}, {png, MediaFormat.PNG}, {heic, MediaFormat.HEIC}, {mp4, MediaFormat.MP4}
        };
        for (Object[] file : files) {
            byte[] bytes = (byte[]) file[0];
            for (int round = 0; round < 80; round++) {
                byte[] damaged = bytes.clone();
                int head = Math.min(damaged.length, 4_096);
                for (int flips = 0; flips < 1 + random.nextInt(8); flips++) {
                    damaged[random.nextInt(head)] = (byte) random.nextInt(256);
                }
                redact(damaged, (MediaFormat) file[1]);
            }
        }
    }

    @Test
    void loopsInIfdChainsEndAndTheGpsIfdIsEmptied() throws IOException {
        // IFD0 at 8 names itself as the next IFD and as its EXIF IFD; the GPS IFD names itself next.
        ByteBuffer tiff = le(256);
        header(tiff);
        tiff.position(8).putShort((short) 2);
        entry(tiff, 0x8769, 4, 1, 8);
        entry(tiff, 0x8825, 4, 1, 40);
        tiff.putInt(8);
        tiff.position(40);
        gpsIfd(tiff, 40, 120);
        rationals(tiff, 120, LATITUDE);
        rationals(tiff, 144, LONGITUDE);

        byte[] served = redact(tiff.array(), MediaFormat.TIFF);

        assertThat(NoLocation.indexOf(served, rationalBytes(LATITUDE))).isEqualTo(-1);
        assertThat(NoLocation.indexOf(served, rationalBytes(LONGITUDE))).isEqualTo(-1);
        assertThat(NoLocation.read(served).getDirectoriesOfType(com.drew.metadata.exif.GpsDirectory.class))
                .allSatisfy(gps -> assertThat(gps.getGeoLocation()).isNull());
    }

    @Test
    void offsetsPastTheEndAndHugeCountsAreBoundedByTheFile() throws IOException {
        ByteBuffer tiff = le(200);
        header(tiff);
        tiff.position(8).putShort((short) 3);
        entry(tiff, 0x8825, 4, 1, 60);
        entry(tiff, 0x014A, 4, 0x7FFFFFFF, 0x7FFFFFF0); // SubIFDs: a huge count, past the end
        entry(tiff, 0x8769, 4, 1, 0xFFFFFF00); // an EXIF IFD past the end
        tiff.putInt(0);
        tiff.position(60).putShort((short) 0xFFFF); // a GPS IFD declaring 65,535 entries
        entry(tiff, 0x0002, 5, 3, 120);
        entry(tiff, 0x0004, 5, 0xFFFFFFFF, 130); // a count no file holds
        entry(tiff, 0x0006, 5, 1, 0xFFFFFFF0); // a value past the end
        rationals(tiff, 120, LATITUDE);

        byte[] served = redact(tiff.array(), MediaFormat.TIFF);

        assertThat(NoLocation.indexOf(served, rationalBytes(LATITUDE))).isEqualTo(-1);
        assertThat(Arrays.copyOfRange(served, 0, 60)).isEqualTo(Arrays.copyOfRange(tiff.array(), 0, 60));
        assertThat(Arrays.copyOfRange(served, 60, 200)).containsOnly((byte) 0);
    }

    @Test
    void boxesLongerThanTheirParentsAreStillSearched() throws IOException {
        // moov declares more than the file holds; inside it udta declares more than moov; loci follows.
        byte[] loci = box(
                "loci",
                "\u0000\u0000\u0000\u0000\u0015\u00c7Eiffel\u0000\u0000"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        byte[] udta = box("udta", loci);
        ByteBuffer.wrap(udta).putInt(0, 5_000);
        byte[] moov = box("moov", udta);
        ByteBuffer.wrap(moov).putInt(0, 1_000_000);
        byte[] file = concat(box("ftyp", "qt  \u0000\u0000\u0000\u0000".getBytes()), moov);

        byte[] served = redact(file, MediaFormat.MOV);

        assertThat(NoLocation.indexOf(served, "Eiffel".getBytes())).isEqualTo(-1);
        assertThat(NoLocation.indexOf(served, "loci".getBytes())).isEqualTo(-1);
        assertThat(NoLocation.indexOf(served, "free".getBytes())).isPositive();
    }

    // ---- TIFF and box bytes -------------------------------------------------------------------

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void header(ByteBuffer tiff) {
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    /** A GPS IFD at {@code at} (latitude and longitude with references) that names itself next. */
    private static void gpsIfd(ByteBuffer tiff, int at, int values) {
        tiff.position(at).putShort((short) 4);
        entry(tiff, 0x0001, 2, 2, 'N');
        entry(tiff, 0x0002, 5, 3, values);
        entry(tiff, 0x0003, 2, 2, 'E');
        entry(tiff, 0x0004, 5, 3, values + 24);
        tiff.putInt(at);
    }

    private static void rationals(ByteBuffer tiff, int at, int[] values) {
        tiff.position(at);
        for (int value : values) {
            tiff.putInt(value);
        }
    }

    private static byte[] rationalBytes(int[] values) {
        ByteBuffer bytes = le(values.length * 4);
        for (int value : values) {
            bytes.putInt(value);
        }
        return bytes.array();
    }

    private static byte[] box(String type, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length)
                .putInt(8 + payload.length)
                .put(type.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .put(payload)
                .array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
