package dev.camroll.core.metadata;

import static dev.camroll.core.metadata.MediaProbeCorpusTest.facts;
import static dev.camroll.core.metadata.TiffFiles.DATE_TIME_ORIGINAL;
import static dev.camroll.core.metadata.TiffFiles.EXIF_IFD;
import static dev.camroll.core.metadata.TiffFiles.OFFSET_TIME_ORIGINAL;
import static dev.camroll.core.metadata.TiffFiles.SUB_SEC_TIME_ORIGINAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.TestMedia;
import dev.camroll.core.testing.TestMedia.ExifSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Capture times from where cameras and editors put them when EXIF has none: XMP, maker notes,
 * PNG text and eXIf chunks; with their offsets and fractions of a second.
 */
class CaptureDatesTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @TempDir
    Path folder;

    private final MediaProbe probe = new MediaProbe(ZONE);

    private static long at(String isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset).toInstant().toEpochMilli();
    }

    private static long local(LocalDateTime time) {
        return time.atZone(ZONE).toInstant().toEpochMilli();
    }

    static String xmp(String properties) {
        return "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x='adobe:ns:meta/'>"
                + "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description rdf:about=''"
                + " xmlns:exif='http://ns.adobe.com/exif/1.0/' xmlns:xmp='http://ns.adobe.com/xap/1.0/'"
                + " xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/' " + properties + "/>"
                + "</rdf:RDF></x:xmpmeta><?xpacket end='w'?>";
    }

    /** A JPEG with an XMP segment right after its start, and whatever EXIF {@code jpeg} has. */
    static byte[] withXmp(byte[] jpeg, String xmp) {
        byte[] payload = PngFiles.concat(
                "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                xmp.getBytes(StandardCharsets.UTF_8));
        byte[] segment = ByteBuffer.allocate(4 + payload.length)
                .put((byte) 0xFF)
                .put((byte) 0xE1)
                .putShort((short) (payload.length + 2))
                .put(payload)
                .array();
        return PngFiles.concat(
                new byte[] {(byte) 0xFF, (byte) 0xD8}, segment, java.util.Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    private MediaFacts jpegWithXmp(String properties) throws IOException {
        byte[] jpeg = withXmp(TestMedia.jpegBytes(16, 16), xmp(properties));
        return facts(probe, Files.write(folder.resolve("xmp.jpg"), jpeg));
    }

    @Test
    void xmpDateTimeOriginalWithOffsetAndFraction() throws IOException {
        MediaFacts facts = jpegWithXmp(
                "exif:DateTimeOriginal='2019-04-05T06:07:08.5+03:00'" + " xmp:CreateDate='2001-01-01T00:00:00Z'");

        assertThat(facts.capturedAt()).isEqualTo(at("2019-04-05T06:07:08.5+03:00"));
    }

    @Test
    void xmpCreateDateInUtcAndWithoutAnOffset() throws IOException {
        assertThat(jpegWithXmp("xmp:CreateDate='2018-12-31T23:59:59.125Z'").capturedAt())
                .isEqualTo(at("2018-12-31T23:59:59.125Z"));
        assertThat(jpegWithXmp("xmp:CreateDate='2018-07-01T10:00'").capturedAt())
                .isEqualTo(local(LocalDateTime.of(2018, 7, 1, 10, 0)));
    }

    @Test
    void photoshopDateCreated() throws IOException {
        assertThat(jpegWithXmp("photoshop:DateCreated='2017-03-02T01:02:03-08:00'")
                        .capturedAt())
                .isEqualTo(at("2017-03-02T01:02:03-08:00"));
    }

    @Test
    void exifDateTimeOriginalStillComesFirst() throws IOException {
        LocalDateTime taken = LocalDateTime.of(2020, 2, 3, 4, 5, 6);
        byte[] jpeg = withXmp(
                TestMedia.jpegWithExifBytes(
                        16, 16, ExifSpec.builder().dateTimeOriginal(taken).build()),
                xmp("exif:DateTimeOriginal='2001-01-01T00:00:00Z'"));

        assertThat(facts(probe, Files.write(folder.resolve("both.jpg"), jpeg)).capturedAt())
                .isEqualTo(local(taken));
    }

    @Test
    void reconyxTrailCameraKeepsItsTimeInTheMakerNote() {
        MediaFacts facts = facts(probe, TestMedia.corpus("exif-samples/jpg/Reconyx_HC500_Hyperfire.jpg"));

        // exiftool: [MakerNotes] DateTimeOriginal 2020:03:16 10:00:00; EXIF has none.
        assertThat(facts.capturedAt()).isEqualTo(local(LocalDateTime.of(2020, 3, 16, 10, 0, 0)));
    }

    @Test
    void pngCreationTimeInEachFormWritersUse() throws IOException {
        String[][] cases = {
            {"Sat, 29 Nov 2025 14:27:10 GMT", "2025-11-29T14:27:10Z"},
            {"2025-11-29T14:27:10.75+01:00", "2025-11-29T14:27:10.75+01:00"},
        };
        for (String[] c : cases) {
            Path file = Files.write(folder.resolve("text.png"), PngFiles.png(PngFiles.text("Creation Time", c[0])));
            assertThat(facts(probe, file).capturedAt()).as(c[0]).isEqualTo(at(c[1]));
        }
        Path exifForm = Files.write(
                folder.resolve("exif-form.png"), PngFiles.png(PngFiles.text("Creation Time", "2025:11:29 14:27:10")));
        assertThat(facts(probe, exifForm).capturedAt()).isEqualTo(local(LocalDateTime.of(2025, 11, 29, 14, 27, 10)));
    }

    @Test
    void pngXmpInAnITxtChunk() throws IOException {
        byte[] chunk =
                PngFiles.iTxtUncompressed("XML:com.adobe.xmp", xmp("xmp:CreateDate='2016-05-04T03:02:01+05:30'"));
        Path file = Files.write(folder.resolve("xmp.png"), PngFiles.png(chunk));

        assertThat(facts(probe, file).capturedAt()).isEqualTo(at("2016-05-04T03:02:01+05:30"));
    }

    @Test
    void pngExifChunkWithOffsetAndSubSeconds() throws IOException {
        TiffFiles.Ifd exif = TiffFiles.ifd()
                .ascii(DATE_TIME_ORIGINAL, "2015:06:07 08:09:10")
                .ascii(OFFSET_TIME_ORIGINAL, "-05:00")
                .ascii(SUB_SEC_TIME_ORIGINAL, "123");
        byte[] tiff = TiffFiles.classic(TiffFiles.ifd().child(EXIF_IFD, exif));
        Path file = Files.write(folder.resolve("exif.png"), PngFiles.png(PngFiles.eXIf(tiff)));

        MediaFacts facts = facts(probe, file);

        assertThat(facts.capturedAt()).isEqualTo(at("2015-06-07T08:09:10.123-05:00"));
        assertThat(facts.warnings()).isEmpty();
    }
}
