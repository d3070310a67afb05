package dev.camroll.server.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted on a folder, for what the commands do on a full or read-only file system.
 * Mounting needs root: elsewhere the test is skipped, and says so.
 */
final class SmallDisk implements AutoCloseable {
    private final Path mountPoint;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code size} (such as "1m") on {@code folder}, or skips the test. */
    static SmallDisk mount(Path folder, String size) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", folder.toString());
        if (!mounted) {
            System.err.println("SKIPPED: cannot mount a tmpfs on " + folder + " (mounting needs root)");
        }
        assumeTrue(mounted, "cannot mount a tmpfs on " + folder + " (mounting needs root)");
        return new SmallDisk(folder);
    }

    /** Fills the file system up to its last byte with a file of its own. */
    void fill() throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(mountPoint.resolve("filler"))) {
            for (int size = block.length; size > 0; size /= 2) {
                try {
                    while (true) {
                        out.write(block, 0, size);
                        out.flush();
                    }
                } catch (IOException full) {
                    // Full at this size: smaller writes take what is left.
                }
            }
        } catch (IOException closingAFullFile) {
            // Nothing is buffered: every write above was flushed or failed.
        }
    }

    /** Makes the file system read-only (as a read-only mount or medium is). */
    void makeReadOnly() throws IOException, InterruptedException {
        if (!run("mount", "-o", "remount,ro", mountPoint.toString())) {
            throw new IOException("cannot remount " + mountPoint + " read-only");
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (!run("umount", mountPoint.toString())) {
            throw new IOException("cannot unmount " + mountPoint);
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(List.of(command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException noSuchCommand) {
            return false;
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }
}
