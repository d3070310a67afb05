package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.scan.WriteTempFiles;
import dev.camroll.core.testing.ChildJvm;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process making random writes ({@link CrashKillChild}) with SIGKILL at random points,
 * {@value #KILLS} times over the same library, and after each kill opens the library (which
 * reconciles and scans) and checks it: no temporary file left, no partial file, every row has
 * its file and every media file its one row, every trashed asset its file in the trash, and every
 * write the child logged as done holds. The one call in flight may or may not have happened. Run
 * with {@code -Dcamroll.crash.seed=N} to repeat a failure.
 */
class CrashKillTest {
    private static final int KILLS = 50;
    private static final int MAX_KILL_DELAY_MS = 700;
    private static final long READY_TIMEOUT_S = 60;

    @TempDir
    Path work;

    @Test
    void completedWritesSurviveSigkillAndNothingHalfDoneStays() throws Exception {
        long seed = Long.getLong("camroll.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path root = Files.createDirectories(work.resolve("library"));
        Path sources = Files.createDirectories(work.resolve("sources"));
        TestMedia.bmp(sources.resolve("big.bmp"), 1200, 800);
        TestMedia.jpeg(sources.resolve("small.jpg"), 64, 48);
        Set<Long> sizes = Set.of(Files.size(sources.resolve("big.bmp")), Files.size(sources.resolve("small.jpg")));
        Map<String, State> model = new HashMap<>();
        int calls = 0;
        int tempFilesLeft = 0;
        int opensKilled = 0;
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int kill = 0; kill < KILLS; kill++) {
            Path log = work.resolve("log-" + kill);
            Path errors = work.resolve("stderr-" + kill);
            Process child = start(CrashKillChild.WRITE, root, log, random.nextLong(), sources, errors);
            try {
                awaitReady(child, errors);
                Thread.sleep(random.nextInt(MAX_KILL_DELAY_MS));
                assertThat(child.isAlive())
                        .as("the writing process ended by itself: %s", Files.readString(errors))
                        .isTrue();
            } catch (AssertionError | Exception e) {
                throw failure(seed, kill, log, e);
            } finally {
                ChildJvm.kill(child);
            }
            try {
                tempFilesLeft += tempFiles(root).size();
                if (random.nextInt(4) == 0) {
                    // Now and then the next open is killed too, while it reconciles and scans.
                    killWhileOpening(root, sources, work.resolve("stderr-open-" + kill), random);
                    opensKilled++;
                }
                List<Call> logged = Call.read(log);
                calls += logged.size();
                Checked checked = check(root, model, logged, sizes);
                model = checked.model();
                outcomes.merge(checked.outcome(), 1, Integer::sum);
            } catch (AssertionError | Exception e) {
                throw failure(seed, kill, log, e);
            }
        }
        System.out.printf(
                "crash test: %d kills of writes (and %d of opens), %d calls, %d temporary files left;"
                        + " the call in flight: %s; seed %d%n",
                KILLS, opensKilled, calls, tempFilesLeft, outcomes, seed);
    }

    private static void killWhileOpening(Path root, Path sources, Path errors, Random random)
            throws IOException, InterruptedException {
        Process child = start(CrashKillChild.OPEN, root, root, 0, sources, errors);
        try {
            Thread.sleep(random.nextInt(MAX_KILL_DELAY_MS));
        } finally {
            ChildJvm.kill(child);
        }
        assertThat(child.exitValue())
                .as("the opening process failed: %s", Files.readString(errors))
                .isIn(0, 137);
    }

    /** The model for the next round, and how the call in flight turned out. */
    private record Checked(Map<String, State> model, String outcome) {}

    // ---- the library after a kill ------------------------------------------------------------

