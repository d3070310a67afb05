package dev.camroll.core.metadata;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
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
 * Finds the {@code ffprobe} and {@code ffmpeg} executables once per process and runs them with a
 * time limit.
 *
 * <p>The executables shipped in the {@code org.bytedeco:ffmpeg} artifact come first; they are
 * extracted to JavaCPP's cache and run with their folder on {@code LD_LIBRARY_PATH} (their
 * libraries find each other there). They need the system's PulseAudio client library ({@code
 * libpulse0} on Debian and Ubuntu). When they cannot start, the ones on the PATH are used. When
 * neither works, {@link #ffprobe()} and {@link #ffmpeg()} throw a {@link
 * FfmpegUnavailableException} that says what to install.
 */
public final class FfmpegTools {

    /** One located executable. */
    public record Tool(String name, Path executable, boolean bundled, String version) {
        @Override
        public String toString() {
            return name + " " + version + (bundled ? " (bundled, " : " (from PATH, ") + executable + ")";
        }
    }

    /** What a finished (or killed) run printed. */
    public record Result(int exitCode, byte[] stdout, String stderr, boolean timedOut) {
        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** The first line of stderr, for a warning; empty when there is none. */
        public String firstErrorLine() {
            String trimmed = stderr.strip();
            int newline = trimmed.indexOf('\n');
            return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
        }
    }

    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_STDERR_BYTES = 64 * 1024;

    private static volatile FfmpegTools instance;

    private final Tool ffprobe;
    private final Tool ffmpeg;
    private final String ffprobeProblem;
    private final String ffmpegProblem;

    private FfmpegTools(Located ffprobe, Located ffmpeg) {
        this.ffprobe = ffprobe.tool;
        this.ffmpeg = ffmpeg.tool;
        this.ffprobeProblem = ffprobe.problem;
        this.ffmpegProblem = ffmpeg.problem;
    }

    /** The tools of this process, located on first use. Never throws. */
    public static FfmpegTools get() {
        FfmpegTools tools = instance;
        if (tools == null) {
            synchronized (FfmpegTools.class) {
                tools = instance;
                if (tools == null) {
                    tools = new FfmpegTools(locate("ffprobe"), locate("ffmpeg"));
                    instance = tools;
                }
            }
        }
        return tools;
    }

    public boolean hasFfprobe() {
        return ffprobe != null;
    }

    public boolean hasFfmpeg() {
        return ffmpeg != null;
    }

    /** The ffprobe in use. */
    public Tool ffprobe() {
        if (ffprobe == null) {
            throw new FfmpegUnavailableException(ffprobeProblem);
        }
        return ffprobe;
    }

    /** The ffmpeg in use. */
    public Tool ffmpeg() {
        if (ffmpeg == null) {
            throw new FfmpegUnavailableException(ffmpegProblem);
        }
        return ffmpeg;
    }

    /** One line per tool: which one is used, or why none is. */
    public String describe() {
        return "ffprobe: " + (ffprobe != null ? ffprobe : ffprobeProblem) + "\nffmpeg: "
                + (ffmpeg != null ? ffmpeg : ffmpegProblem);
    }

