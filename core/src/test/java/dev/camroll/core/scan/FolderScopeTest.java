package dev.camroll.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.ScanProgress;
import dev.camroll.api.ScanReport;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.Database;
import dev.camroll.core.store.KnownFile;
import dev.camroll.core.store.ScanStore;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan of given folders (what the watcher runs) lists each of them without the subfolders the
 * index knows, walks new subfolders whole and treats the index's folders gone from under them as
 * a walk of the whole tree would.
 */
class FolderScopeTest {
    @TempDir
    Path root;

    private Database database;
    private ScanStore store;
    private LibraryScanner scanner;

    @BeforeEach
    void indexATree() throws IOException {
        TestMedia.jpeg(Files.createDirectories(root.resolve("trip")).resolve("beach.jpg"), 10, 10);
        TestMedia.jpeg(Files.createDirectories(root.resolve("trip/day1")).resolve("a.jpg"), 12, 10);
        TestMedia.jpeg(Files.createDirectories(root.resolve("trip/day1/night")).resolve("b.jpg"), 14, 10);
        TestMedia.jpeg(Files.createDirectories(root.resolve("home")).resolve("cat.jpg"), 16, 10);
        MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false)).close();
        database = Database.open(root.resolve(".camroll/index.db"));
        store = new ScanStore(database);
        scanner = new LibraryScanner(root, root.resolve(".camroll"), store, new MediaProbe(ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aGivenFolderIsListedWithoutItsKnownSubfolders() throws IOException {
        Files.delete(root.resolve("trip/day1/a.jpg"));
        Files.delete(root.resolve("home/cat.jpg"));

        ScanReport report = scan("trip");

        assertThat(report.removed()).isZero();
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(known("trip/day1", "a.jpg")).isNotNull();
        assertThat(known("home", "cat.jpg")).isNotNull();
    }

    @Test
    void aRemovedSubfolderAndItsSubfoldersAreGone() throws IOException {
        String cat = known("home", "cat.jpg").publicId();
        deleteTree(root.resolve("trip/day1"));

        ScanReport report = scan("trip");

        assertThat(report.removed()).isEqualTo(2);
        assertThat(store.albumsByPath()).doesNotContainKeys("trip/day1", "trip/day1/night");
        assertThat(store.albumsByPath()).containsKey("trip");
        assertThat(known("home", "cat.jpg").publicId()).isEqualTo(cat);
    }

    @Test
    void aSubfolderRenamedUnderAGivenFolderKeepsItsIds() throws IOException {
        String a = known("trip/day1", "a.jpg").publicId();
        String b = known("trip/day1/night", "b.jpg").publicId();
        Files.move(root.resolve("trip/day1"), root.resolve("trip/first day"));

        ScanReport report = scan("trip");

        assertThat(report.added()).isZero();
        assertThat(report.removed()).isZero();
        assertThat(report.changed()).isEqualTo(2);
        assertThat(known("trip/first day", "a.jpg").publicId()).isEqualTo(a);
        assertThat(known("trip/first day/night", "b.jpg").publicId()).isEqualTo(b);
        assertThat(store.albumsByPath()).doesNotContainKeys("trip/day1", "trip/day1/night");
    }

    @Test
    void aGivenFolderThatIsGoneTakesItsSubfoldersAlong() throws IOException {
        deleteTree(root.resolve("trip"));

        ScanReport report = scan("trip", "trip/day1");

        assertThat(report.removed()).isEqualTo(3);
        assertThat(store.albumsByPath()).containsOnlyKeys("home");
    }

    @Test
    void aNewFolderIsWalkedWholeOnce() throws IOException {
        TestMedia.jpeg(Files.createDirectories(root.resolve("home/new/deep")).resolve("c.jpg"), 18, 10);
        TestMedia.jpeg(root.resolve("home/new/d.jpg"), 20, 10);

        // Given twice over: as a subfolder of "home", and by its own event.
        ScanReport report = scan("home", "home/new", "home/new/deep");

        assertThat(report.added()).isEqualTo(2);
        assertThat(known("home/new/deep", "c.jpg")).isNotNull();
        assertThat(known("home/new", "d.jpg")).isNotNull();
    }

    @Test
    void aRowLeftToTheNextScanIsDecidedThoughItsFolderHadNoEventSince() throws IOException {
        Files.delete(root.resolve("trip/beach.jpg"));
        assertThat(scanner.scan(ScanProgress.NONE, new ScanScope.Folders(Set.of("trip")), () -> true)
                        .removed())
                .isZero();

        ScanReport next = scan("home");

        assertThat(next.removed()).isEqualTo(1);
        assertThat(known("trip", "beach.jpg")).isNull();
    }

    private ScanReport scan(String... folders) {
        return scanner.scan(ScanProgress.NONE, new ScanScope.Folders(Set.of(folders)), () -> false);
    }

    private KnownFile known(String folder, String name) {
        AlbumRow album = store.albumsByPath().get(folder);
        return album == null ? null : store.knownFiles(album.rowId()).get(name);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
