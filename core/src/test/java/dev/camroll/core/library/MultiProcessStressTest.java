package dev.camroll.core.library;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several JVMs on one library through the embedded API at once, two of them watching the folder
 * tree, each importing, deleting, restoring, moving and copying into albums, scanning and
 * querying at random, while one of them is SIGKILLed every few seconds and started again; then
 * the library must have lost nothing ({@link StressCheck}). The command line joins them in the
 * server module's {@code CliStressTest}.
 *
 * <p>{@code -Dcamroll.stress.seconds=N} sets the length (CI: {@value #CI_SECONDS} s; {@code
 * bench/multi-process-stress.sh} runs it for minutes), {@code -Dcamroll.stress.seed=N} repeats
 * a run's choices (not its timing).
 */
class MultiProcessStressTest {
    private static final int CI_SECONDS = 25;

    @TempDir
    Path work;

    @Test
    void nothingIsLostWhileSeveralProcessesWriteAndAreKilled() throws Exception {
        long seed = Long.getLong("camroll.stress.seed", System.nanoTime());
        Duration duration = Duration.ofSeconds(Long.getLong("camroll.stress.seconds", CI_SECONDS));
        System.out.println("multi-process stress: seed " + seed + ", " + duration.toSeconds() + " s");
        StressRun run = StressRun.prepare(work, seed, duration, 60, 50 + (int) (6 * duration.toSeconds()));
        run.add(new EmbeddedActor(run, "watching-a", true));
        run.add(new EmbeddedActor(run, "watching-b", true));
        run.add(new EmbeddedActor(run, "writer-c", false));
        run.add(new EmbeddedActor(run, "writer-d", false));
        run.run(Duration.ofSeconds(2));

        StressCheck.Report report = run.check();
        System.out.println(report.summary());
        if (!report.problems().isEmpty()) {
            throw new AssertionError(report.failureMessage() + "\nlogs kept in " + run.keepLogs());
        }
    }
}
