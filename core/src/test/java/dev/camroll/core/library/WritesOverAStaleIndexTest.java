package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetSource;
import dev.camroll.api.CamrollException;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes while the index does not know what happened on disk: files removed behind its back, and
 * a scan running in another process (here a second library object of the same folder, with its
 * own locks) while files are being written.
 */
class WritesOverAStaleIndexTest {

    @TempDir
    Path root;

    @TempDir
    Path outside;

    @Test
    void aNameHeldByARowWhoseFileVanishedGetsANumber() throws IOException {
        try (MediaLibrary library =
                MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false))) {
            Asset first = library.createAsset(AssetSource.bytes("a.jpg", TestMedia.jpegBytes(10, 10)), null);
            Files.delete(root.resolve("Pictures/a.jpg"));

            Asset second = library.createAsset(AssetSource.bytes("a.jpg", TestMedia.jpegBytes(12, 12)), null);

            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(second.filename()).isEqualTo("a (1).jpg");
            assertThat(root.resolve("Pictures/a (1).jpg")).exists();
            // The stale row is the scan's to drop, and it is dropped.
            assertThat(library.getAssetInfo(first.id())).isNotNull();
            assertThat(library.scan(null).removed()).isEqualTo(1);
            assertThat(library.getAssetInfo(first.id())).isNull();
            assertThat(library.getAssetInfo(second.id())).isNotNull();
        }
    }

    @Test
    void aCopyIntoAnAlbumIsAllOrNothing() throws IOException {
        try (MediaLibrary library =
                MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false))) {
            Asset kept = library.createAsset(AssetSource.bytes("kept.jpg", TestMedia.jpegBytes(10, 10)), null);
            Asset vanished = library.createAsset(AssetSource.bytes("vanished.jpg", TestMedia.jpegBytes(11, 11)), null);
            Album trips = library.createAlbum(
                    "Trips",
                    null,
                    true,
                    TestMedia.jpeg(outside.resolve("t.jpg"), 9, 9).toUri().toString());
            Files.delete(root.resolve("Pictures/vanished.jpg"));
            String token = library.changeToken();

            assertThatThrownBy(() -> library.addAssetsToAlbum(List.of(kept.id(), vanished.id()), trips.id(), true))
                    .isInstanceOf(CamrollException.class)
                    .hasMessageContaining("vanished.jpg");

            try (Stream<Path> files = Files.list(root.resolve("Trips"))) {
                assertThat(files.map(file -> file.getFileName().toString())).containsExactly("t.jpg");
            }
            assertThat(library.getAssets(EVERYTHING).totalCount()).isEqualTo(3);
            var change = library.changesSince(token);
            assertThat(change.insertedAssets()).isEmpty();
            assertThat(change.updatedAssets()).isEmpty();
        }
    }

    @Test
    void writesAndAScanOfAnotherProcessAgree() throws Exception {
        LibraryOptions quiet = LibraryOptions.defaults().withWatch(false);
        try (MediaLibrary writer = MediaLibrary.open(root, quiet);
                MediaLibrary scanner = MediaLibrary.open(root, quiet.withScanOnOpen(false))) {
            Set<String> created = ConcurrentHashMap.newKeySet();
            Set<String> trashed = ConcurrentHashMap.newKeySet();
            AtomicBoolean writing = new AtomicBoolean(true);
            try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
                Future<Integer> scans = pool.submit(() -> {
                    int n = 0;
                    while (writing.get()) {
                        scanner.scan(null);
                        n++;
                    }
                    return n;
                });
                List<Future<?>> writers = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    int thread = t;
                    writers.add(pool.submit(() -> {
                        // Each thread deletes and restores only its own assets: no NotFound races.
                        List<String> mine = new ArrayList<>();
                        List<String> myTrash = new ArrayList<>();
                        for (int i = 0; i < 90; i++) {
                            if (i % 3 == 1 && !mine.isEmpty()) {
                                String id = mine.remove(mine.size() / 2);
                                writer.deleteAssets(List.of(id));
                                created.remove(id);
                                trashed.add(id);
                                myTrash.add(id);
                            } else if (i % 6 == 2 && !myTrash.isEmpty()) {
                                String id = myTrash.removeFirst();
                                writer.restoreAssets(List.of(id));
                                trashed.remove(id);
                                created.add(id);
                                mine.add(id);
                            } else {
                                byte[] photo = TestMedia.jpegBytes(8 + i % 30, 8 + thread);
                                String id = writer.createAsset(AssetSource.bytes("p" + i % 5 + ".jpg", photo), null)
                                        .id();
                                created.add(id);
                                mine.add(id);
                            }
                        }
                        return null;
                    }));
                }
                try {
                    for (Future<?> done : writers) {
                        done.get();
                    }
                } finally {
                    writing.set(false);
                }
                assertThat(scans.get()).isPositive();
            }
            scanner.scan(null);

            Set<String> indexed = new HashSet<>();
            Set<Path> files = new HashSet<>();
            for (Asset asset : writer.getAssets(EVERYTHING).assets()) {
                indexed.add(asset.id());
                assertThat(files.add(Path.of(URI.create(asset.uri())))).isTrue();
            }
            Set<String> unknown = new HashSet<>(indexed);
            unknown.removeAll(created);
            Set<String> lost = new HashSet<>(created);
            lost.removeAll(indexed);
            assertThat(unknown).as("indexed but never created").isEmpty();
            assertThat(lost).as("created but not indexed").isEmpty();
            assertThat(new HashSet<>(writer.trashedAssets())).isEqualTo(trashed);
            try (Stream<Path> onDisk = Files.walk(root)) {
                assertThat(onDisk.filter(Files::isRegularFile)
                                .filter(file -> !root.relativize(file).startsWith(".camroll")))
                        .containsExactlyInAnyOrderElementsOf(files);
            }
        }
    }
}
