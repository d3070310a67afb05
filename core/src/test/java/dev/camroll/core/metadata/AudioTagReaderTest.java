package dev.camroll.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.AssetInfo.AudioTags;
import dev.camroll.core.testing.TestMedia;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tags of audio files FFmpeg's muxers write as each container's own tags: ID3v2.3 frames in MP3,
 * iTunes atoms in M4A, Vorbis comments in FLAC, Ogg and Opus.
 */
class AudioTagReaderTest {

    @TempDir
    Path dir;

    private static TestMedia.AudioSpec tagged() {
        return TestMedia.AudioSpec.PLAIN
                .withTag("title", "Morning Ça Va")
                .withTag("artist", "The Testers")
                .withTag("album", "Fixtures")
                .withTag("track", "3/12")
                .withTag("date", "2019-05-01")
                .withTag("genre", "Ambient");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp3", "m4a", "flac", "ogg", "opus"})
    void eachContainerGivesItsTags(String extension) {
        Path audio = TestMedia.audio(dir.resolve("song." + extension), 1, tagged());

        AudioTags tags = AudioTagReader.read(audio);

        assertThat(tags).isEqualTo(new AudioTags("Morning Ça Va", "The Testers", "Fixtures", 3, 2019, "Ambient"));
    }

    @Test
    void anAudioFileWithoutTagsHasNone() {
        Path audio = TestMedia.audio(dir.resolve("plain.flac"), 1);

        assertThat(AudioTagReader.read(audio)).isNull();
    }

    @Test
    void aPhotoHasNoAudioTags() {
        Path photo = TestMedia.jpeg(dir.resolve("photo.jpg"), 64, 64);

        assertThat(AudioTagReader.read(photo)).isNull();
    }

    @Test
    void aLongTitleWithControlCharactersIsCutAndCleaned() {
        String title = "A\u0001B\u0000".replace("\u0000", "") + "x".repeat(100_000);
        Path audio = TestMedia.audio(
                dir.resolve("long.flac"),
                1,
                TestMedia.AudioSpec.PLAIN.withTag("title", title).withTag("artist", "Kept"));

        AudioTags tags = AudioTagReader.read(audio);

        assertThat(tags.title()).startsWith("ABxxx").hasSize(AudioTagReader.MAX_CHARS);
        assertThat(tags.artist()).isEqualTo("Kept");
    }

    /**
     * An MP3 behind a hand-made ID3v2.3 tag (the layout of id3.org's ID3v2.3.0 specification: a
     * 10-byte header with a syncsafe size, then frames of a 4-byte id, a 4-byte size and 2 flag
     * bytes) whose TIT2 frame claims UTF-16 and holds 20 MB of unpaired surrogates.
     */
    @Test
    void aHugeTitleOfBrokenUtf16NeitherFailsNorFillsMemory() throws IOException {
        Path plain = TestMedia.audio(dir.resolve("plain.mp3"), 1);
        int textBytes = 20 * 1024 * 1024;
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        frames.write("TIT2".getBytes());
        writeInt(frames, 1 + 2 + textBytes);
        frames.write(new byte[] {0, 0, 1, (byte) 0xFF, (byte) 0xFE});
        byte[] broken = new byte[textBytes];
        for (int i = 0; i < textBytes; i += 2) {
            // 0xDC00 little-endian: a low surrogate with no high one before it.
            broken[i] = 0x00;
            broken[i + 1] = (byte) 0xDC;
        }
        frames.write(broken);
        byte[] body = frames.toByteArray();
        Path hostile = dir.resolve("hostile.mp3");
        try (OutputStream out = Files.newOutputStream(hostile, StandardOpenOption.CREATE_NEW)) {
            out.write(new byte[] {'I', 'D', '3', 3, 0, 0});
            out.write(syncsafe(body.length));
            out.write(body);
            out.write(Files.readAllBytes(plain));
        }

        long before = usedHeap();
        AudioTags tags = AudioTagReader.read(hostile);
        long grew = usedHeap() - before;

        if (tags != null && tags.title() != null) {
            assertThat(tags.title().length()).isLessThanOrEqualTo(AudioTagReader.MAX_CHARS);
        }
        assertThat(grew).as("heap taken by reading").isLessThan(16L * 1024 * 1024);
        // The sound after the tag is still found.
        assertThat(new MediaProbe(java.time.ZoneOffset.UTC).probe(hostile))
                .isInstanceOfSatisfying(
                        ProbeOutcome.Media.class,
                        media -> assertThat(media.facts().durationSeconds()).isGreaterThan(0.5));
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static byte[] syncsafe(int value) {
        return new byte[] {
            (byte) ((value >>> 21) & 0x7F),
            (byte) ((value >>> 14) & 0x7F),
            (byte) ((value >>> 7) & 0x7F),
            (byte) (value & 0x7F)
        };
    }

    @Test
    void trackAndYearAreReadFromTheFormsTaggersWrite() {
        assertThat(AudioTagReader.number("03")).isEqualTo(3);
        assertThat(AudioTagReader.number("7/10")).isEqualTo(7);
        assertThat(AudioTagReader.number("side A")).isNull();
        assertThat(AudioTagReader.year("2019-05-01T10:00:00Z")).isEqualTo(2019);
        assertThat(AudioTagReader.year("1987")).isEqualTo(1987);
        assertThat(AudioTagReader.year("May 03")).isNull();
    }
}
