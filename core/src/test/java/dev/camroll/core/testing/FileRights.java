package dev.camroll.core.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Ways to take rights away from a process in tests that run as root, whom permission bits do not
 * stop: the immutable flag ({@code chattr +i}, which stops root too), and a child process started
 * without the capabilities that let root ignore permission bits.
 */
public final class FileRights {
    /** Runs a command as root without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH. */
    public static final List<String> WITHOUT_OVERRIDE =
            List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search");

    private FileRights() {}

    /** Sets or clears the immutable flag; false when this system cannot (not root, no chattr). */
    public static boolean immutable(Path path, boolean on) {
        return run(List.of("chattr", on ? "+i" : "-i", path.toString()));
    }

    /** Whether a child started with {@link #WITHOUT_OVERRIDE} really is held by permission bits. */
    public static boolean canDropOverride() {
        return ProcessHandle.current().info().user().map("root"::equals).orElse(false)
                && run(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search", "true"));
    }

    private static boolean run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
