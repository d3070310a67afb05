package dev.camroll.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;

import dev.camroll.core.testing.ChildJvm;
import dev.camroll.core.testing.TestMedia;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes ask for the same video rendition at the same moment: one converts, the other
 * waits for it and takes its entry; both get the same whole MP4, and nothing temporary is left.
 */
class RenditionCacheProcessesTest {
    private static final Pattern ANSWER = Pattern.compile("made=(\\d+) etag=(\\S+) length=(\\d+)");

    @TempDir
    Path dir;

    @Test
    void twoProcessesAskingForTheSameRenditionShareOneConversion() throws Exception {
        Path data = dir.resolve("data");
        Path video = TestMedia.video(dir.resolve("shared.mts"), 4, 1280, 720, "mpegts", "mpeg2video", "mp2");
        Path go = dir.resolve("go");
        List<Process> children = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Process child = ChildJvm.start(
                        RenditionCacheChild.class.getName(),
                        List.of(data.toString(), video.toString(), go.toString()),
                        dir.resolve("child" + i + ".err"));
                children.add(child);
                BufferedReader output =
                        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                outputs.add(output);
                assertThat(output.readLine())
                        .as("child %d; its stderr: %s", i, ChildJvm.tail(dir.resolve("child" + i + ".err"), 20))
                        .isEqualTo("ready");
            }
            Files.createFile(go);
            int madeInAll = 0;
            List<String> etags = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                String line = outputs.get(i).readLine();
                assertThat(children.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(line)
                        .as("child %d; its stderr: %s", i, ChildJvm.tail(dir.resolve("child" + i + ".err"), 20))
                        .isNotNull();
                Matcher answer = ANSWER.matcher(line);
                assertThat(answer.matches()).as(line).isTrue();
                madeInAll += Integer.parseInt(answer.group(1));
                etags.add(answer.group(2));
            }
            assertThat(madeInAll).as("conversions in both processes").isEqualTo(1);
            assertThat(etags.get(1)).isEqualTo(etags.get(0));
        } finally {
            for (Process child : children) {
                child.destroyForcibly();
            }
        }
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(data.resolve("renditions"))) {
            entries = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(entries.stream().map(path -> path.getFileName().toString()))
                .noneMatch(name -> name.startsWith(RenditionCache.TEMPORARY_PREFIX))
                .filteredOn(name -> name.startsWith("video-mp4-"))
                .hasSize(1);
        Path mp4 = entries.stream()
                .filter(path -> path.getFileName().toString().startsWith("video-mp4-"))
                .findFirst()
                .orElseThrow();
        assertThat(RenditionCacheTest.streams(mp4).videoCodec()).isEqualTo(AV_CODEC_ID_H264);
    }
}
