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
 * ({@code com.android.capture.fps}), against the stream's rate (the test videos play at 10 fps).
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
