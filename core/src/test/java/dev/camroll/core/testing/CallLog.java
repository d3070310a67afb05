package dev.camroll.core.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The log of a process of a multi-process test: each call is logged before it starts
 * ({@code call}) and once it returned ({@code done}, with the ids it reported) or failed
 * ({@code fail}, with the error), each line forced to disk, so that a SIGKILL leaves a log that
 * says which calls completed and which one was in flight. A line is
 * {@code <epoch millis> <kind> <operation> <words...>}; the first word after the operation of a
 * {@code done} line is the comma-separated list of ids the call reported, or {@code -}.
 */
public final class CallLog implements AutoCloseable {
    private final FileChannel channel;

    private CallLog(FileChannel channel) {
        this.channel = channel;
    }

    public static CallLog open(Path file) throws IOException {
        return new CallLog(
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    }

    public synchronized void call(String operation, String arguments) throws IOException {
        write("call " + operation + " " + arguments);
    }

    public synchronized void done(String operation, List<String> ids) throws IOException {
        write("done " + operation + " " + (ids.isEmpty() ? "-" : String.join(",", ids)));
    }

    public synchronized void fail(String operation, String error) throws IOException {
        write("fail " + operation + " " + error.replace('\n', ' '));
    }

    private void write(String line) throws IOException {
        ByteBuffer bytes =
                ByteBuffer.wrap((System.currentTimeMillis() + " " + line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** One line of a log; {@code actor} is the log's file name. */
    public record Line(String actor, long millis, String kind, String operation, List<String> words) {
        public boolean isDone() {
            return kind.equals("done");
        }

        /** The ids a done line reports. */
        public List<String> reportedIds() {
            if (!isDone() || words.isEmpty() || words.getFirst().equals("-")) {
                return List.of();
            }
            return List.of(words.getFirst().split(","));
        }

        @Override
        public String toString() {
            return actor + " " + millis + " " + kind + " " + operation + " " + String.join(" ", words);
        }
    }

    /** The lines of a log; a last line cut by a kill is left out. */
    public static List<Line> read(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        String actor = file.getFileName().toString();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        for (String line : text.substring(0, end + 1).split("\n")) {
            String[] words = line.split(" ");
            if (words.length < 3) {
                continue;
            }
            lines.add(new Line(
                    actor,
                    Long.parseLong(words[0]),
                    words[1],
                    words[2],
                    List.of(words).subList(3, words.length)));
        }
        return lines;
    }
}
