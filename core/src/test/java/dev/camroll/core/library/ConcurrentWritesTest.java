package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetSource;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.NotFoundException;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many threads creating, copying, moving, deleting and restoring at once, with the folder watcher
 * running: afterwards the index and the folder tree agree exactly, and the listener heard every
 * change once, in an order that fits (an id is inserted before it is updated or deleted, and
 * never inserted twice without a deletion between).
 */
class ConcurrentWritesTest {
    private static final int THREADS = 8;
    private static final int OPERATIONS_PER_THREAD = 60;

    @TempDir
    Path root;

    @TempDir
    Path outside;

    @Test
    void manyWritersLoseNothingAndEveryChangeIsHeardOnce() throws Exception {
        long seed = new Random().nextLong();
        try (MediaLibrary library =
                MediaLibrary.open(root, LibraryOptions.defaults().withWatch(true))) {
            List<String> albumIds = new ArrayList<>();
            for (String name : List.of("A", "B", "C")) {
                Path first = TestMedia.jpeg(outside.resolve(name + ".jpg"), 12, 9);
                albumIds.add(library.createAlbum(name, null, true, first.toUri().toString())
                        .id());
            }
            Set<String> before = new HashSet<>();
            library.getAssets(EVERYTHING).assets().forEach(asset -> before.add(asset.id()));
            List<ChangeSet> heard = new CopyOnWriteArrayList<>();
            library.addListener(heard::add);
            String start = library.changeToken();

            Set<String> live = ConcurrentHashMap.newKeySet();
            Set<String> trashed = ConcurrentHashMap.newKeySet();
            AtomicInteger deletes = new AtomicInteger();
            AtomicInteger restores = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
                for (int t = 0; t < THREADS; t++) {
                    Random random = new Random(seed + t);
                    int thread = t;
                    workers.add(pool.submit(() -> {
                        for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                            work(library, random, thread, albumIds, live, trashed, deletes, restores);
                        }
                        return null;
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
            }
            awaitQuiet(library, heard);
            // The mix really ran: creates, deletes and restores all happened many times.
            assertThat(live.size() + trashed.size()).isGreaterThan(THREADS * OPERATIONS_PER_THREAD / 4);
            assertThat(deletes.get()).isPositive();
            assertThat(restores.get()).isPositive();

            Map<String, Asset> indexed = new HashMap<>();
            for (Asset asset : library.getAssets(EVERYTHING).assets()) {
                indexed.put(asset.id(), asset);
            }
            assertThat(indexed.keySet()).as("seed " + seed).containsAll(live);
            assertThat(new HashSet<>(library.trashedAssets()))
                    .as("seed " + seed)
                    .isEqualTo(trashed);
            assertTreeMatchesIndex(indexed.values(), seed);
            assertHeardOnceInOrder(heard, indexed.keySet(), before, start, library, seed);
            var rescan = library.scan(null);
            assertThat(rescan.added() + rescan.changed() + rescan.removed())
                    .as("seed " + seed)
                    .isZero();
        }
    }

    /** One random operation; an id another thread deleted meanwhile is a NotFoundException, nothing else. */
    private void work(
            MediaLibrary library,
            Random random,
            int thread,
            List<String> albumIds,
            Set<String> live,
            Set<String> trashed,
            AtomicInteger deletes,
            AtomicInteger restores) {
        int choice = random.nextInt(100);
        try {
            if (choice < 40 || live.size() < 4) {
                String album = random.nextBoolean() ? null : albumIds.get(random.nextInt(albumIds.size()));
                // Shared names, so that threads collide on them and get " (1)", " (2)", ...
                String name = "p" + random.nextInt(6) + ".jpg";
                Asset made = library.createAsset(
                        AssetSource.bytes(name, TestMedia.jpegBytes(8 + random.nextInt(40), 8 + thread)), album);
                live.add(made.id());
            } else if (choice < 55) {
                String id = pick(live, random);
                library.addAssetsToAlbum(List.of(id), albumIds.get(random.nextInt(albumIds.size())), false);
            } else if (choice < 65) {
                String id = pick(live, random);
                String album = albumIds.get(random.nextInt(albumIds.size()));
                library.addAssetsToAlbum(List.of(id), album, true);
                // The copy's id is found by the final comparison of index and disk.
            } else if (choice < 80) {
                String id = pick(live, random);
                if (live.remove(id)) {
                    try {
                        library.deleteAssets(List.of(id));
                        trashed.add(id);
                        deletes.incrementAndGet();
                    } catch (NotFoundException e) {
                        // Deleted by another thread first.
                    }
                }
            } else if (choice < 90) {
                String id = pick(trashed, random);
                if (id != null && trashed.remove(id)) {
                    library.restoreAssets(List.of(id));
                    live.add(id);
                    restores.incrementAndGet();
                }
            } else {
                String id = pick(live, random);
                library.setFavorite(id, random.nextBoolean());
            }
        } catch (NotFoundException e) {
            // The id was deleted by another thread between the pick and the call.
        }
    }

    private static String pick(Set<String> ids, Random random) {
        List<String> all = new ArrayList<>(ids);
        return all.isEmpty() ? "none" : all.get(random.nextInt(all.size()));
    }

    /** Every file under the root is exactly one indexed asset's file, and the reverse. */
    private void assertTreeMatchesIndex(Iterable<Asset> indexed, long seed) throws IOException {
        Set<Path> fromIndex = new HashSet<>();
        for (Asset asset : indexed) {
            assertThat(fromIndex.add(Path.of(URI.create(asset.uri())))).isTrue();
        }
        Set<Path> onDisk = new HashSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> !root.relativize(file).startsWith(".camroll"))
                    .forEach(onDisk::add);
        }
        assertThat(onDisk).as("files on disk vs index, seed " + seed).isEqualTo(fromIndex);
    }

