package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.ScanReport;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files renamed or moved on disk by other programs keep their ids, recognised by content. */
class MoveOnDiskTest {

    private static final LibraryOptions NOT_WATCHING = LibraryOptions.defaults().withWatch(false);

    @TempDir
    Path root;

    @TempDir
    Path outside;

    @Test
    void aRenameKeepsTheIdAndTheFavoriteAndIsAnUpdate() throws IOException {
        TestMedia.jpeg(root.resolve("a.jpg"), 10, 10);
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING)) {
            String id = idOf(library, "a.jpg");
            library.setFavorite(id, true);
            String before = library.changeToken();

            Files.move(root.resolve("a.jpg"), root.resolve("b.jpg"));
            assertThat(library.scan(null))
                    .extracting(ScanReport::added, ScanReport::changed, ScanReport::removed)
                    .containsExactly(0, 1, 0);

            assertThat(idOf(library, "b.jpg")).isEqualTo(id);
            assertThat(library.getAssetInfo(id).isFavorite()).isTrue();
            ChangeSet changes = library.changesSince(before);
            assertThat(changes.updatedAssets()).containsExactly(id);
            assertThat(changes.insertedAssets()).isEmpty();
            assertThat(changes.deletedAssets()).isEmpty();
            assertQuiet(library);
        }
    }

    @Test
    void aMoveToAnotherFolderKeepsTheId() throws IOException {
        TestMedia.jpeg(root.resolve("a.jpg"), 10, 10);
        TestMedia.jpeg(root.resolve("Other/o.jpg"), 11, 10);
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING)) {
            String id = idOf(library, "a.jpg");
            Files.move(root.resolve("a.jpg"), root.resolve("Other/a.jpg"));
            library.scan(null);

            Asset moved = library.getAssetInfo(id).asset();
            assertThat(moved.filename()).isEqualTo("a.jpg");
            assertThat(moved.albumId()).isEqualTo(library.getAlbum("Other").id());
            assertThat(library.getAlbum("Other").assetCount()).isEqualTo(2);
            assertQuiet(library);
        }
    }

    @Test
    void aRenamedFolderKeepsEveryIdAndIsANewAlbum() throws IOException {
        TestMedia.jpeg(root.resolve("Trip/one.jpg"), 10, 10);
        TestMedia.jpeg(root.resolve("Trip/two.jpg"), 12, 10);
        // Two identical files: each keeps its own id (and favorite) by name.
        TestMedia.jpeg(root.resolve("Trip/same-1.jpg"), 14, 10);
        TestMedia.jpeg(root.resolve("Trip/same-2.jpg"), 14, 10);
        TestMedia.jpeg(root.resolve("Home/h.jpg"), 16, 10);
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING)) {
            Map<String, String> before = idsByName(library);
            library.setFavorite(before.get("same-2.jpg"), true);
            String token = library.changeToken();

            Files.move(root.resolve("Trip"), root.resolve("Trip 2024"));
            assertThat(library.scan(null))
                    .extracting(ScanReport::added, ScanReport::changed, ScanReport::removed)
                    .containsExactly(0, 4, 0);

            assertThat(idsByName(library)).isEqualTo(before);
            assertThat(library.getAssetInfo(before.get("same-2.jpg")).isFavorite())
                    .isTrue();
            assertThat(library.getAssetInfo(before.get("same-1.jpg")).isFavorite())
                    .isFalse();
            assertThat(library.getAlbums(false))
                    .extracting(Album::title)
                    .containsExactlyInAnyOrder("Trip 2024", "Home");
            assertThat(library.getAlbum("Trip 2024").assetCount()).isEqualTo(4);
            ChangeSet changes = library.changesSince(token);
            assertThat(changes.updatedAssets())
                    .containsExactlyInAnyOrder(
                            before.get("one.jpg"),
                            before.get("two.jpg"),
                            before.get("same-1.jpg"),
                            before.get("same-2.jpg"));
            assertThat(changes.insertedAssets()).isEmpty();
            assertThat(changes.deletedAssets()).isEmpty();
            assertQuiet(library);
        }
    }

    @Test
    void aCopyOnDiskIsANewAssetAndTheOriginalKeepsItsId() throws IOException {
        TestMedia.jpeg(root.resolve("a.jpg"), 10, 10);
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING)) {
            String id = idOf(library, "a.jpg");
            Files.copy(root.resolve("a.jpg"), root.resolve("copy.jpg"));
            Files.createDirectories(root.resolve("Elsewhere"));
            Files.copy(root.resolve("a.jpg"), root.resolve("Elsewhere/a.jpg"));
            assertThat(library.scan(null))
                    .extracting(ScanReport::added, ScanReport::changed, ScanReport::removed)
                    .containsExactly(2, 0, 0);

            Map<String, String> ids = idsByPath(library);
            assertThat(ids.get("a.jpg")).isEqualTo(id);
            assertThat(Set.copyOf(ids.values())).hasSize(3);
            assertQuiet(library);
        }
    }

    @Test
    void ofTwoIdenticalFilesTheMovedOneKeepsItsId() throws IOException {
        TestMedia.jpeg(root.resolve("a.jpg"), 10, 10);
        TestMedia.jpeg(root.resolve("b.jpg"), 10, 10);
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING)) {
            Map<String, String> before = idsByPath(library);
            library.setFavorite(before.get("b.jpg"), true);

            Files.createDirectories(root.resolve("Moved"));
            Files.move(root.resolve("b.jpg"), root.resolve("Moved/b2.jpg"));
            assertThat(library.scan(null))
                    .extracting(ScanReport::added, ScanReport::changed, ScanReport::removed)
                    .containsExactly(0, 1, 0);

            Map<String, String> after = idsByPath(library);
            assertThat(after.get("a.jpg")).isEqualTo(before.get("a.jpg"));
            assertThat(after.get("Moved/b2.jpg")).isEqualTo(before.get("b.jpg"));
            assertThat(library.getAssetInfo(before.get("b.jpg")).isFavorite()).isTrue();
            assertQuiet(library);
        }
    }

    @Test
    void aMoveWithAnEditIsADeleteAndAnInsert() throws IOException {
        TestMedia.jpeg(root.resolve("a.jpg"), 10, 10);
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING)) {
            String id = idOf(library, "a.jpg");
            String token = library.changeToken();
            Files.delete(root.resolve("a.jpg"));
            TestMedia.jpeg(root.resolve("b.jpg"), 20, 10);
            assertThat(library.scan(null))
                    .extracting(ScanReport::added, ScanReport::changed, ScanReport::removed)
                    .containsExactly(1, 0, 1);

            String newId = idOf(library, "b.jpg");
            assertThat(newId).isNotEqualTo(id);
            ChangeSet changes = library.changesSince(token);
            assertThat(changes.deletedAssets()).containsExactly(id);
            assertThat(changes.insertedAssets()).containsExactly(newId);
            assertThat(changes.updatedAssets()).isEmpty();
        }
    }

    @Test
    void aFileReplacedUnderTheSameNameKeepsItsId() throws IOException {
        TestMedia.jpeg(root.resolve("a.jpg"), 10, 10);
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING)) {
            String id = idOf(library, "a.jpg");
            String token = library.changeToken();
            TestMedia.jpeg(root.resolve("other.jpg"), 30, 20);
            Files.move(root.resolve("other.jpg"), root.resolve("a.jpg"), StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(root.resolve("a.jpg"), FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            assertThat(library.scan(null))
                    .extracting(ScanReport::added, ScanReport::changed, ScanReport::removed)
                    .containsExactly(0, 1, 0);

            assertThat(idOf(library, "a.jpg")).isEqualTo(id);
            assertThat(library.getAssetInfo(id).asset().width()).isEqualTo(30);
            assertThat(library.changesSince(token).updatedAssets()).containsExactly(id);
            assertQuiet(library);
        }
    }

    @Test
    void aFileMovedOutOfTheLibraryIsDeleted() throws IOException {
        TestMedia.jpeg(root.resolve("a.jpg"), 10, 10);
        TestMedia.jpeg(root.resolve("Trip/t.jpg"), 12, 10);
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING)) {
            String a = idOf(library, "a.jpg");
            String t = idOf(library, "t.jpg");
            String token = library.changeToken();
            Files.move(root.resolve("a.jpg"), outside.resolve("a.jpg"));
            Files.move(root.resolve("Trip"), outside.resolve("Trip"));
            assertThat(library.scan(null))
                    .extracting(ScanReport::added, ScanReport::changed, ScanReport::removed)
                    .containsExactly(0, 0, 2);

            assertThat(library.getAssets(EVERYTHING).assets()).isEmpty();
            assertThat(library.getAlbums(false)).isEmpty();
            assertThat(library.changesSince(token).deletedAssets()).containsExactlyInAnyOrder(a, t);
        }
    }

    @Test
    void aRestoredAssetIsStillRecognisedWhenMoved() throws IOException {
        TestMedia.jpeg(root.resolve("a.jpg"), 10, 10);
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING)) {
            String id = idOf(library, "a.jpg");
            library.deleteAssets(List.of(id));
            assertThat(root.resolve("a.jpg")).doesNotExist();
            library.restoreAssets(List.of(id));
            assertThat(idOf(library, "a.jpg")).isEqualTo(id);

            Files.move(root.resolve("a.jpg"), root.resolve("b.jpg"));
            library.scan(null);
            assertThat(idOf(library, "b.jpg")).isEqualTo(id);
        }
    }

    @Test
    void rowsWithoutAKeyAreKeyedByTheNextScanWithoutAnyoneBeingTold() throws IOException, SQLException {
        TestMedia.jpeg(root.resolve("a.jpg"), 10, 10);
        String id;
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING)) {
            id = idOf(library, "a.jpg");
        }
        // As an index written before keys were kept leaves it.
        try (Connection index = DriverManager.getConnection("jdbc:sqlite:" + root.resolve(".camroll/index.db"));
                Statement statement = index.createStatement()) {
            statement.executeUpdate("UPDATE assets SET content_key = NULL");
        }
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING.withScanOnOpen(false))) {
            String token = library.changeToken();
            assertThat(library.scan(null))
                    .extracting(ScanReport::added, ScanReport::changed, ScanReport::removed, ScanReport::unchanged)
                    .containsExactly(0, 0, 0, 1);
            ChangeSet quiet = library.changesSince(token);
            assertThat(quiet.insertedAssets()).isEmpty();
            assertThat(quiet.updatedAssets()).isEmpty();
            assertThat(quiet.deletedAssets()).isEmpty();
            assertThat(keylessRows()).isZero();

            Files.move(root.resolve("a.jpg"), root.resolve("b.jpg"));
            library.scan(null);
            assertThat(idOf(library, "b.jpg")).isEqualTo(id);
        }
    }

    @Test
    void aRenameWhileWatchingIsToldAsAnUpdateWithinTwoSeconds() throws Exception {
        TestMedia.jpeg(root.resolve("a.jpg"), 10, 10);
        try (MediaLibrary library = MediaLibrary.open(root)) {
            String id = idOf(library, "a.jpg");
            BlockingQueue<ChangeSet> heard = new LinkedBlockingQueue<>();
            library.addListener(heard::add);

            Files.move(root.resolve("a.jpg"), root.resolve("renamed.jpg"), StandardCopyOption.ATOMIC_MOVE);
            long moved = System.nanoTime();
            Set<String> updated = new HashSet<>();
            Set<String> others = new HashSet<>();
            long deadline = moved + Duration.ofSeconds(2).toNanos();
            while (!updated.contains(id) && System.nanoTime() < deadline) {
                ChangeSet next = heard.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next != null) {
                    updated.addAll(next.updatedAssets());
                    others.addAll(next.insertedAssets());
                    others.addAll(next.deletedAssets());
                }
            }
            assertThat(updated).containsExactly(id);
            assertThat(others).isEmpty();
            assertThat(idOf(library, "renamed.jpg")).isEqualTo(id);
        }
    }

    private long keylessRows() throws SQLException {
        try (Connection index = DriverManager.getConnection("jdbc:sqlite:" + root.resolve(".camroll/index.db"));
                Statement statement = index.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM assets WHERE content_key IS NULL")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** A second scan finds nothing to do: the index agrees with the disk. */
    private static void assertQuiet(MediaLibrary library) {
        assertThat(library.scan(null))
                .extracting(ScanReport::added, ScanReport::changed, ScanReport::removed)
                .containsExactly(0, 0, 0);
    }

    private static String idOf(MediaLibrary library, String filename) {
        List<Asset> found = library.getAssets(EVERYTHING).assets().stream()
                .filter(asset -> asset.filename().equals(filename))
                .toList();
        assertThat(found).as(filename).hasSize(1);
        return found.getFirst().id();
    }

    private static Map<String, String> idsByName(MediaLibrary library) {
        return library.getAssets(EVERYTHING).assets().stream().collect(Collectors.toMap(Asset::filename, Asset::id));
    }

    /** Ids by path relative to the root ("Folder/name.jpg"). */
    private Map<String, String> idsByPath(MediaLibrary library) {
        return library.getAssets(EVERYTHING).assets().stream()
                .collect(Collectors.toMap(
                        asset -> root.relativize(Path.of(java.net.URI.create(asset.uri())))
                                .toString(),
                        Asset::id));
    }
}
