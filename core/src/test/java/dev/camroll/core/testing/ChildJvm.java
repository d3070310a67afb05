package dev.camroll.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Child JVMs of tests about several processes: started with this JVM's class path, their stderr
 * kept in a file for the failure message, killed with SIGKILL.
 */
public final class ChildJvm {
    private ChildJvm() {}

    /**
     * Starts {@code mainClass} with the class path of this JVM, a small heap and the C1 compiler
     * only (children are many and short-lived on a small machine); stderr goes to {@code errors}.
     */
    public static Process start(String mainClass, List<String> arguments, Path errors) throws IOException {
        return start(mainClass, List.of(), arguments, errors);
    }

    /** As {@link #start(String, List, Path)}, with JVM options of the caller's before the main class. */
    public static Process start(String mainClass, List<String> jvmOptions, List<String> arguments, Path errors)
            throws IOException {
        return new ProcessBuilder(command(mainClass, jvmOptions, arguments))
                .redirectError(errors.toFile())
                .start();
    }

    /** The command line that {@link #start(String, List, Path)} runs, for callers that redirect more. */
    public static List<String> command(String mainClass, List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /** Waits for the child's first line on stdout to be {@code expected}, failing with its stderr. */
    public static void awaitLine(Process child, String expected, Duration timeout, Path errors)
            throws IOException, InterruptedException, ExecutionException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String first;
        try {
            first = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            first = null;
        }
        assertThat(first)
                .as("the child process did not get ready: %s", Files.exists(errors) ? Files.readString(errors) : "")
                .isEqualTo(expected);
    }

    /**
     * The child's next line on stdout, read without buffering ahead (so that later calls see the
     * lines after it); fails with its stderr when none comes in time.
     */
    public static String nextLine(Process child, Duration timeout, Path errors)
            throws IOException, InterruptedException, ExecutionException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try {
                for (int b = child.getInputStream().read();
                        b != -1 && b != '\n';
                        b = child.getInputStream().read()) {
                    bytes.write(b);
                }
            } catch (IOException e) {
                return null;
            }
            return bytes.toString(StandardCharsets.UTF_8);
        });
        try {
            return line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no line from the child process: " + tail(errors, 40), e);
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    public static void kill(Process child) throws InterruptedException {
        child.destroyForcibly();
        child.waitFor();
    }

    /** The last {@code count} lines of a text file, or a note saying why there are none. */
    public static String tail(Path file, int count) {
        try {
            if (!Files.exists(file)) {
                return "(no " + file.getFileName() + ")";
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(" + file.getFileName() + " unreadable: " + e + ")";
        }
    }
}
