package dev.camroll.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FfmpegToolsTest {

    @Test
    void locatesBothToolsOnce() {
        FfmpegTools tools = FfmpegTools.get();

        assertThat(FfmpegTools.get()).isSameAs(tools);
        assertThat(tools.hasFfprobe()).as(tools.describe()).isTrue();
        assertThat(tools.hasFfmpeg()).as(tools.describe()).isTrue();
        assertThat(tools.ffprobe().version()).isNotBlank();
        assertThat(tools.describe()).contains("ffprobe", "ffmpeg");
    }

    @Test
    void runsWithATimeLimit() throws IOException {
        FfmpegTools.Tool ffmpeg = FfmpegTools.get().ffmpeg();

        // An endless source, stopped by the time limit.
        FfmpegTools.Result result = FfmpegTools.run(
                ffmpeg,
                List.of("-v", "error", "-re", "-f", "lavfi", "-i", "sine", "-f", "null", "-"),
                Duration.ofMillis(500),
                1024);

        assertThat(result.timedOut()).isTrue();
    }
}
