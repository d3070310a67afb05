package dev.camroll.core.metadata;

import static dev.camroll.core.metadata.MediaProbeCorpusTest.facts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.camroll.api.MediaType;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every format the test media maker can produce is recognised by its content. */
class MediaProbeFormatsTest {

    @TempDir
    Path folder;

    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    @ParameterizedTest(name = "{0}")
    @MethodSource("stills")
    void stills(String name, MediaFormat format) {
        Path file = folder.resolve(name);
        switch (format) {
            case JPEG -> TestMedia.jpeg(file, 160, 90);
            case PNG -> TestMedia.png(file, 160, 90);
            case GIF -> TestMedia.gif(file, 160, 90);
            case BMP -> TestMedia.bmp(file, 160, 90);
            case TIFF -> TestMedia.tiff(file, 160, 90);
            case WEBP -> TestMedia.webp(file, 160, 90);
            case AVIF -> TestMedia.avif(file, 160, 90);
            default -> throw new IllegalArgumentException(name);
        }

        MediaFacts facts = facts(probe, file);

        assertThat(facts.format()).isEqualTo(format);
        assertThat(facts.mediaType()).isEqualTo(MediaType.PHOTO);
        assertThat(facts.width()).isEqualTo(160);
        assertThat(facts.height()).isEqualTo(90);
        assertThat(facts.durationSeconds()).isZero();
        assertThat(facts.warnings()).isEmpty();
    }