    /**
     * Runs a tool with arguments, killing it after the timeout.
     *
     * @param maxStdoutBytes output beyond this is read and dropped
     * @throws IOException when the process cannot be started
     */
    public static Result run(Tool tool, List<String> arguments, Duration timeout, int maxStdoutBytes)
            throws IOException {
        List<String> command = new ArrayList<>(arguments.size() + 1);
        command.add(tool.executable().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (tool.bundled()) {
            addLibraryPath(builder, tool.executable().getParent());
        }
        return run(builder, timeout, maxStdoutBytes);
    }

    private static Result run(ProcessBuilder builder, Duration timeout, int maxStdoutBytes) throws IOException {
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = builder.start();
        CompletableFuture<byte[]> stdout = drain(process.getInputStream(), maxStdoutBytes);
        CompletableFuture<byte[]> stderr = drain(process.getErrorStream(), MAX_STDERR_BYTES);
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            return new Result(-1, new byte[0], "interrupted", true);
        }
        if (!finished) {
            kill(process);
        }
        byte[] out = collect(stdout);
        String err = new String(collect(stderr), StandardCharsets.UTF_8);
        return new Result(finished ? process.exitValue() : -1, out, err, !finished);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream, int maxBytes) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread.ofVirtual().name("ffmpeg-output").start(() -> {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try (stream) {
                int read;
                while ((read = stream.read(buffer)) >= 0) {
                    int keep = Math.min(read, maxBytes - kept.size());
                    if (keep > 0) {
                        kept.write(buffer, 0, keep);
                    }
                }
            } catch (IOException e) {
                // The process was killed or closed its end; keep what arrived.
            }
            result.complete(kept.toByteArray());
        });
        return result;
    }

    private static byte[] collect(CompletableFuture<byte[]> future) {
        try {
            return future.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new byte[0];
        } catch (ExecutionException | TimeoutException e) {
            return new byte[0];
        }
    }

    private static void addLibraryPath(ProcessBuilder builder, Path folder) {
        String existing = builder.environment().get("LD_LIBRARY_PATH");
        builder.environment()
                .put(
                        "LD_LIBRARY_PATH",
                        existing == null || existing.isBlank()
                                ? folder.toString()
                                : folder + File.pathSeparator + existing);
    }

    private record Located(Tool tool, String problem) {}

    private static Located locate(String name) {
        String bundledProblem;
        try {
            Path bundled = bundledExecutable(name);
            String version = versionOf(bundled, true);
            return new Located(new Tool(name, bundled, true, version), null);
        } catch (Exception | LinkageError e) {
            bundledProblem = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        Path onPath = findOnPath(name);
        if (onPath != null) {
            try {
                return new Located(new Tool(name, onPath, false, versionOf(onPath, false)), null);
            } catch (Exception e) {
                return new Located(
                        null,
                        name + " is not usable: the bundled one could not start (" + bundledProblem
                                + "; on Debian/Ubuntu install libpulse0) and " + onPath + " failed (" + e.getMessage()
                                + ")");
            }
        }
        return new Located(
                null,
                name + " is not available: the bundled one could not start (" + bundledProblem
                        + "; on Debian/Ubuntu install libpulse0) and there is no " + name
                        + " on the PATH (install ffmpeg, e.g. apt-get install ffmpeg)");
    }

    private static Path bundledExecutable(String name) {
        Class<?> presets =
                switch (name) {
                    case "ffprobe" -> org.bytedeco.ffmpeg.ffprobe.class;
                    case "ffmpeg" -> org.bytedeco.ffmpeg.ffmpeg.class;
                    default -> throw new IllegalArgumentException(name);
                };
        String path = org.bytedeco.javacpp.Loader.load(presets);
        if (path == null) {
            throw new IllegalStateException("no bundled " + name + " for this platform");
        }
        return Path.of(path);
    }

    private static String versionOf(Path executable, boolean bundled) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-hide_banner", "-version");
        if (bundled) {
            addLibraryPath(builder, executable.getParent());
        }
        Result result = run(builder, VERSION_TIMEOUT, 64 * 1024);
        if (result.timedOut()) {
            throw new IOException(executable + " -version did not answer in time");
        }
        if (result.exitCode() != 0) {
            String why = result.firstErrorLine();
            throw new IOException(executable + " exited with " + result.exitCode() + (why.isEmpty() ? "" : ": " + why));
        }
        String out = result.stdoutText();
        String[] words = out.strip().split("\\s+", 4);
        return words.length >= 3 ? words[2] : "unknown version";
    }

    private static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isBlank()) {
                continue;
            }
            Path candidate = Path.of(folder, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
