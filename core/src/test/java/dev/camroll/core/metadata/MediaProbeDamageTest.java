package dev.camroll.core.metadata;

import static dev.camroll.core.metadata.MediaProbeCorpusTest.facts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.camroll.api.MediaType;
import dev.camroll.core.testing.TestMedia;
import dev.camroll.core.testing.TestMedia.ExifSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged, truncated and hostile files: what can be read, plus warnings, and never an exception. */
class MediaProbeDamageTest {

    @TempDir
    Path folder;

    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    private static Path cut(Path file, Path target, int length) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return Files.write(target, Arrays.copyOf(bytes, Math.min(length, bytes.length)));
    }

    private static ExifSpec fullExif() {
        return ExifSpec.builder()
                .dateTimeOriginal(LocalDateTime.of(2020, 1, 2, 3, 4, 5))
                .gps(48.8584, 2.2945)
                .make("Camroll")
                .model("Test")
                .orientation(8)
                .build();
    }

    @Test
    void jpegCutInHalfKeepsItsHeaders() throws IOException {
        Path whole = TestMedia.jpegWithExif(folder.resolve("whole.jpg"), 640, 480, fullExif());
        Path half = cut(whole, folder.resolve("half.jpg"), (int) Files.size(whole) / 2);

        MediaFacts facts = facts(probe, half);

        // The index needs nothing past the start of scan, so half a JPEG is enough.
        assertThat(facts.format()).isEqualTo(MediaFormat.JPEG);
        assertThat(facts.width()).isEqualTo(480);
        assertThat(facts.height()).isEqualTo(640);
        assertThat(facts.make()).isEqualTo("Camroll");
    }

    @Test
    void jpegCutInsideItsExifIsMediaWithAWarning() throws IOException {
        Path whole = TestMedia.jpegWithExif(folder.resolve("whole.jpg"), 640, 480, fullExif());
        Path stub = cut(whole, folder.resolve("stub.jpg"), 120);

        MediaFacts facts = facts(probe, stub);

        assertThat(facts.format()).isEqualTo(MediaFormat.JPEG);
        assertThat(facts.mediaType()).isEqualTo(MediaType.PHOTO);
        assertThat(facts.warnings()).isNotEmpty();
    }

    @Test
    void jpegMagicFollowedByGarbage() throws IOException {
        byte[] bytes = new byte[5000];
        new Random(7).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        Path file = Files.write(folder.resolve("noise.jpg"), bytes);

        MediaFacts facts = facts(probe, file);

        assertThat(facts.format()).isEqualTo(MediaFormat.JPEG);
        assertThat(facts.warnings()).isNotEmpty();
    }

    @Test
    void mp4CutInHalfIsMediaWithAWarning() throws IOException {
        Path whole = TestMedia.video(folder.resolve("whole.mp4"), 2.0, 160, 120);
        Path half = cut(whole, folder.resolve("half.mp4"), (int) Files.size(whole) / 2);

        MediaFacts facts = facts(probe, half);

        assertThat(facts.format()).isEqualTo(MediaFormat.MP4);
        assertThat(facts.mediaType()).isEqualTo(MediaType.VIDEO);
        assertThat(facts.durationSeconds()).isZero();
        assertThat(facts.warnings()).anyMatch(w -> w.startsWith("container not readable"));
    }

    @Test
    void heifWithNonsenseBoxes() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        buffer.putInt(24).put("ftypheic".getBytes()).putInt(0).put("mif1heic".getBytes());
        // A 'meta' box claiming more than the file holds, holding an 'iprp' with a box of size 3.
        buffer.putInt(10_000).put("meta".getBytes()).putInt(0);
        buffer.putInt(40).put("iprp".getBytes()).putInt(3).put("ipco".getBytes());
        Path file = Files.write(folder.resolve("broken.heic"), buffer.array());

        ProbeOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> probe.probe(file));

        assertThat(outcome).isInstanceOf(ProbeOutcome.Media.class);
        MediaFacts facts = ((ProbeOutcome.Media) outcome).facts();
        assertThat(facts.format()).isEqualTo(MediaFormat.HEIC);
        assertThat(facts.warnings()).isNotEmpty();
    }

    @Test
    void hugeDeclaredJpegSizeIsReportedWithoutDecoding() throws IOException {
        byte[] bytes = TestMedia.jpegBytes(16, 16).clone();
        int sof = indexOfMarker(bytes, 0xC0);
        // SOF0: marker, length (2), precision (1), height (2), width (2).
        bytes[sof + 5] = (byte) 0xFF;
        bytes[sof + 6] = (byte) 0xF0;
        bytes[sof + 7] = (byte) 0xFF;
        bytes[sof + 8] = (byte) 0xF0;
        Path file = Files.write(folder.resolve("huge.jpg"), bytes);

        MediaFacts facts = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> facts(probe, file));

        assertThat(facts.width()).isEqualTo(65520);
        assertThat(facts.height()).isEqualTo(65520);
        assertThat(facts.subtypes()).isEmpty();
    }

    @Test
    void impossiblePngSizeIsAWarning() throws IOException {
        Path png = TestMedia.png(folder.resolve("ok.png"), 8, 8);
        byte[] bytes = Files.readAllBytes(png);
        // IHDR width 0xFFFFFFFF: more than PNG allows.
        Arrays.fill(bytes, 16, 20, (byte) 0xFF);
        Path file = Files.write(folder.resolve("impossible.png"), bytes);

        MediaFacts facts = facts(probe, file);

        assertThat(facts.format()).isEqualTo(MediaFormat.PNG);
        assertThat(facts.width()).isZero();
        assertThat(facts.warnings()).isNotEmpty();
    }

    @Test
    void flippedBytesNeverThrow() throws IOException {
        byte[] original = TestMedia.jpegWithExifBytes(64, 48, fullExif());
        Random random = new Random(42);
        Path file = folder.resolve("flipped.jpg");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int round = 0; round < 300; round++) {
                byte[] bytes = original.clone();
                for (int flips = 0; flips < 1 + random.nextInt(8); flips++) {
                    int at = 3 + random.nextInt(Math.min(bytes.length, 1024) - 3);
                    bytes[at] = (byte) random.nextInt(256);
                }
                Files.write(file, bytes);
                assertThat(probe.probe(file)).isInstanceOf(ProbeOutcome.Media.class);
                assertThat(MetadataDump.readAll(file)).isNotNull();
            }
        });
    }

    @Test
    void missingFilesAndFoldersAreNotMediaWithAWarning() throws IOException {
        Path missing = folder.resolve("gone.jpg");
        Path directory = Files.createDirectory(folder.resolve("album.jpg"));

        assertThat(probe.probe(missing))
                .isEqualTo(new ProbeOutcome.NotMedia("file could not be read: it does not exist"));
        ProbeOutcome outcome = probe.probe(directory);
        assertThat(outcome).isInstanceOf(ProbeOutcome.NotMedia.class);
        assertThat(((ProbeOutcome.NotMedia) outcome).warning()).startsWith("file could not be read");
        assertThat(MetadataDump.readAll(missing)).isEmpty();
    }

    @Test
    void zeroByteMediaNames() throws IOException {
        for (String name : new String[] {"a.jpg", "b.mp4", "c.mp3", "d.heic"}) {
            Path file = Files.createFile(folder.resolve(name));
            ProbeOutcome outcome = probe.probe(file);
            assertThat(outcome).isInstanceOf(ProbeOutcome.NotMedia.class);
            assertThat(((ProbeOutcome.NotMedia) outcome).warning()).startsWith("file is empty");
        }
    }

    private static int indexOfMarker(byte[] bytes, int marker) {
        for (int i = 2; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new IllegalStateException("no marker " + Integer.toHexString(marker));
    }
}
