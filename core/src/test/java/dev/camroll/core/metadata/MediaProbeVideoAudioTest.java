package dev.camroll.core.metadata;

import static dev.camroll.core.metadata.MediaProbeCorpusTest.facts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.camroll.api.Location;
import dev.camroll.api.MediaType;
import dev.camroll.core.testing.TestMedia;
import dev.camroll.core.testing.TestMedia.AudioSpec;
import dev.camroll.core.testing.TestMedia.VideoSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Duration, displayed size, creation time and kind of generated videos and sounds. */
class MediaProbeVideoAudioTest {

    private static final Instant CREATED = Instant.parse("2023-07-08T09:10:11Z");

    @TempDir
    Path folder;

    private final MediaProbe probe = new MediaProbe(ZoneOffset.ofHours(5));

    @Test
    void twoSecondClip() {
        Path file = TestMedia.video(
                folder.resolve("clip.mp4"),
                2.0,
                320,
                240,
                VideoSpec.PLAIN.withAudio().withCreationTime(CREATED));

        MediaFacts facts = facts(probe, file);

        assertThat(facts.format()).isEqualTo(MediaFormat.MP4);
        assertThat(facts.mediaType()).isEqualTo(MediaType.VIDEO);
        assertThat(facts.durationSeconds()).isCloseTo(2.0, within(0.05));
        assertThat(facts.width()).isEqualTo(320);
        assertThat(facts.height()).isEqualTo(240);
        assertThat(facts.orientation()).isEqualTo(1);
        // The container's creation_time is UTC; the probe's zone does not apply to it.
        assertThat(facts.capturedAt()).isEqualTo(CREATED.toEpochMilli());
        assertThat(facts.location()).isNull();
        assertThat(facts.subtypes()).isEmpty();
        assertThat(facts.warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 270, -90})
    void quarterTurnedVideoSwapsItsSides(int rotation) {
        Path file =
                TestMedia.video(folder.resolve("portrait.mov"), 1.0, 320, 240, VideoSpec.PLAIN.withRotation(rotation));

        MediaFacts facts = facts(probe, file);

        assertThat(facts.format()).isEqualTo(MediaFormat.MOV);
        assertThat(facts.width()).isEqualTo(240);
        assertThat(facts.height()).isEqualTo(320);
    }

    @Test
    void halfTurnedVideoKeepsItsSides() {
        Path file =
                TestMedia.video(folder.resolve("upside-down.mp4"), 1.0, 320, 240, VideoSpec.PLAIN.withRotation(180));

        MediaFacts facts = facts(probe, file);

        assertThat(facts.width()).isEqualTo(320);
        assertThat(facts.height()).isEqualTo(240);
    }

    @Test
    void audioDurationAndCreationTime() {
        Path file = TestMedia.audio(folder.resolve("tone.m4a"), 3.0, AudioSpec.PLAIN.withCreationTime(CREATED));

        MediaFacts facts = facts(probe, file);

        assertThat(facts.format()).isEqualTo(MediaFormat.M4A);
        assertThat(facts.mediaType()).isEqualTo(MediaType.AUDIO);
        assertThat(facts.durationSeconds()).isCloseTo(3.0, within(0.05));
        assertThat(facts.capturedAt()).isEqualTo(CREATED.toEpochMilli());
    }

    @Test
    void wavDuration() {
        MediaFacts facts = facts(probe, TestMedia.audio(folder.resolve("tone.wav"), 2.5));

        assertThat(facts.durationSeconds()).isCloseTo(2.5, within(0.01));
        assertThat(facts.capturedAt()).isNull();
    }

    @Test
    void mp3WithCoverArtIsStillAudio() {
        assumeTrue(TestMedia.hasEncoder("libmp3lame"), "ffmpeg has no MP3 encoder");
        Path file = TestMedia.audio(folder.resolve("song.mp3"), 1.0, AudioSpec.PLAIN.withCoverArt());

        MediaFacts facts = facts(probe, file);

        assertThat(facts.format()).isEqualTo(MediaFormat.MP3);
        assertThat(facts.mediaType()).isEqualTo(MediaType.AUDIO);
        assertThat(facts.width()).isZero();
        assertThat(facts.durationSeconds()).isCloseTo(1.0, within(0.1));
        // The cover really is there, as an attached picture stream.
        assertThat(MetadataDump.readAll(file).get(MetadataDump.CONTAINER)).containsEntry("Stream 1 Type", "video");
    }

    @Test
    void flacWithCoverArtIsStillAudio() {
        Path file = TestMedia.audio(folder.resolve("song.flac"), 1.0, AudioSpec.PLAIN.withCoverArt());

        MediaFacts facts = facts(probe, file);

        assertThat(facts.format()).isEqualTo(MediaFormat.FLAC);
        assertThat(facts.mediaType()).isEqualTo(MediaType.AUDIO);
    }

