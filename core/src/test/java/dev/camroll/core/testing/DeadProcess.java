package dev.camroll.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;

/** Process ids of processes that have ended, for tests of what a crashed writer leaves behind. */
public final class DeadProcess {
    private DeadProcess() {}

    /** The id of a process that has ended (and been reaped). */
    public static long pid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElseThrow(), "-Xshare:auto", "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        process.waitFor();
        assertThat(ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        return process.pid();
    }
}
