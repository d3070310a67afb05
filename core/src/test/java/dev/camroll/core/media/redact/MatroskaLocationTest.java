package dev.camroll.core.media.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.camroll.core.metadata.MediaFacts;
import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.metadata.ProbeOutcome;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Matroska and WebM files written by the bundled FFmpeg with a place in their tags, as FFmpeg
 * writes a {@code location} (a {@code LOCATION} SimpleTag) or the specification's {@code
 * RECORDING_LOCATION}: the served file has no trace of the place, its other tags, and still plays.
 */
class MatroskaLocationTest {
    private static final String PLACE = "Champ de Mars, Paris";

    @TempDir
    Path folder;

    @ParameterizedTest
    @CsvSource({"mkv, location", "mkv, recording_location", "webm, location"})
    void theLocationTagsAreBlankedAndTheRestStays(String extension, String tag) throws IOException {
        TestMedia.VideoSpec spec = TestMedia.VideoSpec.PLAIN
                .withCreationTime(Instant.parse("2024-05-01T08:00:00Z"))
                .withTag(tag, LocatedFiles.ISO6709)
                .withTag(tag + "_name", PLACE)
                .withTag("title", "A walk");
        Path file = TestMedia.video(folder.resolve("clip." + extension), 1.0, 64, 48, spec);
        byte[] original = Files.readAllBytes(file);
        assertThat(NoLocation.indexOf(original, tag.toUpperCase().getBytes(StandardCharsets.UTF_8)))
                .isPositive();
        assertThat(NoLocation.indexOf(original, LocatedFiles.ISO6709.getBytes(StandardCharsets.UTF_8)))
                .isPositive();
        MediaFacts before = facts(original, extension);

        byte[] served =
                LocationRedactorTest.redacted(file, extension.equals("mkv") ? MediaFormat.MKV : MediaFormat.WEBM);

        assertThat(served).hasSameSizeAs(original);
        NoLocation.assertNoText(served, LocatedFiles.ISO6709, "48.8584", PLACE);
        assertThat(NoLocation.indexOf(served, "A walk".getBytes(StandardCharsets.UTF_8)))
                .isPositive();
        MediaFacts after = facts(served, extension);
        assertThat(after.durationSeconds()).isCloseTo(before.durationSeconds(), within(0.01));
        assertThat(after.width()).isEqualTo(before.width()).isEqualTo(64);
        assertThat(after.capturedAt()).isEqualTo(before.capturedAt()).isNotNull();
    }

    private MediaFacts facts(byte[] bytes, String extension) throws IOException {
        Path copy = Files.createTempFile(folder, "probe", "." + extension);
        Files.write(copy, bytes);
        ProbeOutcome outcome = new MediaProbe(ZoneOffset.UTC).probe(copy);
        assertThat(outcome).isInstanceOf(ProbeOutcome.Media.class);
        return ((ProbeOutcome.Media) outcome).facts();
    }
}
