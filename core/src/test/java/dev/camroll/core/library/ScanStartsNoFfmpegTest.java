package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan reads video and audio in its own process: with an {@code ffprobe} and an {@code ffmpeg}
 * first on the PATH that note every call, a scan in another JVM reads durations and sizes and
 * never calls them.
 */
class ScanStartsNoFfmpegTest {

    @TempDir
    Path folder;

    @Test
    void scanOfVideoAndAudioStartsNoFfmpegOrFfprobe() throws IOException, InterruptedException {
        Path library = folder.resolve("library");
        TestMedia.video(library.resolve("clip.mp4"), 2.0, 64, 48);
        TestMedia.video(library.resolve("trip.mkv"), 1.0, 32, 24);
        TestMedia.audio(library.resolve("tone.wav"), 1.5);
        Path calls = folder.resolve("calls.txt");
        Path bin = Files.createDirectories(folder.resolve("bin"));
        for (String tool : new String[] {"ffprobe", "ffmpeg"}) {
            Path fake = bin.resolve(tool);
            Files.writeString(fake, "#!/bin/sh\necho \"$0 $*\" >> '" + calls + "'\nexit 1\n");
            Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        ProcessBuilder builder = new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx256m",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                ScanChild.class.getName(),
                library.toString());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Path errors = folder.resolve("errors.txt");
        builder.redirectError(errors.toFile());
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(errors)).isZero();

        assertThat(calls).as("calls of the fake ffprobe/ffmpeg").doesNotExist();
        Map<String, String[]> assets = new HashMap<>();
        output.lines().map(line -> line.split(" ")).forEach(fields -> assets.put(fields[0], fields));
        assertThat(assets).containsOnlyKeys("clip.mp4", "trip.mkv", "tone.wav");
        assertThat(Double.parseDouble(assets.get("clip.mp4")[1])).isCloseTo(2.0, within(0.1));
        assertThat(assets.get("clip.mp4")[2]).isEqualTo("64x48");
        assertThat(Double.parseDouble(assets.get("trip.mkv")[1])).isCloseTo(1.0, within(0.1));
        assertThat(Double.parseDouble(assets.get("tone.wav")[1])).isCloseTo(1.5, within(0.05));
    }

    /** Scans a library and prints each asset: name, duration, size. */
    public static final class ScanChild {
        public static void main(String[] args) {
            try (MediaLibrary library = MediaLibrary.open(
                    Path.of(args[0]), LibraryOptions.defaults().withWatch(false))) {
                for (Asset asset : library.getAssets(AssetQuery.builder()
                                .first(100)
                                .mediaTypes(EnumSet.allOf(MediaType.class))
                                .build())
                        .assets()) {
                    System.out.println(
                            asset.filename() + " " + asset.duration() + " " + asset.width() + "x" + asset.height());
                }
            }
        }
    }
}
