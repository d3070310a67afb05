package dev.camroll.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole process scanning a folder of PNG bombs (each about 3 MB, inflating to 3 GB): it stays
 * under {@value #MAX_PEAK_RSS_MB} MB of resident memory and {@value #MAX_MILLIS_PER_FILE} ms a
 * file, scan and full metadata together, with a warning for each file, and the metadata beside
 * each bomb is still read.
 */
class HostileFolderScanTest {

    static final int MAX_PEAK_RSS_MB = 512;
    static final long MAX_MILLIS_PER_FILE = 2000;
    static final int COPIES = 3;

    @TempDir
    Path work;

    @Test
    void aScanOfAFolderOfBombsStaysSmallAndQuick() throws Exception {
        Path root = Files.createDirectories(work.resolve("library"));
        List<String> names = new ArrayList<>();
        byte[][] bombs = {
            PngFiles.zTxt("Comment", PngFiles.bombStream()),
            PngFiles.iTxt("XML:com.adobe.xmp", PngFiles.bombStream()),
            PngFiles.iCcp(PngFiles.bombStream())
        };
        for (int copy = 0; copy < COPIES; copy++) {
            for (int kind = 0; kind < bombs.length; kind++) {
                String name = "bomb-" + kind + "-" + copy + ".png";
                Files.write(root.resolve(name), HostilePngTest.bombThenExif(bombs[kind]));
                names.add(name);
            }
        }

        long started = System.nanoTime();
        List<String> output = runChild(root);
        long millis = (System.nanoTime() - started) / 1_000_000;

        Map<String, Long> infoMillis = new HashMap<>();
        Set<String> warned = new HashSet<>();
        Set<Long> creationTimes = new HashSet<>();
        long scanMillis = -1;
        long peakKb = -1;
        for (String line : output) {
            String[] words = line.split(" ", 3);
            switch (words[0]) {
                case "warning" -> warned.add(words[1]);
                case "asset" -> {
                    String[] timings = words[2].split(" ");
                    infoMillis.put(words[1], Long.parseLong(timings[0]));
                    creationTimes.add(Long.parseLong(timings[1]));
                }
                case "scan" -> scanMillis = Long.parseLong(words[1]);
                case "peak-rss-kb" -> peakKb = Long.parseLong(words[1]);
                default -> {}
            }
        }
        assertThat(infoMillis.keySet()).containsExactlyInAnyOrderElementsOf(names);
        assertThat(warned).containsExactlyInAnyOrderElementsOf(names);
        // The eXIf chunk after each bomb is still read.
        assertThat(creationTimes)
                .containsExactly(HostilePngTest.TAKEN.toInstant(ZoneOffset.UTC).toEpochMilli());
        assertThat(peakKb).isPositive().isLessThan(MAX_PEAK_RSS_MB * 1024L);
        assertThat(scanMillis).isLessThan(MAX_MILLIS_PER_FILE * names.size());
        for (long each : infoMillis.values()) {
            assertThat(each).isLessThan(MAX_MILLIS_PER_FILE);
        }
        System.out.printf(
                "%d PNG bombs: scan %d ms, whole process %d ms, peak RSS %d MB%n",
                names.size(), scanMillis, millis, peakKb / 1024);
        // The whole process, start-up included.
        assertThat(millis).isLessThan(MAX_MILLIS_PER_FILE * names.size() + 10_000);
    }

    private List<String> runChild(Path root) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path errors = work.resolve("child.err");
        Process child = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        HostileScanChild.class.getName(),
                        root.toString())
                .redirectError(errors.toFile())
                .start();
        byte[] out = child.getInputStream().readAllBytes();
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
        }
        assertThat(child.exitValue())
                .as("child failed: %s", Files.readString(errors))
                .isZero();
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }
}
