package dev.camroll.core.media.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.metadata.xmp.XmpDirectory;
import dev.camroll.core.metadata.MediaFormat;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JPEG whose XMP is too long for one segment: the main packet names an extension by its GUID
 * (the MD5 of the extension), which follows in APP1 chunks cut wherever the writer's 64 KiB limit
 * fell, here in the middle of place names and of a property's name. The place is gone from the
 * extension put together again, the rest of it is still read, and its GUID is its MD5 again.
 */
class ExtendedXmpTest {
    private static final byte[] EXTENSION_NAME =
            "http://ns.adobe.com/xmp/extension/\0".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path folder;

    @Test
    void placesCutBetweenChunksAreBlankedAndTheExtensionStillReads() throws Exception {
        byte[] jpeg = Files.readAllBytes(LocatedFiles.jpeg(folder.resolve("main.jpg")));
        String extension = LocatedFiles.XMP;
        byte[] text = extension.getBytes(StandardCharsets.UTF_8);
        int[] cuts = {cut(text, "GPSLongitude", 3), cut(text, "Paris", 2), cut(text, "France", 3)};
        Path file = Files.write(folder.resolve("extended.jpg"), withExtendedXmp(jpeg, extension, cuts));
        byte[] original = Files.readAllBytes(file);
        assertThat(xmpProperties(original)).containsEntry("photoshop:City", "Paris");

        byte[] served = LocationRedactorTest.redacted(file, MediaFormat.JPEG);

        assertThat(served).hasSameSizeAs(original);
        NoLocation.assertNone(served, NoLocation.rawCoordinates(original));
        Map<String, String> properties = xmpProperties(served);
        assertThat(properties).containsEntry("xmp:CreateDate", "2024-05-01T10:00:00+02:00");
        assertThat(properties.keySet())
                .noneMatch(key -> key.contains("GPS")
                        || key.contains("City")
                        || key.contains("Country")
                        || key.contains("Location"));
        String whole = new String(joined(served), StandardCharsets.UTF_8);
        for (String place : LocatedFiles.XMP_PLACE) {
            assertThat(whole).doesNotContain(place);
        }
        String guid = HexFormat.of()
                .withUpperCase()
                .formatHex(MessageDigest.getInstance("MD5").digest(joined(served)));
        assertThat(new String(served, StandardCharsets.ISO_8859_1))
                .contains("xmpNote:HasExtendedXMP=\"" + guid + "\"")
                .doesNotContain(md5(extension));
        LocationRedactorTest.assertSamePicture(original, served);
    }

    /** A byte offset {@code into} bytes into {@code word}. */
    private static int cut(byte[] text, String word, int into) {
        int at = NoLocation.indexOf(text, word.getBytes(StandardCharsets.UTF_8));
        assertThat(at).isPositive();
        return at + into;
    }

    /** The XMP properties metadata-extractor reads, the extension's included. */
    private static Map<String, String> xmpProperties(byte[] jpeg) {
        Map<String, String> all = new HashMap<>();
        for (XmpDirectory xmp : NoLocation.read(jpeg).getDirectoriesOfType(XmpDirectory.class)) {
            assertThat(xmp.getErrors()).isEmpty();
            all.putAll(xmp.getXmpProperties());
        }
        return all;
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of()
                .withUpperCase()
                .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * {@code jpeg} with a main XMP packet naming the extension and the extension's chunks, cut at
     * {@code cuts}, right after its SOI, as Adobe's XMP specification (part 3, 1.1.3.1) lays them.
     */
    static byte[] withExtendedXmp(byte[] jpeg, String extension, int[] cuts) throws Exception {
        byte[] bytes = extension.getBytes(StandardCharsets.UTF_8);
        String guid = md5(extension);
        String main = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF"
                + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\""
                + " xmlns:xmpNote=\"http://ns.adobe.com/xmp/note/\" xmpNote:HasExtendedXMP=\"" + guid + "\"/>"
                + "</rdf:RDF></x:xmpmeta>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        segment(
                out,
                concat(
                        "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                        main.getBytes(StandardCharsets.UTF_8)));
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : bytes.length;
            ByteBuffer chunk = ByteBuffer.allocate(EXTENSION_NAME.length + 40 + to - from);
            chunk.put(EXTENSION_NAME).put(guid.getBytes(StandardCharsets.ISO_8859_1));
            chunk.putInt(bytes.length).putInt(from).put(bytes, from, to - from);
            segment(out, chunk.array());
            from = to;
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The extension put together from the chunks of a file, as a reader does. */
    static byte[] joined(byte[] jpeg) {
        byte[] whole = null;
        int at = 2;
        while (at + 4 < jpeg.length && (jpeg[at + 1] & 0xFF) != 0xDA) {
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            int data = at + 4;
            if ((jpeg[at + 1] & 0xFF) == 0xE1
                    && JpegLocation.startsWith(
                            java.util.Arrays.copyOfRange(jpeg, data, data + EXTENSION_NAME.length), EXTENSION_NAME)) {
                ByteBuffer header = ByteBuffer.wrap(jpeg, data + EXTENSION_NAME.length + 32, 8);
                int full = header.getInt();
                int offset = header.getInt();
                whole = whole == null ? new byte[full] : whole;
                int chunk = data + EXTENSION_NAME.length + 40;
                System.arraycopy(jpeg, chunk, whole, offset, at + 2 + length - chunk);
            }
            at += 2 + length;
        }
        assertThat(whole).as("an extended XMP").isNotNull();
        return whole;
    }

    private static void segment(ByteArrayOutputStream out, byte[] data) {
        out.write(0xFF);
        out.write(0xE1);
        out.write((data.length + 2) >> 8);
        out.write(data.length + 2);
        out.writeBytes(data);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
