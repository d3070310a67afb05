package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camroll.core.testing.TestMedia;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code camroll watch}: the scan's summary, then one line per change made on disk, until stopped. */
class WatchCommandTest {

    @TempDir
    Path library;

    @TempDir
    Path outside;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void printsTheScanThenEachChangeAsJsonLines() throws Exception {
        TestMedia.jpeg(library.resolve("a.jpg"), 16, 12);
        try (Running watch = Running.start("watch", library.toString(), "--json")) {
            List<String> first = watch.awaitLines(1);
            assertThat(json.readTree(first.getFirst()).get("added").asInt()).isEqualTo(1);

            Files.copy(TestMedia.jpeg(outside.resolve("b.jpg"), 16, 12), library.resolve("b.jpg"));
            List<String> lines = watch.awaitLines(2);
            JsonNode event = json.readTree(lines.get(1));
            assertThat(event.get("hasIncrementalChanges").asBoolean()).isTrue();
            assertThat(event.get("insertedAssets")).hasSize(1);
            assertThat(event.get("updatedAssets")).isEmpty();
            assertThat(event.get("deletedAssets")).isEmpty();
            String id = event.get("insertedAssets").get(0).asText();

            Files.delete(library.resolve("b.jpg"));
            JsonNode deleted = json.readTree(watch.awaitLines(3).get(2));
            assertThat(deleted.get("deletedAssets").get(0).asText()).isEqualTo(id);

            assertThat(watch.stop()).isZero();
        }
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().startsWith("camroll-watch") && thread.isAlive());
    }

    @Test
    void printsOneTextLinePerEventWithCountsAndIds() throws Exception {
        try (Running watch = Running.start("watch", library.toString())) {
            assertThat(watch.awaitOutput(out -> out.contains("files/s"))).startsWith("added      0\n");

            Files.copy(TestMedia.jpeg(outside.resolve("b.jpg"), 16, 12), library.resolve("b.jpg"));
            String out = watch.awaitOutput(text -> text.contains("inserted:"));
            String line = out.lines().toList().getLast();
            assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d  inserted 1  updated 0  deleted 0  inserted: [0-9a-z]{13}");
            assertThat(watch.stop()).isZero();
        }
    }

    @Test
    void aMissingLibraryFailsAsTheOtherCommandsDo() {
        Cli.Result result = new Cli().run("watch", library.resolve("nothing").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("camroll: library folder").contains("does not exist");
    }

    /** The command running in a thread of its own, as until Ctrl-C, with what it printed so far. */
    private static final class Running implements AutoCloseable {
        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private final AtomicInteger exitCode = new AtomicInteger(-1);
        private final Thread thread;

        private Running(String... args) {
            CommandLine commandLine = CamrollCommand.commandLine(false);
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            thread = Thread.ofPlatform().name("watch-command").start(() -> exitCode.set(commandLine.execute(args)));
        }

        static Running start(String... args) {
            return new Running(args);
        }

        String awaitOutput(Predicate<String> done) throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
                String text = out.toString();
                if (done.test(text)) {
                    return text;
                }
                assertThat(thread.isAlive())
                        .as("still running; stderr: %s", err)
                        .isTrue();
                Thread.sleep(20);
            }
            throw new AssertionError("not printed in time; stdout: " + out + "; stderr: " + err);
        }

        List<String> awaitLines(int count) throws InterruptedException {
            return awaitOutput(text -> text.lines().count() >= count).lines().toList();
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
            assertThat(thread.isAlive()).isFalse();
            assertThat(err.toString()).isEmpty();
            return exitCode.get();
        }

        @Override
        public void close() throws InterruptedException {
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(10_000);
            }
        }
    }
}
