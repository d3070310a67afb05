package dev.camroll.bench;

import dev.camroll.core.media.BrowserFormats;
import dev.camroll.core.media.CachedRendition;
import dev.camroll.core.media.RenditionCache;
import dev.camroll.core.media.RenditionKind;
import dev.camroll.core.media.RenditionSettings;
import dev.camroll.core.media.RenditionSource;
import dev.camroll.core.metadata.MediaFormat;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Times the rendition of one video as a served library makes it: {@link RenditionCache} into an
 * empty data folder each run, on its converter thread (lowest priority, every core), waiting for
 * it. Prints "best-wall-seconds cpu-seconds-of-that-run bytes" on stdout.
 *
 * <pre>RenditionBenchmark VIDEO FORMAT RUNS WORK_DIR</pre>
 */
public final class RenditionBenchmark {

    private RenditionBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path video = Path.of(args[0]);
        MediaFormat format = MediaFormat.valueOf(args[1]);
        int runs = Integer.parseInt(args[2]);
        Path work = Path.of(args[3]);
        RenditionKind kind = BrowserFormats.judge(video, format)
                .orElseThrow(() -> new IllegalArgumentException(video + " plays in a browser as it is"));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double best = Double.MAX_VALUE;
        double bestCpu = 0;
        long bytes = 0;
        for (int run = 1; run <= runs; run++) {
            Path data = work.resolve("data-" + run);
            delete(data);
            try (RenditionCache cache = new RenditionCache(data, RenditionSettings.DEFAULTS)) {
                RenditionSource source = new RenditionSource(
                        "benchmark0001",
                        video,
                        format,
                        Files.size(video),
                        Files.getLastModifiedTime(video).toMillis());
                long cpuBefore = os.getProcessCpuTime();
                long start = System.nanoTime();
                CachedRendition made = cache.get(source, kind, Duration.ofHours(1));
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
                System.err.printf(Locale.ROOT, "  run %d: %.2f s wall, %.2f s CPU%n", run, seconds, cpu);
                if (seconds < best) {
                    best = seconds;
                    bestCpu = cpu;
                    bytes = made.length();
                }
            }
            delete(data);
        }
        System.out.printf(Locale.ROOT, "%.2f %.2f %d%n", best, bestCpu, bytes);
    }

    private static void delete(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
