package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lost, emptied or replaced index never deletes anything: each trash file's sidecar lets a new
 * index take it back as a trashed asset with its id, and the trash is purged only when a file's
 * own deletion time is past the retention.
 */
class TrashSidecarTest {
    private static final LibraryOptions OPTIONS = LibraryOptions.defaults().withWatch(false);

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    private String keptId;
    private String favoriteId;
    private String plainId;
    private byte[] favoriteBytes;

    @BeforeEach
    void libraryWithTwoTrashedPhotos() {
        TestMedia.jpeg(root.resolve("Trip/beach.jpg"), 60, 40);
        TestMedia.jpeg(root.resolve("Trip/sea.jpg"), 50, 40);
        TestMedia.jpeg(root.resolve("kept.jpg"), 30, 20);
        try (MediaLibrary library = MediaLibrary.open(root, OPTIONS)) {
            Map<String, String> ids = library.getAssets(EVERYTHING).assets().stream()
                    .collect(Collectors.toMap(Asset::filename, Asset::id));
            favoriteId = ids.get("beach.jpg");
            plainId = ids.get("sea.jpg");
            keptId = ids.get("kept.jpg");
            favoriteBytes = readAll(root.resolve("Trip/beach.jpg"));
            library.setFavorite(favoriteId, true);
            library.deleteAssets(List.of(favoriteId, plainId));
        }
    }

    @Test
    void aDeletedIndexTakesTheTrashBackWithItsIds() throws IOException {
        deleteIndex();

        try (MediaLibrary library = MediaLibrary.open(root, OPTIONS)) {
            assertThat(library.trashedAssets()).containsExactlyInAnyOrder(favoriteId, plainId);
            assertThat(library.getAssets(EVERYTHING).assets())
                    .extracting(Asset::filename)
                    .containsExactly("kept.jpg");
            library.restoreAssets(List.of(favoriteId, plainId));

            Asset beach = library.getAssetInfo(favoriteId).asset();
            assertThat(beach.filename()).isEqualTo("beach.jpg");
            assertThat(library.getAssetInfo(favoriteId).isFavorite())
                    .as("the favorite flag comes back from the sidecar")
                    .isTrue();
            assertThat(beach.width()).isEqualTo(60);
            assertThat(readAll(Path.of(URI.create(beach.uri())))).isEqualTo(favoriteBytes);
            assertThat(Path.of(URI.create(beach.uri())))
                    .isEqualTo(root.toRealPath().resolve("Trip/beach.jpg"));
            assertThat(library.getAssetInfo(plainId).isFavorite()).isFalse();
            assertThat(library.trashedAssets()).isEmpty();
            assertThat(library.scan(null).added()).as("nothing indexed twice").isZero();
        }
    }

    @Test
    void anEmptiedIndexTakesTheTrashBack() throws IOException {
        Files.write(indexFile(), new byte[0]);
        Files.deleteIfExists(Path.of(indexFile() + "-wal"));

        try (MediaLibrary library = MediaLibrary.open(root, OPTIONS)) {
            assertThat(library.trashedAssets()).containsExactlyInAnyOrder(favoriteId, plainId);
            library.restoreAssets(List.of(plainId));
            assertThat(root.resolve("Trip/sea.jpg")).exists();
        }
    }

    @Test
    void theIndexOfAnotherLibraryPutInPlaceTakesTheTrashBack() throws IOException {
        TestMedia.jpeg(elsewhere.resolve("other.jpg"), 20, 20);
        MediaLibrary.open(elsewhere, OPTIONS).close();
        deleteIndex();
        Files.copy(elsewhere.resolve(".camroll/index.db"), indexFile());

        try (MediaLibrary library = MediaLibrary.open(root, OPTIONS)) {
            assertThat(library.trashedAssets()).containsExactlyInAnyOrder(favoriteId, plainId);
            library.restoreAssets(List.of(favoriteId));
            assertThat(library.getAssetInfo(favoriteId).isFavorite()).isTrue();
        }
    }

    @Test
    void theTrashIsPurgedByEachFilesOwnDeletionTimeNotByAMissingRow() throws IOException {
        deleteIndex();
        Path trash = root.resolve(".camroll/trash");

        // Within the retention: a new index takes both back and purges neither.
        MediaLibrary.open(root, OPTIONS.withTrashRetention(Duration.ofDays(30))).close();
        assertThat(trashFiles(trash)).hasSize(2);

        deleteIndex();
        // Past it (a retention of nothing): the files go, and with them their sidecars.
        try (MediaLibrary library = MediaLibrary.open(root, OPTIONS.withTrashRetention(Duration.ZERO))) {
            assertThat(library.trashedAssets()).isEmpty();
        }
        assertThat(trashFiles(trash)).isEmpty();
        assertThat(trashFiles(root.resolve(".camroll/trash-info"))).isEmpty();
        assertThat(root.resolve("kept.jpg")).exists();
    }

    @Test
    void aTrashFileWithoutItsSidecarIsNeverDeleted() throws IOException {
        Path stray = root.resolve(".camroll/trash/0123456789abc.jpg");
        Files.write(stray, favoriteBytes);
        deleteIndex();

        try (MediaLibrary library = MediaLibrary.open(root, OPTIONS.withTrashRetention(Duration.ZERO))) {
            library.purgeTrash();
        }
        assertThat(stray).exists();
    }

    @Test
    void aPurgeKilledAfterItsFirstFileIsFinishedByTheNextOpen() throws IOException {
        // What a purge of both trashed photos leaves when killed after its first file and
        // sidecar: the journal, one trash file with its sidecar, both trash rows.
        Path info = root.resolve(".camroll/trash-info");
        PurgeJournal.write(info, List.of(favoriteId, plainId));
        try (var files = Files.list(root.resolve(".camroll/trash"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(favoriteId))
                    .toList()) {
                Files.delete(file);
            }
        }
        Files.delete(info.resolve(TrashSidecar.fileName(favoriteId)));

        try (MediaLibrary library = MediaLibrary.open(root, OPTIONS)) {
            assertThat(library.trashedAssets())
                    .as("the purge is finished, not half undone")
                    .isEmpty();
            assertThat(library.getAssets(EVERYTHING).assets())
                    .extracting(Asset::filename)
                    .containsExactly("kept.jpg");
        }
        assertThat(trashFiles(root.resolve(".camroll/trash"))).isEmpty();
        assertThat(trashFiles(info)).isEmpty();
    }

    private Path indexFile() {
        return root.resolve(".camroll/index.db");
    }

    private void deleteIndex() throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(indexFile() + suffix));
        }
    }

    private static List<Path> trashFiles(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.toList();
        }
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
