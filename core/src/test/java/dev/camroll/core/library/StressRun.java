package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;

import dev.camroll.api.Asset;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.testing.CallLog;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A multi-process stress run over one library: photos made ({@link StressFiles}) and indexed,
 * then several {@link StressActor}s at work until the deadline while a killer SIGKILLs one of
 * their processes now and then, then everything stopped and the library checked
 * ({@link StressCheck}). The seed decides the files, each process's calls and whom the killer
 * picks; the timing is the machine's. Logs go to {@code logs/} of the work folder.
 */
public final class StressRun {
    /** How long processes get past the deadline to finish their call and close the library. */
    static final long GRACE_MS = 20_000;

    private static final long TEND_MS = 100;

    private final long seed;
    private final Random random;
    private final Path root;
    private final Path logs;
    private final StressFiles files;
    private final long deadline;
    private final List<StressActor> actors = new ArrayList<>();
    private int kills;

    private StressRun(long seed, Random random, Path root, Path logs, StressFiles files, long deadline) {
        this.seed = seed;
        this.random = random;
        this.root = root;
        this.logs = logs;
        this.files = files;
        this.deadline = deadline;
    }

    /**
     * Makes the library ({@code initial} photos, indexed by one open) and {@code sources} photos
     * to import; the run ends {@code duration} after this returns. The ids of the first index are
     * logged in {@code setup.log} as reported.
     */
    public static StressRun prepare(Path work, long seed, Duration duration, int initial, int sources)
            throws IOException {
        Random random = new Random(seed);
        Path root = Files.createDirectories(work.resolve("library"));
        Path logs = Files.createDirectories(work.resolve("logs"));
        StressFiles files = StressFiles.create(work, root, initial, sources, random);
        try (MediaLibrary library =
                        MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
                CallLog log = CallLog.open(logs.resolve("setup.log"))) {
            for (Asset asset : library.getAssets(EVERYTHING).assets()) {
                // One line per asset, with its content, so that a loss names the file it was.
                String hash = StressFiles.hashOrUnknown(Path.of(URI.create(asset.uri())));
                log.call("index", hash + " " + asset.filename());
                log.done("index", List.of(asset.id()));
            }
        }
        return new StressRun(seed, random, root, logs, files, System.currentTimeMillis() + duration.toMillis());
    }

    public void add(StressActor actor) {
        actors.add(actor);
    }

    /**
     * Starts every actor, kills a random actor's process every {@code killEvery} on average (none
     * when zero), restarts what ended, and at the deadline stops them all.
     */
    public void run(Duration killEvery) throws Exception {
        for (StressActor actor : actors) {
            actor.start();
        }
        long nextKill = nextKill(killEvery);
        try {
            while (System.currentTimeMillis() < deadline) {
                Thread.sleep(TEND_MS);
                if (System.currentTimeMillis() >= nextKill) {
                    if (actors.get(nextInt(actors.size())).kill()) {
                        kills++;
                    }
                    nextKill = nextKill(killEvery);
                }
                for (StressActor actor : actors) {
                    actor.tend();
                }
            }
        } finally {
            for (StressActor actor : actors) {
                actor.stop();
            }
        }
    }

    private synchronized long nextKill(Duration killEvery) {
        if (killEvery.isZero()) {
            return Long.MAX_VALUE;
        }
        return System.currentTimeMillis() + killEvery.toMillis() / 2 + random.nextLong(killEvery.toMillis());
    }

    /** Checks the library once every process has stopped; see {@link StressCheck}. */
    public StressCheck.Report check() throws IOException {
        List<String> crashes = new ArrayList<>();
        for (StressActor actor : actors) {
            crashes.addAll(actor.crashes());
        }
        return StressCheck.check(this, crashes);
    }

    /**
     * Copies the logs of a failed run to {@code target/multi-process-stress/SEED} of the working
     * folder (the module's, under Maven), since the run's own folder is deleted, and returns it.
     */
    public Path keepLogs() throws IOException {
        Path kept = Files.createDirectories(Path.of("target", "multi-process-stress", Long.toString(seed)));
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return kept.toAbsolutePath();
    }

    /** A seed for a process, drawn from the run's seed. */
    public synchronized long nextSeed() {
        return random.nextLong();
    }

    /** A random number below {@code bound}, drawn from the run's seed. */
    public synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public long seed() {
        return seed;
    }

    public Path root() {
        return root;
    }

    public Path logs() {
        return logs;
    }

    public StressFiles files() {
        return files;
    }

    public long deadline() {
        return deadline;
    }

    public int kills() {
        return kills;
    }
}
