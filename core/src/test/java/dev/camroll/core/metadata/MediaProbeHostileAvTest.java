package dev.camroll.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Video and audio whose boxes, chunks and elements declare lengths far beyond the file: each is
 * read quickly, as what it is, without memory growing.
 */
class MediaProbeHostileAvTest {

    private static final long MAX_MILLIS = 2000;
    private static final long MAX_RSS_GROWTH = 64L << 20;

    @TempDir
    Path folder;

    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void declaredLengthsBeyondTheFileCostNeitherTimeNorMemory(String name, MediaFormat format, byte[] content)
            throws IOException {
        Path file = Files.write(folder.resolve(name), content);
        probe.probe(file); // loads the libraries outside the measure
        long rssBefore = residentBytes();
        long start = System.nanoTime();

        ProbeOutcome outcome = probe.probe(file);

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).isLessThan(MAX_MILLIS);
        assertThat(residentBytes() - rssBefore).isLessThan(MAX_RSS_GROWTH);
        assertThat(outcome).isInstanceOfSatisfying(ProbeOutcome.Media.class, media -> {
            assertThat(media.facts().format()).isEqualTo(format);
            assertThat(media.facts().durationSeconds()).isZero();
        });
    }

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("huge-elements.mkv", MediaFormat.MKV, matroska()),
                Arguments.of("huge-chunks.avi", MediaFormat.AVI, riff("AVI ", "LIST", "hdrl", "avih")),
                Arguments.of("huge-chunks.wav", MediaFormat.WAV, riff("WAVE", "fmt ", null, null)),
                Arguments.of("huge-boxes.mp4", MediaFormat.MP4, mp4()));
    }

    /** An EBML header naming Matroska, then a Segment and Tracks of 2^56 - 2 bytes each. */
    private static byte[] matroska() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] docType = {0x42, (byte) 0x82, (byte) 0x88, 'm', 'a', 't', 'r', 'o', 's', 'k', 'a'};
        out.writeBytes(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) (0x80 | docType.length)});
        out.writeBytes(docType);
        byte[] huge = {0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE};
        out.writeBytes(new byte[] {0x18, 0x53, (byte) 0x80, 0x67});
        out.writeBytes(huge);
        out.writeBytes(new byte[] {0x16, 0x54, (byte) 0xAE, 0x6B});
        out.writeBytes(huge);
        out.writeBytes(new byte[] {
            (byte) 0xAE, 0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0
        });
        out.writeBytes(new byte[512]);
        return out.toByteArray();
    }

    /** RIFF whose chunks each claim nearly 4 GiB. */
    private static byte[] riff(String form, String chunk, String listType, String inner) {
        ByteBuffer buffer = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(ascii("RIFF")).putInt(0xFFFFFFF0).put(ascii(form));
        buffer.put(ascii(chunk)).putInt(0xFFFFFFF0);
        if (listType != null) {
            buffer.put(ascii(listType)).put(ascii(inner)).putInt(0x7FFFFFF0);
        }
        return buffer.array();
    }

    /** An MP4 whose moov declares 2^62 bytes in a 64-bit size, holding a trak of 2^31 bytes. */
    private static byte[] mp4() {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        buffer.putInt(20).put(ascii("ftyp")).put(ascii("isom")).putInt(0x200).put(ascii("isom"));
        buffer.putInt(1).put(ascii("moov")).putLong(1L << 62);
        buffer.putInt(0x7FFFFFFF).put(ascii("trak"));
        buffer.putInt(0x7FFFFFFF).put(ascii("udta"));
        return buffer.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
