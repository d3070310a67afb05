package dev.camroll.server.cli;

import dev.camroll.core.library.EmbeddedActor;
import dev.camroll.core.library.StressCheck;
import dev.camroll.core.library.StressRun;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line among the processes of the core's multi-process stress test: two series of
 * {@code camroll} commands (assets, import, rm, trash --restore, album create/add with and
 * without --move, scan), a {@code camroll watch} started and stopped again and again, and two
 * JVMs of the embedded API (one watching) on the same library, with one process SIGKILLed every
 * few seconds; then the library must have lost nothing (see the core's {@code StressCheck}).
 *
 * <p>{@code -Dcamroll.stress.seconds=N} sets the length (CI: {@value #CI_SECONDS} s), {@code
 * -Dcamroll.stress.seed=N} repeats a run's choices.
 */
class CliStressTest {
    private static final int CI_SECONDS = 35;

    @TempDir
    Path work;

    @Test
    void nothingIsLostWhileCommandsAndEmbeddedProcessesWriteAndAreKilled() throws Exception {
        long seed = Long.getLong("camroll.stress.seed", System.nanoTime());
        Duration duration = Duration.ofSeconds(Long.getLong("camroll.stress.seconds", CI_SECONDS));
        System.out.println("command line stress: seed " + seed + ", " + duration.toSeconds() + " s");
        StressRun run = StressRun.prepare(work, seed, duration, 60, 50 + (int) (6 * duration.toSeconds()));
        CliActor first = new CliActor(run, "cli-a");
        CliActor second = new CliActor(run, "cli-b");
        run.add(first);
        run.add(second);
        run.add(new CliWatchActor(run, "cli-watch"));
        run.add(new EmbeddedActor(run, "embedded-watching", true));
        run.add(new EmbeddedActor(run, "embedded-writer", false));
        run.run(Duration.ofSeconds(2));

        StressCheck.Report report = run.check();
        System.out.println(report.summary() + "\ncommands run: " + (first.commands() + second.commands()));
        if (!report.problems().isEmpty()) {
            throw new AssertionError(report.failureMessage() + "\nlogs kept in " + run.keepLogs());
        }
    }
}