    /**
     * Opens the library, checks it against the model replayed from the log, and returns the
     * model for the next round: the state found (one of the outcomes allowed).
     */
    private static Checked check(Path root, Map<String, State> before, List<Call> calls, Set<Long> sizes)
            throws IOException {
        Map<String, State> expected = new HashMap<>(before);
        Call inFlight = null;
        for (Call call : calls) {
            if (call.done()) {
                call.apply(expected);
            } else {
                assertThat(inFlight).as("only the last call can be unfinished").isNull();
                inFlight = call;
            }
        }
        Map<String, State> ifDone = new HashMap<>(expected);
        if (inFlight != null) {
            inFlight.apply(ifDone);
        }

        Map<String, State> found = new HashMap<>();
        try (MediaLibrary library =
                MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false))) {
            Path realRoot = root.toRealPath();
            Path dataDir = realRoot.resolve(".camroll");
            assertThat(tempFiles(realRoot)).as("temporary files left").isEmpty();

            Map<String, String> titles = new HashMap<>();
            for (Album album : library.getAlbums(false)) {
                titles.put(album.id(), album.title());
            }
            Set<String> favorites = new HashSet<>();
            library.getAssets(EVERYTHING.toBuilder()
                            .album(SmartAlbum.FAVORITES.id())
                            .build())
                    .assets()
                    .forEach(asset -> favorites.add(asset.id()));
            List<Path> rowFiles = new ArrayList<>();
            for (Asset asset : library.getAssets(EVERYTHING).assets()) {
                found.put(asset.id(), new Live(titles.get(asset.albumId()), favorites.contains(asset.id())));
                rowFiles.add(Path.of(URI.create(asset.uri())));
            }
            assertThat(rowFiles)
                    .as("every row's file exists and every media file has exactly one row")
                    .containsExactlyInAnyOrderElementsOf(mediaFiles(realRoot, dataDir));
            for (Path file : rowFiles) {
                // Every file is one of the sources, stamped or copied: any other size is a partial file.
                assertThat(Files.size(file)).as("size of %s", file).isIn(sizes);
            }

            List<String> trashed = library.trashedAssets();
            for (String id : trashed) {
                State known = expected.get(id) instanceof Trashed t ? t : ifDone.get(id);
                found.put(id, known instanceof Trashed t ? t : new Trashed("?", false));
            }
            assertThat(trashFileIds(dataDir.resolve("trash")))
                    .as("the trash holds a file for each trashed asset and nothing else")
                    .containsExactlyInAnyOrderElementsOf(trashed);
        }

        String outcome = compare(expected, ifDone, inFlight, found);
        Map<String, State> next = new HashMap<>();
        expected.forEach((id, state) -> next.put(id, Gone.GONE));
        ifDone.forEach((id, state) -> next.put(id, Gone.GONE));
        next.putAll(found);
        return new Checked(next, outcome);
    }

    /**
     * Each id is as the completed calls left it; an id the call in flight touches may also be as
     * that call would leave it, and assets no call logged may only be that call's new files.
     */
    private static String compare(
            Map<String, State> expected, Map<String, State> ifDone, Call inFlight, Map<String, State> found) {
        Set<String> touched = inFlight == null ? Set.of() : inFlight.touched(expected);
        int matchedBefore = 0;
        int matchedAfter = 0;
        for (Map.Entry<String, State> entry : expected.entrySet()) {
            String id = entry.getKey();
            State actual = found.getOrDefault(id, Gone.GONE);
            if (!touched.contains(id)) {
                assertThat(same(actual, entry.getValue()))
                        .as("asset %s is %s, expected %s", id, actual, entry.getValue())
                        .isTrue();
                continue;
            }
            boolean asBefore = same(actual, entry.getValue());
            boolean asAfter = same(actual, ifDone.get(id));
            assertThat(asBefore || asAfter)
                    .as(
                            "asset %s touched by the unfinished %s is %s, neither %s nor %s",
                            id, inFlight, actual, entry.getValue(), ifDone.get(id))
                    .isTrue();
            matchedBefore += asBefore ? 1 : 0;
            matchedAfter += asAfter ? 1 : 0;
        }
        if (inFlight != null && inFlight.allOrNothing() && !touched.isEmpty()) {
            assertThat(matchedBefore == touched.size() || matchedAfter == touched.size())
                    .as("the unfinished %s happened all or nothing", inFlight)
                    .isTrue();
        }
        List<String> unknown =
                found.keySet().stream().filter(id -> !expected.containsKey(id)).toList();
        for (String id : unknown) {
            assertThat(inFlight)
                    .as("asset %s appeared though no call was in flight", id)
                    .isNotNull();
            assertThat(found.get(id))
                    .as("asset %s appeared, not a file of the unfinished %s", id, inFlight)
                    .isEqualTo(new Live(inFlight.newFilesAlbum(), false));
        }
        assertThat(unknown.size())
                .as("assets appeared by the unfinished %s: %s", inFlight, unknown)
                .isLessThanOrEqualTo(inFlight == null ? 0 : inFlight.mostNewFiles());
        if (inFlight == null) {
            return "none";
        }
        String how;
        if (touched.isEmpty()) {
            how = unknown.isEmpty() ? "not done" : "done";
        } else if (matchedAfter == touched.size() && matchedBefore < touched.size()) {
            how = "done";
        } else if (matchedBefore == touched.size()) {
            how = "not done";
        } else {
            how = "partly done";
        }
        return inFlight.operation() + " " + how;
    }

    /** The same state as far as the library shows: for a trashed asset, only that it is. */
    private static boolean same(State actual, State expected) {
        return actual instanceof Trashed ? expected instanceof Trashed : actual.equals(expected);
    }

    private static List<Path> tempFiles(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(
                            path -> WriteTempFiles.isTempName(path.getFileName().toString()))
                    .toList();
        }
    }

    /** The media files of the tree: not hidden, not in the data folder. */
    private static List<Path> mediaFiles(Path root, Path dataDir) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .filter(path -> !path.startsWith(dataDir))
                    .filter(path -> Arrays.stream(
                                    root.relativize(path).toString().split("/"))
                            .noneMatch(part -> part.startsWith(".")))
                    .toList();
        }
    }

    private static List<String> trashFileIds(Path trash) throws IOException {
        if (!Files.isDirectory(trash)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(trash)) {
            return files.map(path -> path.getFileName().toString())
                    .map(name -> name.contains(".") ? name.substring(0, name.indexOf('.')) : name)
                    .toList();
        }
    }

    // ---- the process that is killed ----------------------------------------------------------

    private static Process start(String mode, Path root, Path log, long seed, Path sources, Path errors)
            throws IOException {
        return ChildJvm.start(
                CrashKillChild.class.getName(),
                List.of(mode, root.toString(), log.toString(), Long.toString(seed), sources.toString()),
                errors);
    }

    private static void awaitReady(Process child, Path errors)
            throws IOException, InterruptedException, ExecutionException {
        ChildJvm.awaitLine(child, "ready", Duration.ofSeconds(READY_TIMEOUT_S), errors);
    }

    private static AssertionError failure(long seed, int kill, Path log, Throwable cause) {
        return new AssertionError(
                "seed " + seed + ", kill " + kill + ": " + cause.getMessage() + "\nlast calls:\n"
                        + ChildJvm.tail(log, 12),
                cause);
    }

    // ---- the model -----------------------------------------------------------------------------

    /** What an asset id is: an asset in an album (by title), in the trash, or gone for good. */
    sealed interface State permits Live, Trashed, Gone {}

    record Live(String album, boolean favorite) implements State {}

    /** In the trash; album and flag are what a restore gives back (the library shows neither). */
    record Trashed(String album, boolean favorite) implements State {}

    enum Gone implements State {
        GONE
    }

    /**
     * One logged call: {@code call <operation> <arguments>}, and its results once it returned
     * ({@code done <operation> <results>}); {@code results} is null for the call in flight.
     */
    record Call(String operation, List<String> arguments, List<String> results) {
        static List<Call> read(Path log) throws IOException {
            List<Call> calls = new ArrayList<>();
            if (!Files.exists(log)) {
                return calls;
            }
            for (String line : Files.readAllLines(log)) {
                List<String> words = List.of(line.split(" "));
                if (words.getFirst().equals("call")) {
                    calls.add(new Call(words.get(1), words.subList(2, words.size()), null));
                } else {
                    Call last = calls.removeLast();
                    assertThat(words.get(1)).isEqualTo(last.operation());
                    calls.add(new Call(last.operation(), last.arguments(), words.subList(2, words.size())));
                }
            }
            return calls;
        }

        boolean done() {
            return results != null;
        }

        /** Applies the call to a model; a call in flight leaves out the new ids it cannot know. */
        void apply(Map<String, State> model) {
            switch (operation) {
                case "create" -> {
                    if (done()) {
                        model.put(results.getFirst(), new Live(arguments.getFirst(), false));
                    }
                }
                case "delete" ->
                    ids(0).forEach(id -> {
                        Live live = (Live) model.get(id);
                        model.put(id, new Trashed(live.album(), live.favorite()));
                    });
                case "restore" ->
                    ids(0).forEach(id -> {
                        Trashed trashed = (Trashed) model.get(id);
                        model.put(id, new Live(trashed.album(), trashed.favorite()));
                    });
                case "purge" -> model.replaceAll((id, state) -> state instanceof Trashed ? Gone.GONE : state);
                case "favorite" -> {
                    String id = arguments.getFirst();
                    model.put(id, new Live(((Live) model.get(id)).album(), Boolean.parseBoolean(arguments.get(1))));
                }
                case "album", "add" -> {
                    String album = arguments.getFirst();
                    boolean copy = arguments.get(1).equals("copy");
                    List<String> ids = ids(2);
                    if (copy && done()) {
                        newIds().forEach(id -> model.put(id, new Live(album, false)));
                    } else if (!copy) {
                        ids.forEach(id -> model.put(id, new Live(album, ((Live) model.get(id)).favorite())));
                    }
                }
                case "remove" ->
                    ids(1).forEach(id ->
                            model.put(id, new Live(CrashKillChild.DEFAULT_ALBUM, ((Live) model.get(id)).favorite())));
                case "deleteAlbum" -> {
                    boolean trash = arguments.get(1).equals("trash");
                    inAlbum(model, arguments.getFirst()).forEach(id -> {
                        Live live = (Live) model.get(id);
                        model.put(
                                id,
                                trash
                                        ? new Trashed(live.album(), live.favorite())
                                        : new Live(CrashKillChild.DEFAULT_ALBUM, live.favorite()));
                    });
                }
                default -> throw new IllegalStateException("unknown call " + operation);
            }
        }

        /** The known ids whose state this call changes. */
        Set<String> touched(Map<String, State> model) {
            return switch (operation) {
                case "create" -> Set.of();
                case "delete", "restore", "favorite" -> Set.copyOf(ids(0));
                case "purge" -> {
                    Set<String> trashed = new HashSet<>();
                    model.forEach((id, state) -> {
                        if (state instanceof Trashed) {
                            trashed.add(id);
                        }
                    });
                    yield trashed;
                }
                case "album", "add" -> movesFiles() ? Set.copyOf(ids(2)) : Set.of();
                case "remove" -> Set.copyOf(ids(1));
                case "deleteAlbum" -> inAlbum(model, arguments.getFirst());
                default -> throw new IllegalStateException("unknown call " + operation);
            };
        }

        private static Set<String> inAlbum(Map<String, State> model, String album) {
            Set<String> ids = new HashSet<>();
            model.forEach((id, state) -> {
                if (state instanceof Live live && live.album().equals(album)) {
                    ids.add(id);
                }
            });
            return ids;
        }

        boolean allOrNothing() {
            return switch (operation) {
                case "delete", "restore", "purge", "deleteAlbum" -> true;
                default -> movesFiles();
            };
        }

        /** Whether the call moves assets' files between folders (ids kept). */
        boolean movesFiles() {
            return switch (operation) {
                case "album", "add" -> arguments.get(1).equals("move");
                case "remove" -> true;
                default -> false;
            };
        }

        /** The album where the call puts new files. */
        String newFilesAlbum() {
            return switch (operation) {
                case "create", "album", "add" -> arguments.getFirst();
                default -> null;
            };
        }

        /**
         * How many assets the call may add that no log line names: the new file of a create, the
         * copies of a copy (a file placed without its row is indexed by the scan). A move adds none.
         */
        int mostNewFiles() {
            return switch (operation) {
                case "create" -> 1;
                case "album", "add" -> movesFiles() ? 0 : ids(2).size();
                default -> 0;
            };
        }

        private List<String> ids(int argument) {
            return List.of(arguments.get(argument).split(","));
        }

        private List<String> newIds() {
            return results.getFirst().equals("-")
                    ? List.of()
                    : List.of(results.getFirst().split(","));
        }

        @Override
        public String toString() {
            return operation + " " + String.join(" ", arguments);
        }
    }
}
