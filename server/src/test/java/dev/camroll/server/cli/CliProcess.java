package dev.camroll.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code camroll} as a process of its own (a JVM with the class path of the tests), for what
 * needs one: a working folder, a second process on the same library, arguments as bytes.
 */
final class CliProcess {
    private static final long TIMEOUT_SECONDS = 120;

    private Path workingFolder = Path.of("").toAbsolutePath();

    /** Runs the command from {@code folder}: relative file names resolve there. */
    CliProcess in(Path folder) {
        this.workingFolder = folder;
        return this;
    }

    Cli.Result run(String... args) throws IOException, InterruptedException {
        return run(builder(args));
    }

    /**
     * Runs the command with arguments given as bytes, which need not be UTF-8: a shell passes them,
     * since Java would encode a string argument as UTF-8.
     */
    Cli.Result runBytes(byte[]... args) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder("exec");
        for (String word : javaCommand()) {
            script.append(' ').append(quoted(word.getBytes(StandardCharsets.UTF_8)));
        }
        for (byte[] arg : args) {
            script.append(' ').append(quoted(arg));
        }
        return run(new ProcessBuilder("/bin/sh", "-c", script.toString()).directory(workingFolder.toFile()));
    }

    /** A word the shell rebuilds byte for byte (newlines aside): every byte an octal escape of printf. */
    private static String quoted(byte[] word) {
        StringBuilder escaped = new StringBuilder("\"$(printf '");
        for (byte b : word) {
            escaped.append(String.format("\\%03o", b & 0xFF));
        }
        return escaped.append("')\"").toString();
    }

    private Cli.Result run(ProcessBuilder command) throws IOException, InterruptedException {
        String args = String.join(" ", command.command());
        Path out = Files.createTempFile("camroll-out", ".txt");
        Path err = Files.createTempFile("camroll-err", ".txt");
        try {
            Process process = command.redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(args + " did not end");
            }
            return new Cli.Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The command, ready to start; the caller reads its output and ends it. */
    ProcessBuilder builder(String... args) {
        List<String> command = javaCommand();
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workingFolder.toFile());
    }

    private static List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CamrollCommand.class.getName());
        return command;
    }
}
