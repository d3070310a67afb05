package dev.camroll.core.metadata;

import static dev.camroll.core.metadata.HostilePngTest.MAX_ALLOCATED_BYTES;
import static dev.camroll.core.metadata.HostilePngTest.MAX_MILLIS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile files for every reader: lengths and counts of 2^31 or 2^63 in files of a few hundred
 * bytes, directories that point back at themselves, nesting thousands deep, entity expansion in
 * XMP. Each is read in bounded memory and time and never throws; a file whose declared length
 * makes a reader leave something out says so in a warning. (A loop or deep nesting loses nothing:
 * each directory is read once. ICC profiles are read only for the full metadata.)
 */
class HostileContainersTest {

    @TempDir
    Path folder;

    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    /**
     * A HEIF without a size is handed to FFmpeg; the first such file pays for looking up its
     * libraries once per process (seconds when they are missing), which is no file's cost.
     */
    @BeforeAll
    static void lookUpFfmpegOnce(@TempDir Path warmUp) throws IOException {
        new MediaProbe(ZoneOffset.UTC).probe(Files.write(warmUp.resolve("warm-up.heic"), heif()));
    }

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("tiff-entry-count.tif", tiffWithEntryCount(0xFFFF), true),
                Arguments.of(
                        "tiff-value-count.tif",
                        TiffFiles.classic(TiffFiles.ifd()
                                .longs(TiffFiles.IMAGE_WIDTH, 10)
                                .longs(TiffFiles.IMAGE_HEIGHT, 10)
                                .pointing(TiffFiles.MAKE, TiffFiles.ASCII, Integer.MAX_VALUE, 8)
                                .pointing(0x8298, TiffFiles.LONG, 0x7FFFFFFFL, 8)),
                        true),
                Arguments.of("tiff-loops.tif", tiffLoops(), false),
                Arguments.of("tiff-deep.tif", TiffFiles.classic(deepExif(3000)), false),
                Arguments.of("jpeg-exif-loops.jpg", jpegWithExif(tiffLoops()), false),
                Arguments.of("jpeg-exif-entry-count.jpg", jpegWithExif(tiffWithEntryCount(0xFFFF)), true),
                Arguments.of(
                        "jpeg-xmp-entities.jpg", CaptureDatesTest.withXmp(TestMedia.jpegBytes(8, 8), laughs()), true),
                Arguments.of("jpeg-icc-count.jpg", jpegWithIcc(), false),
                Arguments.of("bigtiff-counts.tif", bigTiffWithCounts(), true),
                Arguments.of("bigtiff-loop.tif", bigTiffLoop(), true),
                Arguments.of("webp-chunk-size.webp", webp("EXIF", 0x7FFFFFF0L), true),
                Arguments.of("webp-xmp-size.webp", webp("XMP ", 0xFFFFFFF0L), true),
                Arguments.of("heif-meta-2e63.heic", heif(box64("meta", Long.MAX_VALUE, new byte[16])), true),
                Arguments.of(
                        "heif-iloc-2e31.heic",
                        heif(fullBox("meta", nested(box32("iinf", 0x7FFFFFFFL, new byte[8])))),
                        false),
                Arguments.of("heif-deep.heic", heif(fullBox("meta", deepBoxes("iprp", 5000))), false),
                Arguments.of(
                        "png-icc-tags.png", PngFiles.png(PngFiles.iCcp(PngFiles.deflate(iccWithTagCount()))), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void probeIsBoundedWarnsAndNeverThrows(String name, byte[] bytes, boolean leavesSomethingOut) throws IOException {
        Path file = Files.write(folder.resolve(name), bytes);

        Cost<ProbeOutcome> cost = Cost.of(() -> probe.probe(file));

        assertThat(cost.allocatedBytes()).isLessThan(MAX_ALLOCATED_BYTES);
        assertThat(cost.millis()).isLessThan(MAX_MILLIS);
        if (cost.result() instanceof ProbeOutcome.Media media) {
            if (leavesSomethingOut) {
                assertThat(media.facts().warnings()).as("warnings of %s", name).isNotEmpty();
            }
        } else {
            assertThat(((ProbeOutcome.NotMedia) cost.result()).warning()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void fullMetadataIsBoundedAndNeverThrows(String name, byte[] bytes, boolean leavesSomethingOut) throws IOException {
        Path file = Files.write(folder.resolve(name), bytes);

        Cost<Map<String, Map<String, String>>> cost = Cost.of(() -> MetadataDump.readAll(file));

        assertThat(cost.allocatedBytes()).isLessThan(MAX_ALLOCATED_BYTES);
        assertThat(cost.millis()).isLessThan(MAX_MILLIS);
    }

    // ---- the files ---------------------------------------------------------------------------

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** IFD0 that says it has {@code count} entries in a file of 64 bytes. */
    static byte[] tiffWithEntryCount(int count) {
        ByteBuffer b =
                le(64).put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) count);
        b.putShort((short) TiffFiles.IMAGE_WIDTH)
                .putShort((short) TiffFiles.LONG)
                .putInt(1)
                .putInt(10);
        return b.array();
    }

    /** IFD0 followed by itself, with an EXIF IFD and a GPS IFD pointing back at IFD0. */
    static byte[] tiffLoops() {
        TiffFiles.Ifd ifd0 = TiffFiles.ifd()
                .longs(TiffFiles.IMAGE_WIDTH, 10)
                .longs(TiffFiles.IMAGE_HEIGHT, 10)
                .pointing(TiffFiles.EXIF_IFD, TiffFiles.LONG, 1, 8)
                .pointing(TiffFiles.GPS_IFD, TiffFiles.LONG, 1, 8);
        ifd0.nextIsItself = true;
        return TiffFiles.classic(ifd0);
    }

    /** EXIF IFDs nested {@code depth} deep. */
    static TiffFiles.Ifd deepExif(int depth) {
        TiffFiles.Ifd inner = TiffFiles.ifd().ascii(TiffFiles.DATE_TIME_ORIGINAL, "2020:01:01 00:00:00");
        for (int i = 0; i < depth; i++) {
            inner = TiffFiles.ifd().child(TiffFiles.EXIF_IFD, inner);
        }
        return inner.longs(TiffFiles.IMAGE_WIDTH, 10).longs(TiffFiles.IMAGE_HEIGHT, 10);
    }

    static byte[] bigTiffWithCounts() {
        ByteBuffer b =
                le(96).put((byte) 'I').put((byte) 'I').putShort((short) 43).putShort((short) 8);
        b.putShort((short) 0).putLong(16);
        b.putLong(3); // three entries
        b.putShort((short) TiffFiles.IMAGE_WIDTH)
                .putShort((short) TiffFiles.LONG8)
                .putLong(1)
                .putLong(10);
        b.putShort((short) TiffFiles.MAKE)
                .putShort((short) TiffFiles.ASCII)
                .putLong(Long.MAX_VALUE)
                .putLong(16);
        b.putShort((short) TiffFiles.EXIF_IFD).putShort((short) 18).putLong(1).putLong(Long.MAX_VALUE);
        return b.array();
    }

    static byte[] bigTiffLoop() {
        TiffFiles.Ifd ifd0 = TiffFiles.ifd()
                .longs(TiffFiles.IMAGE_WIDTH, 10)
                .longs(TiffFiles.IMAGE_HEIGHT, 10)
                .pointing(TiffFiles.EXIF_IFD, TiffFiles.LONG, 1, 16);
        return TiffFiles.bigTiff(ifd0);
    }

    static byte[] jpegWithExif(byte[] tiff) {
        byte[] payload = PngFiles.concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff);
        return segmentAfterStart(TestMedia.jpegBytes(8, 8), 0xE1, payload);
    }

    /** An ICC profile whose tag table says it holds 2^31 - 1 tags. */
    static byte[] iccWithTagCount() {
        ByteBuffer icc = ByteBuffer.allocate(200);
        icc.putInt(200);
        icc.position(36).put("acsp".getBytes(StandardCharsets.ISO_8859_1));
        icc.putInt(128, Integer.MAX_VALUE);
        return icc.array();
    }

    static byte[] jpegWithIcc() {
        byte[] payload = PngFiles.concat(
                "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1), new byte[] {1, 1}, iccWithTagCount());
        return segmentAfterStart(TestMedia.jpegBytes(8, 8), 0xE2, payload);
    }

    static byte[] segmentAfterStart(byte[] jpeg, int marker, byte[] payload) {
        byte[] segment = ByteBuffer.allocate(4 + payload.length)
                .put((byte) 0xFF)
                .put((byte) marker)
                .putShort((short) (payload.length + 2))
                .put(payload)
                .array();
        return PngFiles.concat(
                new byte[] {(byte) 0xFF, (byte) 0xD8}, segment, java.util.Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    /** XMP whose DOCTYPE expands one entity to a billion characters. */
    static String laughs() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE x:xmpmeta [<!ENTITY l0 'lol'>");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY l").append(i).append(" '");
            doctype.append(("&l" + (i - 1) + ";").repeat(10)).append("'>");
        }
        doctype.append("]>");
        return doctype + "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF"
                + " xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description rdf:about=''"
                + " xmlns:xmp='http://ns.adobe.com/xap/1.0/'><xmp:CreateDate>&l9;</xmp:CreateDate>"
                + "</rdf:Description></rdf:RDF></x:xmpmeta>";
    }

    /** A WebP whose chunk {@code type} declares {@code size} bytes in a file of a few dozen. */
    static byte[] webp(String type, long size) {
        ByteBuffer b = le(64);
        b.put("RIFF".getBytes(StandardCharsets.ISO_8859_1))
                .putInt(-16)
                .put("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        b.put("VP8X".getBytes(StandardCharsets.ISO_8859_1))
                .putInt(10)
                .put((byte) 0x0C)
                .put(new byte[3]);
        b.put(new byte[] {9, 0, 0, 9, 0, 0});
        b.put(type.getBytes(StandardCharsets.ISO_8859_1)).putInt((int) size).put(new byte[8]);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    static byte[] heif(byte[]... boxes) {
        byte[] ftyp = box32("ftyp", 24, "heic\0\0\0\0mif1heic".getBytes(StandardCharsets.ISO_8859_1));
        return PngFiles.concat(ftyp, PngFiles.concat(boxes));
    }

    static byte[] box32(String type, long declaredSize, byte[] content) {
        return ByteBuffer.allocate(8 + content.length)
                .putInt((int) declaredSize)
                .put(type.getBytes(StandardCharsets.ISO_8859_1))
                .put(content)
                .array();
    }

    static byte[] box64(String type, long declaredSize, byte[] content) {
        return ByteBuffer.allocate(16 + content.length)
                .putInt(1)
                .put(type.getBytes(StandardCharsets.ISO_8859_1))
                .putLong(declaredSize)
                .put(content)
                .array();
    }

    static byte[] fullBox(String type, byte[] content) {
        return box32(type, 12 + content.length, PngFiles.concat(new byte[4], content));
    }

    static byte[] nested(byte[] content) {
        return content;
    }

    /** {@code depth} boxes of one type, each inside the one before. */
    static byte[] deepBoxes(String type, int depth) {
        byte[] inner = new byte[0];
        for (int i = 0; i < depth; i++) {
            inner = box32(type, 8 + inner.length, inner);
        }
        return inner;
    }
}
