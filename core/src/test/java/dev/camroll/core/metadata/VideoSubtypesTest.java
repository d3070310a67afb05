package dev.camroll.core.metadata;

import static dev.camroll.core.metadata.MediaProbeCorpusTest.facts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.MediaSubtype;
import dev.camroll.core.testing.TestMedia;
import dev.camroll.core.testing.TestMedia.VideoSpec;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow motion and time-lapse from the capture rate Android's camera writes as QuickTime metadata
 * ({@code com.android.capture.fps}), against the stream's rate (the test videos play at 10 fps);
 * slow motion as iOS keeps it (the frames at their capture rate, Apple's playback intent key);
 * selfies from Apple's camera keys; screen recordings by their recorders' names. The videos are
 * written by FFmpeg's MOV muxer with the keys as Apple's {@code mdta} metadata, as an iPhone does.
 */
class VideoSubtypesTest {

    @TempDir
    Path folder;

    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    private Path video(String name, String captureFps) {
        VideoSpec spec = captureFps == null
                ? VideoSpec.PLAIN
                : VideoSpec.PLAIN.withTag(CaptureRate.ANDROID_CAPTURE_FPS, captureFps);
        return TestMedia.video(folder.resolve(name), 0.5, 32, 32, spec);
    }

    @Test
    void capturedAt240FramesASecondIsSlowMotion() {
        assertThat(facts(probe, video("slowmo.mp4", "240.000000")).subtypes())
                .containsExactly(MediaSubtype.HIGH_FRAME_RATE);
    }

    @Test
    void capturedOnceASecondIsATimeLapse() {
        assertThat(facts(probe, video("timelapse.mp4", "1.000000")).subtypes()).containsExactly(MediaSubtype.TIMELAPSE);
    }

    @Test
    void anAndroidCaptureRateUnder120IsNotSlowMotion() {
        assertThat(facts(probe, video("fast.mp4", "100.000000")).subtypes()).isEmpty();
        assertThat(facts(probe, video("slow120.mp4", "120.000000")).subtypes())
                .containsExactly(MediaSubtype.HIGH_FRAME_RATE);
    }

    @Test
    void anIphoneSloMoKeepsItsFramesAtTheCaptureRate() {
        Path sloMo = TestMedia.video(
                folder.resolve("IMG_0100.MOV"),
                0.2,
                32,
                32,
                VideoSpec.PLAIN.withFrameRate(240).withTag(CaptureRate.APPLE_FULL_RATE_PLAYBACK, "0"));
        Path olderSloMo =
                TestMedia.video(folder.resolve("IMG_0101.MOV"), 0.2, 32, 32, VideoSpec.PLAIN.withFrameRate(120));
        Path fullRate = TestMedia.video(
                folder.resolve("IMG_0102.MOV"),
                0.2,
                32,
                32,
                VideoSpec.PLAIN.withFrameRate(120).withTag(CaptureRate.APPLE_FULL_RATE_PLAYBACK, "1"));
        Path sixty = TestMedia.video(folder.resolve("IMG_0103.MOV"), 0.2, 32, 32, VideoSpec.PLAIN.withFrameRate(60));

        assertThat(facts(probe, sloMo).subtypes()).containsExactly(MediaSubtype.HIGH_FRAME_RATE);
        assertThat(facts(probe, olderSloMo).subtypes()).containsExactly(MediaSubtype.HIGH_FRAME_RATE);
        assertThat(facts(probe, fullRate).subtypes())
                .as("Apple's intent to play at the full rate: a 120 fps clip, not a Slo-mo")
                .isEmpty();
        assertThat(facts(probe, sixty).subtypes()).isEmpty();
    }

    /**
     * iOS's camera marks a time-lapse with the movie-level QuickTime key {@code
     * com.apple.photos.captureMode} = "Time-lapse" (its DCIM framework's metadataItemForTimelapse,
     * read back by Photos' PFMetadata as the capture mode): the file itself plays at 30 fps and carries no capture
     * rate, so the key is the only mark.
     */
    @Test
    void anIphoneTimeLapseIsMarkedByApplesCaptureMode() {
        Path timeLapse = TestMedia.video(
                folder.resolve("IMG_0400.MOV"),
                0.2,
                32,
                32,
                VideoSpec.PLAIN.withFrameRate(30).withTag(CaptureRate.APPLE_CAPTURE_MODE, "Time-lapse"));
        Path otherMode = TestMedia.video(
                folder.resolve("IMG_0401.MOV"),
                0.2,
                32,
                32,
                VideoSpec.PLAIN.withFrameRate(30).withTag(CaptureRate.APPLE_CAPTURE_MODE, "Cinematic"));
        Path plain = TestMedia.video(folder.resolve("IMG_0402.MOV"), 0.2, 32, 32, VideoSpec.PLAIN.withFrameRate(30));

        assertThat(facts(probe, timeLapse).subtypes()).containsExactly(MediaSubtype.TIMELAPSE);
        assertThat(facts(probe, otherMode).subtypes()).isEmpty();
        assertThat(facts(probe, plain).subtypes()).isEmpty();
    }

    @Test
    void appleCameraKeysOfTheFrontCameraMarkASelfie() {
        Path lens = TestMedia.video(
                folder.resolve("IMG_0200.MOV"),
                0.2,
                32,
                32,
                VideoSpec.PLAIN.withTag(CameraFacing.APPLE_LENS_MODEL, "iPhone 13 front camera 2.71mm f/2.2"));
        Path identifier = TestMedia.video(
                folder.resolve("IMG_0201.MOV"),
                0.2,
                32,
                32,
                VideoSpec.PLAIN.withTag(CameraFacing.APPLE_CAMERA_IDENTIFIER, "Front"));
        Path back = TestMedia.video(
                folder.resolve("IMG_0202.MOV"),
                0.2,
                32,
                32,
                VideoSpec.PLAIN
                        .withTag(CameraFacing.APPLE_LENS_MODEL, "iPhone 13 back dual wide camera 5.1mm f/1.6")
                        .withTag(CameraFacing.APPLE_CAMERA_IDENTIFIER, "Back"));

        assertThat(facts(probe, lens).subtypes()).containsExactly(MediaSubtype.SELFIE);
        assertThat(facts(probe, identifier).subtypes()).containsExactly(MediaSubtype.SELFIE);
        assertThat(facts(probe, back).subtypes()).isEmpty();
    }

    @Test
    void screenRecordingsAreKnownByTheNamesTheirRecordersGive() {
        for (String name : new String[] {
            "RPReplay_Final1612345678.MP4",
            "Screen Recording 2024-05-01 at 10.00.00.mov",
            "Screen_Recording_20240501-100000_Chrome.mp4",
            "Screen_recording_20240501_100000.mp4",
            "screen-20240501-100000.mp4"
        }) {
            Path recording = TestMedia.video(folder.resolve(name), 0.2, 32, 32);
            assertThat(facts(probe, recording).subtypes()).as(name).containsExactly(MediaSubtype.SCREEN_RECORDING);
        }
        for (String name : new String[] {"screen.mp4", "IMG_0300.MOV", "screen-saver.mp4"}) {
            assertThat(facts(probe, TestMedia.video(folder.resolve(name), 0.2, 32, 32))
                            .subtypes())
                    .as(name)
                    .isEmpty();
        }
    }

    @Test
    void capturedAtItsPlayingRateOrWithoutARateIsNeither() {
        assertThat(facts(probe, video("normal.mp4", "10.000000")).subtypes()).isEmpty();
        assertThat(facts(probe, video("plain.mp4", null)).subtypes()).isEmpty();
        assertThat(facts(probe, video("garbled.mp4", "fast")).subtypes()).isEmpty();
    }

    @Test
    void ratesAsFfmpegAndCamerasWriteThem() {
        assertThat(CaptureRate.rate("30000/1001")).isCloseTo(29.97, org.assertj.core.api.Assertions.within(0.01));
        assertThat(CaptureRate.rate("30")).isEqualTo(30);
        assertThat(CaptureRate.rate("30/0")).isNaN();
        assertThat(CaptureRate.rate(null)).isNaN();
    }
}
