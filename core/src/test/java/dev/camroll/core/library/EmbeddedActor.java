package dev.camroll.core.library;

import dev.camroll.core.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A series of {@link StressChild} JVMs on the library of a run, one after the other: when one is
 * killed, the next one opens the library again (and so reconciles what the killed one left).
 * Each has a log and a stderr file of its own under the run's log folder.
 */
public final class EmbeddedActor implements StressActor {
    /** How long before the deadline no new process is started (it would hardly get to open). */
    private static final long LAST_START_MS = 3_000;

    private final StressRun run;
    private final String name;
    private final boolean watch;
    private final List<String> crashes = new ArrayList<>();
    private Process process;
    private volatile boolean ready;
    private Path errors;
    private int started;

    public EmbeddedActor(StressRun run, String name, boolean watch) {
        this.run = run;
        this.name = name;
        this.watch = watch;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() throws IOException {
        String incarnation = name + "-" + started++;
        errors = run.logs().resolve(incarnation + ".err");
        process = ChildJvm.start(
                StressChild.class.getName(),
                List.of(
                        run.root().toString(),
                        run.logs().resolve(incarnation + ".log").toString(),
                        Long.toString(run.nextSeed()),
                        run.files().pending().toString(),
                        run.files().claimed().toString(),
                        watch ? "watch" : "nowatch",
                        Long.toString(run.deadline()),
                        incarnation),
                errors);
        process.getOutputStream().close();
        ready = false;
        Process watched = process;
        Thread.ofVirtual().start(() -> {
            try {
                ready = new String(watched.getInputStream().readNBytes(StressChild.READY.length()))
                        .equals(StressChild.READY);
            } catch (IOException e) {
                // The process was killed: it never got ready.
            }
        });
    }

    @Override
    public boolean kill() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return false;
        }
        // Mostly once it has opened the library, so that on a slow machine processes still get to
        // work; now and then during the open, which reconciles what others left.
        if (!ready && run.nextInt(4) != 0) {
            return false;
        }
        ChildJvm.kill(process);
        process = null;
        return true;
    }

    @Override
    public void tend() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        if (process != null && process.exitValue() != 0 && process.exitValue() != StressChild.OPEN_FAILED) {
            crashes.add(name + "-" + (started - 1) + " exited with " + process.exitValue() + ":\n"
                    + ChildJvm.tail(errors, 15));
        }
        process = null;
        if (System.currentTimeMillis() < run.deadline() - LAST_START_MS) {
            start();
        }
    }

    @Override
    public void stop() throws Exception {
        if (process == null) {
            return;
        }
        long wait = Math.max(0, run.deadline() - System.currentTimeMillis()) + StressRun.GRACE_MS;
        if (!process.waitFor(wait, TimeUnit.MILLISECONDS)) {
            crashes.add(name + "-" + (started - 1) + " did not end by its deadline; killed. stderr:\n"
                    + ChildJvm.tail(errors, 15));
            ChildJvm.kill(process);
        } else if (process.exitValue() != 0 && process.exitValue() != StressChild.OPEN_FAILED) {
            crashes.add(name + "-" + (started - 1) + " exited with " + process.exitValue() + ":\n"
                    + ChildJvm.tail(errors, 15));
        }
        process = null;
    }

    @Override
    public List<String> crashes() {
        return crashes;
    }
}
