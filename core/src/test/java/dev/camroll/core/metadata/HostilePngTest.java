package dev.camroll.core.metadata;

import static dev.camroll.core.metadata.MediaProbeCorpusTest.facts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.TestMedia;
import dev.camroll.core.testing.TestMedia.ExifSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PNG chunks that inflate to gigabytes or declare more bytes than the file holds: each is left
 * out with a warning, in bounded memory and time, and the file's other metadata is still read.
 */
class HostilePngTest {

    /** Far less than any bomb, far more than the few megabytes a reader needs. */
    static final long MAX_ALLOCATED_BYTES = 64L << 20;

    static final long MAX_MILLIS = 2000;

    static final LocalDateTime TAKEN = LocalDateTime.of(2021, 6, 7, 8, 9, 10);

    @TempDir
    Path folder;

    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    static Stream<Arguments> bombs() {
        return Stream.of(
                Arguments.of("ztxt", PngFiles.zTxt("Comment", PngFiles.bombStream())),
                Arguments.of("itxt", PngFiles.iTxt("XML:com.adobe.xmp", PngFiles.bombStream())),
                Arguments.of("iccp", PngFiles.iCcp(PngFiles.bombStream())));
    }

    /** A bomb chunk first, then an eXIf chunk that holds the capture time. */
    static byte[] bombThenExif(byte[] bomb) {
        byte[] exif = PngFiles.exifOfJpeg(TestMedia.jpegWithExifBytes(
                8, 8, ExifSpec.builder().dateTimeOriginal(TAKEN).build()));
        return PngFiles.png(bomb, PngFiles.eXIf(exif));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bombs")
    void aCompressedChunkThatInflatesToGigabytesIsLeftOutAndTheRestIsRead(String name, byte[] bomb) throws IOException {
        Path file = Files.write(folder.resolve(name + ".png"), bombThenExif(bomb));
        assertThat(Files.size(file)).isLessThan(4L << 20);

        Cost<MediaFacts> cost = Cost.of(() -> facts(probe, file));

        assertThat(cost.allocatedBytes()).isLessThan(MAX_ALLOCATED_BYTES);
        assertThat(cost.millis()).isLessThan(MAX_MILLIS);
        MediaFacts facts = cost.result();
        assertThat(facts.width()).isEqualTo(1);
        assertThat(facts.warnings()).anyMatch(w -> w.contains("inflates to more than"));
        assertThat(facts.capturedAt()).isEqualTo(TAKEN.toInstant(ZoneOffset.UTC).toEpochMilli());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bombs")
    void theFullMetadataOfABombIsBoundedToo(String name, byte[] bomb) throws IOException {
        Path file = Files.write(folder.resolve(name + ".png"), bombThenExif(bomb));

        Cost<Map<String, Map<String, String>>> cost = Cost.of(() -> MetadataDump.readAll(file));

        assertThat(cost.allocatedBytes()).isLessThan(MAX_ALLOCATED_BYTES);
        assertThat(cost.millis()).isLessThan(MAX_MILLIS);
        assertThat(cost.result()).containsKey("PNG-IHDR");
        assertThat(cost.result().values()).anyMatch(tags -> tags.containsKey("Date/Time Original"));
    }

    @Test
    void aChunkLongerThanTheFileIsAWarningAndNothingIsAllocatedForIt() throws IOException {
        byte[] exif = PngFiles.exifOfJpeg(TestMedia.jpegWithExifBytes(
                8, 8, ExifSpec.builder().dateTimeOriginal(TAKEN).build()));
        // eXIf first, then a text chunk that says it holds 2^31 - 1 bytes.
        byte[] liar = PngFiles.chunk("tEXt", new byte[] {'a', 0, 'b'}, Integer.MAX_VALUE);
        Path file = Files.write(folder.resolve("liar.png"), PngFiles.png(PngFiles.eXIf(exif), liar));

        Cost<MediaFacts> cost = Cost.of(() -> facts(probe, file));

        assertThat(cost.allocatedBytes()).isLessThan(MAX_ALLOCATED_BYTES);
        assertThat(cost.result().warnings()).anyMatch(w -> w.contains("more than the file holds"));
        assertThat(cost.result().capturedAt())
                .isEqualTo(TAKEN.toInstant(ZoneOffset.UTC).toEpochMilli());
    }

    @Test
    void compressedTextOfAnOrdinarySizeIsStillRead() throws IOException {
        String xmp =
                "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                        + "<rdf:Description xmlns:xmp='http://ns.adobe.com/xap/1.0/' xmp:CreatorTool='Camroll test'/>"
                        + "</rdf:RDF></x:xmpmeta>";
        byte[] zlib = PngFiles.deflate(xmp.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path file = Files.write(
                folder.resolve("xmp.png"),
                PngFiles.png(
                        PngFiles.iTxt("XML:com.adobe.xmp", zlib),
                        PngFiles.zTxt(
                                "Comment",
                                PngFiles.deflate("hello".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))));

        Map<String, Map<String, String>> all = MetadataDump.readAll(file);

        assertThat(all.values()).anyMatch(tags -> tags.values().stream().anyMatch(v -> v.contains("hello")));
        assertThat(facts(probe, file).warnings()).isEmpty();
    }
}