    @Test
    void videoWithoutSoundAndSoundWithoutVideoInWebm() {
        MediaFacts video = facts(probe, TestMedia.video(folder.resolve("v.webm"), 1.0, 96, 64));
        MediaFacts sound = facts(probe, TestMedia.audio(folder.resolve("a.webm"), 1.0));

        assertThat(video.format()).isEqualTo(MediaFormat.WEBM);
        assertThat(video.mediaType()).isEqualTo(MediaType.VIDEO);
        assertThat(sound.format()).isEqualTo(MediaFormat.WEBM);
        assertThat(sound.mediaType()).isEqualTo(MediaType.AUDIO);
        assertThat(sound.width()).isZero();
    }

    @Test
    void containerDumpHasFormatAndStreams() {
        Path file = TestMedia.video(
                folder.resolve("clip.mp4"),
                1.0,
                64,
                48,
                VideoSpec.PLAIN.withAudio().withCreationTime(CREATED));

        Map<String, Map<String, String>> dump = MetadataDump.readAll(file);

        assertThat(dump.get(MetadataDump.CONTAINER))
                .containsEntry("Stream 0 Type", "video")
                .containsEntry("Stream 0 Size", "64x48")
                .containsEntry("Stream 1 Type", "audio")
                .containsKey("creation_time");
    }

    @Test
    void quickTimeLocationOfAMov() {
        Path file = TestMedia.video(
                folder.resolve("place.mov"), 1.0, 64, 48, VideoSpec.PLAIN.withTag("location", "+48.8584+002.2945/"));

        MediaFacts facts = facts(probe, file);

        assertThat(facts.location()).isEqualTo(new Location(48.8584, 2.2945));
    }

    @Test
    void appleLocationKeyOfAPhoneVideo() {
        Path file = TestMedia.video(
                folder.resolve("IMG_0001.mov"),
                1.0,
                64,
                48,
                VideoSpec.PLAIN.withTag("com.apple.quicktime.location.ISO6709", "-33.8568+151.2153+005.000/"));

        MediaFacts facts = facts(probe, file);

        assertThat(facts.location()).isEqualTo(new Location(-33.8568, 151.2153));
    }

    @Test
    void threeGppLociBox() {
        Path file = TestMedia.withLoci(
                TestMedia.video(folder.resolve("loci.mp4"), 1.0, 64, 48), "Reykjavik", 64.1466, -21.9426);

        MediaFacts facts = facts(probe, file);

        assertThat(facts.location().latitude()).isCloseTo(64.1466, within(1e-4));
        assertThat(facts.location().longitude()).isCloseTo(-21.9426, within(1e-4));
        assertThat(facts.warnings()).isEmpty();
    }

    @Test
    void appleCreationDateWithItsOffsetComesBeforeTheUtcCreationTime() {
        Path file = TestMedia.video(
                folder.resolve("IMG_0002.mov"),
                1.0,
                64,
                48,
                VideoSpec.PLAIN
                        .withCreationTime(Instant.parse("2023-07-08T12:00:00Z"))
                        .withTag("com.apple.quicktime.creationdate", "2023-07-08T11:10:11+0200"));

        MediaFacts facts = facts(probe, file);

        assertThat(facts.capturedAt()).isEqualTo(CREATED.toEpochMilli());
    }

    @Test
    void iso6709Forms() {
        assertThat(Iso6709.parse("+37.7858-122.4064+010.000/")).isEqualTo(new Location(37.7858, -122.4064));
        assertThat(Iso6709.parse("+3746.5-12223.5/").latitude()).isCloseTo(37.775, within(1e-9));
        assertThat(Iso6709.parse("+3746.5-12223.5/").longitude()).isCloseTo(-122.391667, within(1e-6));
        assertThat(Iso6709.parse("+374630-1222330/").latitude()).isCloseTo(37.775, within(1e-9));
        assertThat(Iso6709.parse("+00.0000+000.0000/")).isNull();
        assertThat(Iso6709.parse("+95.0000+000.0000/")).isNull();
        assertThat(Iso6709.parse("")).isNull();
        assertThat(Iso6709.parse("somewhere")).isNull();
    }

    @Test
    void containerTimes() {
        assertThat(AvReader.parseContainerTime("2023-07-08T09:10:11.000000Z", null))
                .isEqualTo(CREATED.toEpochMilli());
        assertThat(AvReader.parseContainerTime("2023-07-08T11:10:11+0200", null))
                .isEqualTo(CREATED.toEpochMilli());
        assertThat(AvReader.parseContainerTime("2023-07-08T11:10:11+02:00", null))
                .isEqualTo(CREATED.toEpochMilli());
        assertThat(AvReader.parseContainerTime("2023-07-08 09:10:11", null)).isEqualTo(CREATED.toEpochMilli());
        assertThat(AvReader.parseContainerTime("1970-01-01T00:00:00.000000Z", null))
                .isNull();
        assertThat(AvReader.parseContainerTime("1904-01-01T00:00:00Z", null)).isNull();
        FactsBuilder out = new FactsBuilder(MediaFormat.MP4);
        assertThat(AvReader.parseContainerTime("yesterday", out)).isNull();
        assertThat(out.warnings).containsExactly("creation time 'yesterday' is not a date");
    }
}
