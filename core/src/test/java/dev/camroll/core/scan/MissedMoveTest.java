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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file moved while the walk runs can be missed at both places. When another scan follows (the
 * watcher saw changes meanwhile), its row is left to that scan once, which finds the file by its
 * content key and keeps the id. Here the file is taken out of the library between two scans, which
 * is what the first scan sees of such a move.
 */
class MissedMoveTest {
    @TempDir
    Path root;

    @TempDir
    Path outside;

    private Database database;
    private ScanStore store;
    private LibraryScanner scanner;
    private String idOfX;

    @BeforeEach
    void indexTwoFolders() throws IOException {
        Files.createDirectories(root.resolve("A"));
        Files.createDirectories(root.resolve("B"));
        TestMedia.jpeg(root.resolve("A/x.jpg"), 31, 17);
        TestMedia.jpeg(root.resolve("B/keep.jpg"), 12, 12);
        MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false)).close();
        database = Database.open(root.resolve(".camroll/index.db"));
        store = new ScanStore(database);
        scanner = new LibraryScanner(root, root.resolve(".camroll"), store, new MediaProbe(ZoneOffset.UTC));
        idOfX = known("A", "x.jpg").publicId();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aFileMissedAtBothPlacesKeepsItsIdWhenAnotherScanFollows() throws IOException {
        Files.move(root.resolve("A/x.jpg"), outside.resolve("x.jpg"));
        ScanReport missed = scanner.scan(ScanProgress.NONE, ScanScope.WHOLE_TREE, () -> true);
        assertThat(missed.removed()).isZero();
        assertThat(known("A", "x.jpg")).isNotNull();

        Files.move(outside.resolve("x.jpg"), root.resolve("B/x.jpg"));
        ScanReport found = scanner.scan(ScanProgress.NONE, ScanScope.WHOLE_TREE, () -> true);

        assertThat(found.changed()).isEqualTo(1);
        assertThat(found.added()).isZero();
        assertThat(known("B", "x.jpg").publicId()).isEqualTo(idOfX);
        assertThat(known("A", "x.jpg")).isNull();
    }

    @Test
    void aRowIsLeftOnlyOnceThenDeleted() throws IOException {
        Files.move(root.resolve("A/x.jpg"), outside.resolve("x.jpg"));
        assertThat(scanner.scan(ScanProgress.NONE, ScanScope.WHOLE_TREE, () -> true)
                        .removed())
                .isZero();

        ScanReport second = scanner.scan(ScanProgress.NONE, ScanScope.WHOLE_TREE, () -> true);

        assertThat(second.removed()).isEqualTo(1);
        assertThat(known("A", "x.jpg")).isNull();
    }

    @Test
    void withoutAFollowingScanTheRowGoesAtOnce() throws IOException {
        Files.move(root.resolve("A/x.jpg"), outside.resolve("x.jpg"));

        assertThat(scanner.scan(ScanProgress.NONE).removed()).isEqualTo(1);
        assertThat(known("A", "x.jpg")).isNull();
    }

    @Test
    void aFolderMovedOutAndBackUnderAnotherNameKeepsItsAssets() throws IOException {
        Files.move(root.resolve("A"), outside.resolve("A"));
        assertThat(scanner.scan(ScanProgress.NONE, ScanScope.WHOLE_TREE, () -> true)
                        .removed())
                .isZero();
        assertThat(store.albumsByPath()).containsKey("A");

        Files.move(outside.resolve("A"), root.resolve("A2"));
        scanner.scan(ScanProgress.NONE);

        assertThat(known("A2", "x.jpg").publicId()).isEqualTo(idOfX);
        assertThat(store.albumsByPath()).doesNotContainKey("A");
    }

    private KnownFile known(String folder, String name) {
        AlbumRow album = store.albumsByPath().get(folder);
        return album == null ? null : store.knownFiles(album.rowId()).get(name);
    }
}
