package dev.camroll.server.cli;

import dev.camroll.core.library.StressActor;
import dev.camroll.core.library.StressRun;
import dev.camroll.core.testing.CallLog;
import dev.camroll.core.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code camroll watch} in a stress run: one watching process after the other, each stopped with
 * Ctrl-C (SIGTERM) after a few seconds or SIGKILLed by the run's killer; what it prints goes to a
 * file, and a stack trace on its stderr is a problem ({@code watch} prints none).
 */
final class CliWatchActor implements StressActor {
    private static final long MOST_LIFE_MS = 10_000;

    private final StressRun run;
    private final String name;
    private final List<String> crashes = new ArrayList<>();
    private Process process;
    private Path errors;
    private long stopAt;
    private int started;
    private CallLog log;

    CliWatchActor(StressRun run, String name) {
        this.run = run;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() throws IOException {
        log = CallLog.open(run.logs().resolve(name + ".log"));
        launch();
    }

    private void launch() throws IOException {
        String incarnation = name + "-" + started++;
        errors = run.logs().resolve(incarnation + ".err");
        log.call("watch", incarnation);
        process = new ProcessBuilder(ChildJvm.command(
                        CamrollCommand.class.getName(),
                        List.of(),
                        List.of("watch", run.root().toString())))
                .redirectOutput(run.logs().resolve(incarnation + ".out").toFile())
                .redirectError(errors.toFile())
                .start();
        process.getOutputStream().close();
        stopAt = System.currentTimeMillis() + 2_000 + run.nextInt((int) MOST_LIFE_MS);
    }

    @Override
    public boolean kill() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return false;
        }
        ChildJvm.kill(process);
        return true;
    }

    @Override
    public void tend() throws Exception {
        if (process.isAlive() && System.currentTimeMillis() >= stopAt) {
            end();
        }
        if (!process.isAlive() && System.currentTimeMillis() < run.deadline() - 3_000) {
            noteStackTrace();
            launch();
        }
    }

    /** Ctrl-C, as a person stops it; SIGKILL if it does not end. */
    private void end() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            crashes.add(name + " did not end on SIGTERM within 15 s:\n" + ChildJvm.tail(errors, 15));
            ChildJvm.kill(process);
        } else {
            log.done("watch", List.of());
        }
    }

    private void noteStackTrace() throws IOException {
        String error = Files.exists(errors) ? Files.readString(errors) : "";
        if (error.contains("\tat ")) {
            crashes.add(name + "-" + (started - 1) + " printed a stack trace:\n" + ChildJvm.tail(errors, 15));
        }
    }

    @Override
    public void stop() throws Exception {
        if (process.isAlive()) {
            end();
        }
        noteStackTrace();
        log.close();
    }

    @Override
    public List<String> crashes() {
        return crashes;
    }
}
