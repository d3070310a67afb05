package dev.camroll.bench;

import dev.camroll.core.metadata.FfmpegLibraries;
import dev.camroll.core.metadata.MediaFacts;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.metadata.ProbeOutcome;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/**
 * The in-process side of {@code bench/av-probe.sh}:
 *
 * <ul>
 *   <li>{@code generate FOLDER COUNT}: COUNT short MP4s (1 s, 320x240, MPEG-4 video and AAC sound,
 *       encoded in this process);
 *   <li>{@code probe FOLDER RUNS}: probes every file of FOLDER as a scan does (format, size,
 *       duration, creation time, location and content key), RUNS times in one JVM after one
 *       untimed pass; prints the best run's files per second;
 *   <li>{@code ffprobe-path}: where the ffprobe executable of the bundled FFmpeg is extracted.
 * </ul>
 */
public final class AvProbeBenchmark {
    private AvProbeBenchmark() {}

    public static void main(String[] args) throws IOException {
        switch (args.length > 0 ? args[0] : "") {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]));
            case "probe" -> probe(Path.of(args[1]), Integer.parseInt(args[2]));
            case "ffprobe-path" -> System.out.println(bundledFfprobe());
            default -> {
                System.err.println("usage: AvProbeBenchmark generate FOLDER COUNT | probe FOLDER RUNS | ffprobe-path");
                System.exit(2);
            }
        }
    }

    /**
     * Extracts the bundled executable without loading its presets: they load libavdevice, which
     * needs libpulse.
     */
    private static Path bundledFfprobe() throws IOException {
        String resource = org.bytedeco.javacpp.Loader.getPlatform() + "/ffprobe";
        Path executable = org.bytedeco.javacpp.Loader.cacheResource(org.bytedeco.ffmpeg.ffprobe.class, resource)
                .toPath();
        executable.toFile().setExecutable(true);
        return executable;
    }

    private static void generate(Path folder, int count) throws IOException {
        Files.createDirectories(folder);
        Path first =
                TestMedia.video(folder.resolve("clip-00000.mp4"), 1.0, 320, 240, TestMedia.VideoSpec.PLAIN.withAudio());
        // Copies of one clip: the probe reads each file from the page cache, as the ffprobe runs do.
        for (int i = 1; i < count; i++) {
            Files.copy(first, folder.resolve("clip-%05d.mp4".formatted(i)), StandardCopyOption.REPLACE_EXISTING);
        }
        System.err.println("generated " + count + " MP4s (" + Files.size(first) + " bytes each) in " + folder);
    }

    private static void probe(Path folder, int runs) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(file -> file.toString().endsWith(".mp4"))
                    .sorted()
                    .toList();
        }
        FfmpegLibraries.require();
        MediaProbe probe = new MediaProbe(ZoneOffset.UTC);
        long bestNanos = Long.MAX_VALUE;
        for (int run = 0; run <= runs; run++) {
            long start = System.nanoTime();
            for (Path file : files) {
                if (!(probe.probe(file) instanceof ProbeOutcome.Media(MediaFacts facts))
                        || !(facts.durationSeconds() > 0)) {
                    throw new IllegalStateException(file + " was not read: " + probe.probe(file));
                }
            }
            long nanos = System.nanoTime() - start;
            if (run > 0) { // the first pass warms the JIT and is not counted
                bestNanos = Math.min(bestNanos, nanos);
            }
        }
        System.out.printf("%.1f%n", files.size() / (bestNanos / 1e9));
    }
}
