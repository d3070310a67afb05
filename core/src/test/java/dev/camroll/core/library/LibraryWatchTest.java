package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.testing.TestMedia;
import dev.camroll.core.testing.TestQueries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes made on disk by other programs while a library is open reach the index and listeners. */
class LibraryWatchTest {
    /** The promise: indexed and told within 2 s. */
    private static final Duration PROMISED = Duration.ofSeconds(2);
    /** For the cases that are about what is told, not how fast, some slack on a busy machine. */
    private static final Duration SLACK = Duration.ofSeconds(6);

    @TempDir
    Path root;

    @TempDir
    Path outside;

    private MediaLibrary library;
    private final BlockingQueue<ChangeSet> heard = new LinkedBlockingQueue<>();

    @BeforeEach
    void open() throws IOException {
        TestMedia.jpeg(root.resolve("first.jpg"), 10, 10);
        Files.createDirectories(root.resolve("trip"));
        TestMedia.jpeg(root.resolve("trip/beach.jpg"), 12, 10);
        library = MediaLibrary.open(root);
        library.addListener(heard::add);
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void aFileCopiedInIsInsertedWithinTwoSeconds() throws Exception {
        Path source = TestMedia.jpeg(outside.resolve("new.jpg"), 20, 10);
        Files.copy(source, root.resolve("new.jpg"));
        long copied = System.nanoTime();

        Changes changes = awaitChanges(PROMISED, c -> !c.inserted.isEmpty());
        long took = System.nanoTime() - copied;
        assertThat(changes.inserted).containsExactly(idOf("new.jpg"));
        assertThat(Duration.ofNanos(took)).isLessThan(PROMISED);
    }

    @Test
    void aFileSeenWhileBeingWrittenIsReadAgainOnceComplete() throws Exception {
        byte[] whole = TestMedia.jpegBytes(40, 30);
        Path target = root.resolve("slow.jpg");
        try (var out = Files.newOutputStream(target)) {
            out.write(whole, 0, 20);
            out.flush();
            // Long enough for the watcher to scan the partial file.
            Thread.sleep(1_500);
            out.write(whole, 20, whole.length - 20);
        }
        long deadline = System.nanoTime() + SLACK.toNanos();
        while (System.nanoTime() < deadline && !hasAsset("slow.jpg", 40)) {
            Thread.sleep(50);
        }
        assertThat(assetNamed("slow.jpg").width()).isEqualTo(40);
    }

    @Test
    void aDeletedFileIsDeleted() throws Exception {
        String id = idOf("first.jpg");
        Files.delete(root.resolve("first.jpg"));

        Changes changes = awaitChanges(SLACK, c -> !c.deleted.isEmpty());
        assertThat(changes.deleted).containsExactly(id);
        assertThat(changes.inserted).isEmpty();
    }

    @Test
    void aFileEditedInPlaceIsUpdatedAndKeepsItsId() throws Exception {
        String id = idOf("first.jpg");
        TestMedia.jpeg(root.resolve("first.jpg"), 30, 20);
        Files.setLastModifiedTime(
                root.resolve("first.jpg"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        Changes changes = awaitChanges(SLACK, c -> !c.updated.isEmpty());
        assertThat(changes.updated).containsExactly(id);
        assertThat(changes.inserted).isEmpty();
        assertThat(changes.deleted).isEmpty();
        assertThat(assetNamed("first.jpg").width()).isEqualTo(30);
    }

    @Test
    void aRenameKeepsTheIdAndIsAnUpdate() throws Exception {
        String id = idOf("first.jpg");
        Files.move(root.resolve("first.jpg"), root.resolve("renamed.jpg"), StandardCopyOption.ATOMIC_MOVE);

        Changes changes = awaitChanges(SLACK, c -> !c.updated.isEmpty());
        assertThat(changes.updated).as(changes.toString()).containsExactly(id);
        assertThat(changes.inserted).isEmpty();
        assertThat(changes.deleted).isEmpty();
        assertThat(idOf("renamed.jpg")).isEqualTo(id);
    }

    @Test
    void aMoveToAnotherFolderKeepsTheIdAndIsAnUpdate() throws Exception {
        String id = idOf("first.jpg");
        Files.move(root.resolve("first.jpg"), root.resolve("trip/first.jpg"), StandardCopyOption.ATOMIC_MOVE);

        Changes changes = awaitChanges(SLACK, c -> !c.updated.isEmpty());
        assertThat(changes.updated).as(changes.toString()).containsExactly(id);
        assertThat(changes.inserted).isEmpty();
        assertThat(changes.deleted).isEmpty();
        assertThat(assetNamed("first.jpg").albumId())
                .isEqualTo(library.getAlbum("trip").id());
    }

    @Test
    void filesMovedOneByOneWhileScansRunKeepTheirIds() throws Exception {
        int folders = 20;
        int perFolder = 25;
        Map<String, String> idByName = new HashMap<>();
        for (int f = 0; f < folders; f++) {
            Files.createDirectories(root.resolve("f" + f));
            for (int i = 0; i < perFolder; i++) {
                TestMedia.jpeg(root.resolve("f" + f + "/p" + i + ".jpg"), 8 + f, 8 + i);
            }
        }
        library.scan(null);
        // The listener hears the 500 inserts first: heard after the moves began, they would be
        // delivered with them, as inserted since the listener's last token.
        settle();
        for (Asset asset : library.getAssets(TestQueries.EVERYTHING).assets()) {
            idByName.put(asset.filename() + "@" + asset.albumId(), asset.id());
        }
        Map<String, String> idOfFile = new HashMap<>();
        for (int f = 0; f < folders; f++) {
            String album = library.getAlbum("f" + f).id();
            for (int i = 0; i < perFolder; i++) {
                idOfFile.put("p" + i + "-" + f, idByName.get("p" + i + ".jpg@" + album));
            }
        }

        // Each file to the next folder, one at a time, for about 2.5 s: the watcher's scans run
        // meanwhile, and some walk a folder just before a file arrives and another just after it left.
        for (int i = 0; i < perFolder; i++) {
            for (int f = 0; f < folders; f++) {
                Files.move(
                        root.resolve("f" + f + "/p" + i + ".jpg"),
                        root.resolve("f" + (f + 1) % folders + "/p" + i + "-" + f + ".jpg"),
                        StandardCopyOption.ATOMIC_MOVE);
                Thread.sleep(5);
            }
        }
        Changes changes = awaitChanges(SLACK, c -> c.updated.size() >= folders * perFolder);

        assertThat(changes.inserted).as(changes.toString()).isEmpty();
        assertThat(changes.deleted).as(changes.toString()).isEmpty();
        for (Map.Entry<String, String> file : idOfFile.entrySet()) {
            assertThat(library.getAssetInfo(file.getValue()))
                    .as(file.getKey())
                    .isNotNull()
                    .extracting(info -> info.asset().filename())
                    .isEqualTo(file.getKey() + ".jpg");
        }
    }

    @Test
    void aNewFolderTreeWithFilesIsInserted() throws Exception {
        // Made outside and moved in whole, as a file manager does; then more files inside it.
        Path made = Files.createDirectories(outside.resolve("party/night"));
        TestMedia.jpeg(made.resolve("one.jpg"), 10, 10);
        TestMedia.jpeg(made.resolve("two.jpg"), 10, 10);
        Files.move(outside.resolve("party"), root.resolve("party"));
        Changes first = awaitChanges(SLACK, c -> c.inserted.size() >= 2);
        assertThat(first.inserted).hasSize(2);

        Files.createDirectories(root.resolve("party/night/late"));
        TestMedia.jpeg(root.resolve("party/night/late/three.jpg"), 10, 10);
        Changes second = awaitChanges(SLACK, c -> !c.inserted.isEmpty());
        assertThat(second.inserted).containsExactly(idOf("three.jpg"));
    }

    @Test
    void aRemovedFolderIsDeleted() throws Exception {
        String id = idOf("beach.jpg");
        deleteTree(root.resolve("trip"));

        Changes changes = awaitChanges(SLACK, c -> !c.deleted.isEmpty());
        assertThat(changes.deleted).containsExactly(id);
        assertThat(library.getAlbum("trip")).isNull();
    }

    @Test
    void anEventInOneFolderLeavesTheOthersUnlisted() throws Exception {
        String beach = idOf("beach.jpg");
        // Changed while no one watched: only a scan that lists "trip" can notice.
        library.close();
        TestMedia.jpeg(root.resolve("trip/beach.jpg"), 30, 20);
        library = MediaLibrary.open(root, LibraryOptions.defaults().withScanOnOpen(false));
        library.addListener(heard::add);

        Files.copy(TestMedia.jpeg(outside.resolve("new.jpg"), 20, 10), root.resolve("new.jpg"));
        Changes changes = awaitChanges(SLACK, c -> !c.inserted.isEmpty());
        assertThat(changes.inserted).containsExactly(idOf("new.jpg"));
        assertThat(changes.updated).isEmpty();
        assertThat(assetNamed("beach.jpg").width()).isEqualTo(12);

        // A scan called directly covers the whole tree.
        library.scan(null);
        assertThat(assetNamed("beach.jpg").width()).isEqualTo(30);
        assertThat(idOf("beach.jpg")).isEqualTo(beach);
    }

    @Test
    void aRenamedFolderWithNestedSubfoldersKeepsAllIds() throws Exception {
        TestMedia.jpeg(Files.createDirectories(root.resolve("trip/day1")).resolve("a.jpg"), 14, 10);
        TestMedia.jpeg(Files.createDirectories(root.resolve("trip/day1/night")).resolve("b.jpg"), 16, 10);
        TestMedia.jpeg(Files.createDirectories(root.resolve("trip/day2")).resolve("c.jpg"), 18, 10);
        library.scan(null);
        settle();
        Map<String, String> ids = idsByName("beach.jpg", "a.jpg", "b.jpg", "c.jpg");
        heard.clear();

        Files.move(root.resolve("trip"), root.resolve("journey"), StandardCopyOption.ATOMIC_MOVE);

        Changes changes = awaitChanges(SLACK, c -> c.updated.size() >= ids.size());
        assertThat(changes.updated).as(changes.toString()).containsExactlyInAnyOrderElementsOf(ids.values());
        assertThat(changes.inserted).isEmpty();
        assertThat(changes.deleted).isEmpty();
        assertThat(idsByName("beach.jpg", "a.jpg", "b.jpg", "c.jpg")).isEqualTo(ids);
        assertThat(library.getAlbum("trip")).isNull();
        assertThat(assetNamed("b.jpg").albumId())
                .isEqualTo(library.getAlbum("night").id());
    }

    @Test
    void aFolderMovedIntoAnotherFolderKeepsItsIds() throws Exception {
        TestMedia.jpeg(Files.createDirectories(root.resolve("trip/day1")).resolve("a.jpg"), 14, 10);
        TestMedia.jpeg(Files.createDirectories(root.resolve("years")).resolve("old.jpg"), 16, 10);
        library.scan(null);
        settle();
        Map<String, String> ids = idsByName("beach.jpg", "a.jpg");
        String old = idOf("old.jpg");
        heard.clear();

        Files.move(root.resolve("trip"), root.resolve("years/trip"), StandardCopyOption.ATOMIC_MOVE);

        Changes changes = awaitChanges(SLACK, c -> c.updated.size() >= ids.size());
        assertThat(changes.updated).as(changes.toString()).containsExactlyInAnyOrderElementsOf(ids.values());
        assertThat(changes.inserted).isEmpty();
        assertThat(changes.deleted).isEmpty();
        assertThat(idsByName("beach.jpg", "a.jpg")).isEqualTo(ids);
        assertThat(idOf("old.jpg")).isEqualTo(old);
        assertThat(library.getAlbum("day1")).isNotNull();

        // The moved folders are still watched, under their new paths.
        settle();
        TestMedia.jpeg(root.resolve("years/trip/day1/later.jpg"), 22, 10);
        Changes later = awaitChanges(SLACK, c -> !c.inserted.isEmpty());
        assertThat(later.inserted).containsExactly(idOf("later.jpg"));
        assertThat(assetNamed("later.jpg").albumId())
                .isEqualTo(library.getAlbum("day1").id());
    }

    @Test
    void writesInTheDataFolderAndHiddenFoldersCauseNoEvents() throws Exception {
        Path data = root.resolve(".camroll");
        Path hidden = Files.createDirectories(root.resolve(".thumbnails"));
        for (int i = 0; i < 5; i++) {
            Files.writeString(data.resolve("noise.txt"), "write " + i);
            TestMedia.jpeg(hidden.resolve("t" + i + ".jpg"), 10, 10);
            library.getAssets(AssetQuery.builder().build());
            Thread.sleep(100);
        }
        assertThat(heard.poll(2_500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void closingStopsTheWatcherThreads() throws Exception {
        assertThat(threadsNamed("camroll-watch")).isNotEmpty();
        library.close();
        assertThat(threadsNamed("camroll-watch")).isEmpty();

        // No watching after close: a library opened without watching has no watcher thread either.
        try (MediaLibrary quiet =
                MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false))) {
            assertThat(threadsNamed("camroll-watch")).isEmpty();
            assertThat(quiet.getAssets(AssetQuery.builder().build()).totalCount())
                    .isEqualTo(2);
        }
    }

    @Test
    void manyOpensAndClosesLeakNoThreads() throws Exception {
        library.close();
        int before = Thread.activeCount();
        for (int i = 0; i < 10; i++) {
            MediaLibrary.open(root).close();
        }
        assertThat(threadsNamed("camroll-watch")).isEmpty();
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(before);
    }

    /** What the events heard so far told, merged, once {@code done} holds (or the time is up). */
    private Changes awaitChanges(Duration within, java.util.function.Predicate<Changes> done)
            throws InterruptedException {
        Changes changes = new Changes();
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.test(changes)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            ChangeSet next = heard.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            assertThat(next.hasIncrementalChanges()).isTrue();
            changes.inserted.addAll(next.insertedAssets());
            changes.updated.addAll(next.updatedAssets());
            changes.deleted.addAll(next.deletedAssets());
        }
        // Whatever else comes soon after belongs to the same change.
        ChangeSet late;
        while ((late = heard.poll(400, TimeUnit.MILLISECONDS)) != null) {
            changes.inserted.addAll(late.insertedAssets());
            changes.updated.addAll(late.updatedAssets());
            changes.deleted.addAll(late.deletedAssets());
        }
        return changes;
    }

    private static final class Changes {
        final Set<String> inserted = new HashSet<>();
        final Set<String> updated = new HashSet<>();
        final Set<String> deleted = new HashSet<>();

        @Override
        public String toString() {
            return "inserted " + inserted + ", updated " + updated + ", deleted " + deleted;
        }
    }

    private Asset assetNamed(String filename) {
        List<Asset> found = library.getAssets(AssetQuery.builder().first(1000).build()).assets().stream()
                .filter(asset -> asset.filename().equals(filename))
                .toList();
        assertThat(found).as(filename).hasSize(1);
        return found.getFirst();
    }

    private boolean hasAsset(String filename, int width) {
        return library.getAssets(AssetQuery.builder().first(1000).build()).assets().stream()
                .anyMatch(asset -> asset.filename().equals(filename) && asset.width() == width);
    }

    /**
     * Waits until the watcher's scan of the files a test made has told its listeners (it may run
     * after the test's own scan, which then left it nothing to do, or before it), then forgets it.
     */
    private void settle() throws InterruptedException {
        while (heard.poll(1_500, TimeUnit.MILLISECONDS) != null) {}
        heard.clear();
    }

    private Map<String, String> idsByName(String... filenames) {
        Map<String, String> ids = new HashMap<>();
        for (String filename : filenames) {
            ids.put(filename, idOf(filename));
        }
        return ids;
    }

    private String idOf(String filename) {
        return assetNamed(filename).id();
    }

    private static List<Thread> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(prefix) && thread.isAlive())
                .toList();
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