    /**
     * Per id, the events heard must read like insert (update)* delete insert ...: nothing heard
     * twice, nothing updated or deleted before it was inserted (ids of the albums' first assets,
     * made before the listener, excepted). What was heard last must agree with the index, and with
     * changesSince from the start.
     */
    private static void assertHeardOnceInOrder(
            List<ChangeSet> heard,
            Set<String> indexed,
            Set<String> before,
            String start,
            MediaLibrary library,
            long seed) {
        Map<String, Character> last = new HashMap<>();
        for (ChangeSet change : heard) {
            assertThat(change.hasIncrementalChanges()).isTrue();
            for (String id : change.insertedAssets()) {
                Character previous = last.put(id, 'I');
                assertThat(previous)
                        .as("inserted twice: " + id + ", seed " + seed)
                        .isIn(null, 'D');
            }
            for (String id : change.updatedAssets()) {
                Character previous = last.put(id, 'U');
                if (previous != null) {
                    assertThat(previous)
                            .as("updated after its deletion: " + id + ", seed " + seed)
                            .isNotEqualTo('D');
                }
            }
            for (String id : change.deletedAssets()) {
                Character previous = last.put(id, 'D');
                if (previous != null) {
                    assertThat(previous)
                            .as("deleted twice: " + id + ", seed " + seed)
                            .isNotEqualTo('D');
                }
            }
        }
        Set<String> presentByEvents = new HashSet<>();
        last.forEach((id, event) -> {
            if (event != 'D') {
                presentByEvents.add(id);
            }
        });
        assertThat(indexed).as("seed " + seed).containsAll(presentByEvents);
        ChangeSet overall = library.changesSince(start);
        Set<String> changed = new HashSet<>(overall.insertedAssets());
        changed.addAll(overall.updatedAssets());
        assertThat(presentByEvents).as("heard vs changesSince, seed " + seed).isEqualTo(changed);
        // changesSince reports deletions of what existed at the token only.
        Set<String> deletedOfBefore = new HashSet<>();
        last.forEach((id, event) -> {
            if (event == 'D' && before.contains(id)) {
                deletedOfBefore.add(id);
            }
        });
        assertThat(new HashSet<>(overall.deletedAssets())).as("seed " + seed).isEqualTo(deletedOfBefore);
    }

    /** Waits until the listener has heard up to the library's current token. */
    private static void awaitQuiet(MediaLibrary library, List<ChangeSet> heard) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        int seen = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (heard.size() != seen) {
                seen = heard.size();
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > 1_500_000_000L
                    && !heard.isEmpty()
                    && library.changesSince(heard.getLast().nextToken())
                            .insertedAssets()
                            .isEmpty()
                    && library.changesSince(heard.getLast().nextToken())
                            .updatedAssets()
                            .isEmpty()
                    && library.changesSince(heard.getLast().nextToken())
                            .deletedAssets()
                            .isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the listener did not catch up within 20 s");
    }
}
