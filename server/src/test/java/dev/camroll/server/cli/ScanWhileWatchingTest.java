package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.TestMedia;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan} while another process scans the library (a {@code watch}, or another {@code scan})
 * waits for it and says so, instead of failing; {@code watch} prints the engine's warnings as one
 * line each, never a stack trace. Each command runs as a process of its own.
 */
class ScanWhileWatchingTest {

    @TempDir
    Path folder;

    @Test
    void aScanWaitsForTheScanOfAnotherProcessAndSaysSo() throws Exception {
        Path library = Files.createDirectories(folder.resolve("Library"));
        TestMedia.jpeg(library.resolve("a.jpg"), 16, 12);
        Path data = Files.createDirectories(library.resolve(".camroll"));
        Path err = folder.resolve("err.txt");
        Path out = folder.resolve("out.txt");
        Process scan;
        // This test's process holds the lock a running scan holds, as a watch's scan would.
        try (FileChannel channel = FileChannel.open(
                        data.resolve("scan.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            scan = new CliProcess()
                    .builder("scan", library.toString())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (Files.size(err) == 0 && scan.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(500);
            assertThat(scan.isAlive())
                    .as("the scan waits while the lock is held")
                    .isTrue();
            assertThat(Files.readString(out)).isEmpty();
        }
        assertThat(scan.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(scan.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(err))
                .isEqualTo("camroll: another scan of " + library
                        + " is running; waiting for it to finish (at most 10 minutes)\n");
        assertThat(Files.readString(out)).startsWith("added      1\n");
    }

    @Test
    void aScanWhileWatchRunsWaitsAndBothIndexTheFiles() throws Exception {
        Path library = Files.createDirectories(folder.resolve("Library"));
        for (int i = 0; i < 200; i++) {
            TestMedia.jpeg(library.resolve("photo-" + i + ".jpg"), 64 + i, 48);
        }
        Process watch = new CliProcess().builder("watch", library.toString()).start();
        try {
            Thread.sleep(300);
            Cli.Result scan = new CliProcess().run("scan", library.toString());

            assertThat(scan.exitCode()).as(scan.err()).isZero();
            // It may have waited for the watch's scan, and said so; it did not fail for it.
            assertThat(scan.err()).doesNotContain(" is running\n", "failed");
            assertThat(scan.out()).contains("unchanged").contains("files/s");
            Cli.Result assets = new CliProcess().run("assets", library.toString(), "--first", "1000");
            assertThat(assets.out().lines().filter(line -> line.contains("photo-")))
                    .hasSize(200);
        } finally {
            watch.destroy();
            watch.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void watchPrintsWarningsAsOneLineWithoutStackTraces() throws Exception {
        Path library = Files.createDirectories(folder.resolve("Library"));
        TestMedia.jpeg(library.resolve("Trip/a.jpg"), 16, 12);
        Path data = folder.resolve("data");
        Process watch = new CliProcess()
                .builder("watch", library.toString(), "--data", data.toString())
                .redirectError(folder.resolve("err.txt").toFile())
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("files/s")) {
                // The summary of the first scan; the watcher runs from here on.
            }
            // The library folder vanishes (an unplugged disk): the watcher's scans fail, and retry.
            deleteTree(library);
            String err = "";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!err.contains("warning") && System.nanoTime() < deadline) {
                Thread.sleep(200);
                err = Files.readString(folder.resolve("err.txt"));
            }
            Thread.sleep(1_000);
            err = Files.readString(folder.resolve("err.txt"));

            assertThat(err).contains("camroll: warning: ").doesNotContain("\tat ", "Exception:", "WARNING");
            assertThat(err.lines()).allMatch(warning -> warning.startsWith("camroll: warning: "));
            assertThat(err.lines().findFirst().orElseThrow()).contains(library.toString());
        } finally {
            watch.destroy();
            watch.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static void deleteTree(Path top) throws Exception {
        try (Stream<Path> paths = Files.walk(top)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