    static Stream<Arguments> stills() {
        return Stream.of(
                Arguments.of("a.jpg", MediaFormat.JPEG),
                Arguments.of("a.png", MediaFormat.PNG),
                Arguments.of("a.gif", MediaFormat.GIF),
                Arguments.of("a.bmp", MediaFormat.BMP),
                Arguments.of("a.tif", MediaFormat.TIFF),
                Arguments.of("a.webp", MediaFormat.WEBP),
                Arguments.of("a.avif", MediaFormat.AVIF));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("videos")
    void videos(String name, MediaFormat format) {
        Path file = TestMedia.video(folder.resolve(name), 1.0, 64, 48);

        MediaFacts facts = facts(probe, file);

        assertThat(facts.format()).isEqualTo(format);
        assertThat(facts.mediaType()).isEqualTo(MediaType.VIDEO);
        assertThat(facts.width()).isEqualTo(64);
        assertThat(facts.height()).isEqualTo(48);
        assertThat(facts.durationSeconds()).isBetween(0.9, 1.15);
        assertThat(facts.warnings()).isEmpty();
    }

    static Stream<Arguments> videos() {
        return Stream.of(
                Arguments.of("v.mp4", MediaFormat.MP4),
                Arguments.of("v.mov", MediaFormat.MOV),
                Arguments.of("v.m4v", MediaFormat.M4V),
                Arguments.of("v.3gp", MediaFormat.THREE_GP),
                Arguments.of("v.mkv", MediaFormat.MKV),
                Arguments.of("v.webm", MediaFormat.WEBM),
                Arguments.of("v.avi", MediaFormat.AVI),
                Arguments.of("v.mts", MediaFormat.MTS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("audios")
    void audio(String name, MediaFormat format, String encoder) {
        assumeTrue(TestMedia.hasEncoder(encoder), "ffmpeg has no " + encoder + " encoder");
        Path file = TestMedia.audio(folder.resolve(name), 1.5);

        MediaFacts facts = facts(probe, file);

        assertThat(facts.format()).isEqualTo(format);
        assertThat(facts.mediaType()).isEqualTo(MediaType.AUDIO);
        assertThat(facts.width()).isZero();
        assertThat(facts.height()).isZero();
        assertThat(facts.durationSeconds()).isBetween(1.45, 1.6);
        assertThat(facts.warnings()).isEmpty();
    }

    static Stream<Arguments> audios() {
        return Stream.of(
                Arguments.of("a.wav", MediaFormat.WAV, "pcm_s16le"),
                Arguments.of("a.flac", MediaFormat.FLAC, "flac"),
                Arguments.of("a.mp3", MediaFormat.MP3, "libmp3lame"),
                Arguments.of("a.m4a", MediaFormat.M4A, "aac"),
                Arguments.of("a.aac", MediaFormat.AAC, "aac"),
                Arguments.of("a.ogg", MediaFormat.OGG, "flac"),
                Arguments.of("a.opus", MediaFormat.OPUS, "libopus"),
                // Containers that usually hold video, here with sound only.
                Arguments.of("sound-only.mp4", MediaFormat.MP4, "aac"),
                Arguments.of("sound-only.webm", MediaFormat.WEBM, "libopus"),
                Arguments.of("sound-only.mkv", MediaFormat.MKV, "flac"));
    }

    @Test
    void pngNamedJpgIsAPng() {
        Path file = folder.resolve("photo.jpg");
        TestMedia.png(file, 30, 20);

        MediaFacts facts = facts(probe, file);

        assertThat(facts.format()).isEqualTo(MediaFormat.PNG);
        assertThat(facts.width()).isEqualTo(30);
    }

    @Test
    void jpegWithAnUnknownOrNoExtensionIsStillAJpeg() throws IOException {
        Path dat = TestMedia.jpeg(folder.resolve("export.dat"), 30, 20);
        Path bare = Files.copy(dat, folder.resolve("IMG_0001"));

        assertThat(facts(probe, dat).format()).isEqualTo(MediaFormat.JPEG);
        assertThat(facts(probe, bare).format()).isEqualTo(MediaFormat.JPEG);
        assertThat(facts(probe, bare).width()).isEqualTo(30);
    }

    @Test
    void videoNamedMp3IsAVideo() {
        Path file = folder.resolve("clip.mp3");
        TestMedia.video(folder.resolve("clip.mp4"), 0.5, 32, 32);
        try {
            Files.move(folder.resolve("clip.mp4"), file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        MediaFacts facts = facts(probe, file);

        assertThat(facts.format()).isEqualTo(MediaFormat.MP4);
        assertThat(facts.mediaType()).isEqualTo(MediaType.VIDEO);
    }

    @Test
    void textNamedJpgIsNotMediaWithAWarning() throws IOException {
        Path file = Files.writeString(folder.resolve("holiday.jpg"), "this is not a picture\n");

        ProbeOutcome outcome = probe.probe(file);

        assertThat(outcome).isInstanceOf(ProbeOutcome.NotMedia.class);
        assertThat(((ProbeOutcome.NotMedia) outcome).warning())
                .isEqualTo("content is not a known media format (name says .jpg)");
    }

    @Test
    void ordinaryNonMediaFilesAreNotMediaWithoutAWarning() throws IOException {
        Path notes = Files.writeString(folder.resolve("notes.txt"), "shopping list\n");
        Path json = Files.writeString(folder.resolve("album.json"), "{\"title\": \"Summer\"}");
        Path sidecar = Files.writeString(
                folder.resolve("IMG_0001.JPG.xmp"),
                "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x='adobe:ns:meta/'/>",
                StandardCharsets.UTF_8);

        for (Path file : new Path[] {notes, json, sidecar}) {
            assertThat(probe.probe(file)).as("%s", file).isEqualTo(new ProbeOutcome.NotMedia(null));
        }
    }

    @Test
    void emptyFiles() throws IOException {
        Path empty = Files.createFile(folder.resolve("empty.jpg"));
        Path emptyText = Files.createFile(folder.resolve("empty.txt"));

        assertThat(probe.probe(empty)).isEqualTo(new ProbeOutcome.NotMedia("file is empty (name says .jpg)"));
        assertThat(probe.probe(emptyText)).isEqualTo(new ProbeOutcome.NotMedia(null));
    }

    @Test
    void tiffBasedRawsAreToldApartByName() throws IOException {
        Path tiff = TestMedia.tiff(folder.resolve("scan.tif"), 40, 30);

        assertThat(facts(probe, tiff).format()).isEqualTo(MediaFormat.TIFF);
        assertThat(facts(probe, Files.copy(tiff, folder.resolve("raw.dng"))).format())
                .isEqualTo(MediaFormat.DNG);
        assertThat(facts(probe, Files.copy(tiff, folder.resolve("raw.NEF"))).format())
                .isEqualTo(MediaFormat.NEF);
        assertThat(facts(probe, Files.copy(tiff, folder.resolve("raw.arw"))).format())
                .isEqualTo(MediaFormat.ARW);
        // A TIFF named as another photo format is still a TIFF.
        assertThat(facts(probe, Files.copy(tiff, folder.resolve("raw.cr2"))).format())
                .isEqualTo(MediaFormat.TIFF);
        assertThat(facts(probe, Files.copy(tiff, folder.resolve("raw"))).format())
                .isEqualTo(MediaFormat.TIFF);
    }
}
