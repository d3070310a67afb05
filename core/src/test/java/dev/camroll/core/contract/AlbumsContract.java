package dev.camroll.core.contract;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetSource;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.NotFoundException;
import dev.camroll.api.ScanReport;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Albums: create by moving, copying or importing, add, remove, delete, migrate, and what is refused. */
abstract class AlbumsContract extends ContractGroup {
    AlbumsContract(LibraryUnderTest under) {
        super(under);
    }

    @Test
    void createsAnAlbumByMovingOrCopyingAnAsset() throws IOException {
        try (MediaLibrary library = open()) {
            Asset first = create(library, "a.jpg", 10);
            Album moved = library.createAlbum("Trips", first.id(), false, null);
            assertThat(moved.title()).isEqualTo("Trips");
            assertThat(moved.assetCount()).isEqualTo(1);
            assertThat(root.resolve("Trips/a.jpg")).exists();
            assertThat(root.resolve("Pictures/a.jpg")).doesNotExist();
            Asset after = asset(library, first.id());
            assertThat(after.albumId()).isEqualTo(moved.id());
            assertThat(after.filename()).isEqualTo("a.jpg");
            assertAgrees(library);

            Album copied = library.createAlbum("Copies", first.id(), true, null);
            assertThat(copied.assetCount()).isEqualTo(1);
            assertThat(root.resolve("Trips/a.jpg")).exists();
            assertThat(root.resolve("Copies/a.jpg")).exists();
            List<Asset> all = library.getAssets(EVERYTHING).assets();
            assertThat(all).hasSize(2);
            assertThat(all)
                    .filteredOn(a -> a.albumId().equals(copied.id()))
                    .singleElement()
                    .satisfies(copy -> assertThat(copy.id()).isNotEqualTo(first.id()));
            assertAgrees(library);
        }
    }

    @Test
    void createsAnAlbumFromAFileUri() throws IOException {
        Path source = TestMedia.jpeg(outside.resolve("outside.jpg"), 20, 12);
        try (MediaLibrary library = open()) {
            Album album =
                    library.createAlbum("Imported", null, true, source.toUri().toString());
            assertThat(album.assetCount()).isEqualTo(1);
            assertThat(root.resolve("Imported/outside.jpg")).hasSameBinaryContentAs(source);
            assertThat(source).exists();
            assertAgrees(library);
        }
    }

    @Test
    void refusesBadAndTakenNamesAndAlbumsWithoutAnAsset() throws IOException {
        try (MediaLibrary library = open()) {
            Asset first = create(library, "a.jpg", 10);
            for (String bad : List.of("", ".", "..", ".hidden", "a/b", "a\\b", "x".repeat(256))) {
                assertThatThrownBy(() -> library.createAlbum(bad, first.id(), true, null))
                        .isInstanceOf(InvalidArgumentException.class);
            }
            assertThat(library.createAlbum("é".repeat(127), first.id(), true, null))
                    .isNotNull();
            assertThatThrownBy(() -> library.createAlbum("Pictures", first.id(), true, null))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("Pictures: an album or folder with this name exists already");
            Files.createDirectories(root.resolve("Empty"));
            assertThatThrownBy(() -> library.createAlbum("Empty", first.id(), true, null))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("exists already");
            assertThatThrownBy(() -> library.createAlbum("Nothing", null, true, null))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("needs an asset");
            assertThatThrownBy(() -> library.createAlbum("Unknown", "nosuchid", true, null))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("nosuchid");
            assertThat(root.resolve("Nothing")).doesNotExist();
            assertThat(root.resolve("Unknown")).doesNotExist();
            assertThat(asset(library, first.id()).filename()).isEqualTo("a.jpg");
            assertAgrees(library);
        }
    }

    @Test
    void renamesAnAlbumKeepingItsAssetsAndRefusesBadOrTakenTitles() throws Exception {
        try (MediaLibrary library = open()) {
            Asset first = create(library, "a.jpg", 10);
            Asset second = create(library, "b.jpg", 11);
            Album trips = library.createAlbum("Trips", first.id(), false, null);
            library.createAlbum("Work", second.id(), false, null);
            library.setFavorite(first.id(), true);
            BlockingQueue<ChangeSet> heard = new LinkedBlockingQueue<>();
            library.addListener(heard::add);

            Album renamed = library.renameAlbum(trips.id(), "Italy 2024");

            assertThat(renamed.id()).isEqualTo(trips.id());
            assertThat(renamed.title()).isEqualTo("Italy 2024");
            assertThat(renamed.assetCount()).isEqualTo(1);
            assertThat(root.resolve("Italy 2024/a.jpg")).exists();
            assertThat(root.resolve("Trips")).doesNotExist();
            Asset after = asset(library, first.id());
            assertThat(after.albumId()).isEqualTo(trips.id());
            assertThat(library.getAssetInfo(first.id()).isFavorite()).isTrue();
            assertThat(library.getAlbum("Italy 2024").id()).isEqualTo(trips.id());
            ChangeSet change = heard.poll(5, TimeUnit.SECONDS);
            assertThat(change).isNotNull();
            assertThat(change.updatedAssets()).contains(first.id());

            assertThatThrownBy(() -> library.renameAlbum(trips.id(), "Work"))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("exists already")
                    .satisfies(e -> assertThat(
                                    ((InvalidArgumentException) e).code().wireName())
                            .isEqualTo("conflict"));
            for (String bad : List.of("", "..", ".hidden", "a/b", "x".repeat(256))) {
                assertThatThrownBy(() -> library.renameAlbum(trips.id(), bad))
                        .isInstanceOf(InvalidArgumentException.class)
                        .satisfies(e -> assertThat(((InvalidArgumentException) e).details())
                                .containsEntry("parameter", "title"));
            }
            assertThatThrownBy(() -> library.renameAlbum("nosuchid", "Elsewhere"))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("nosuchid");
            assertThat(root.resolve("Italy 2024/a.jpg")).exists();
            assertAgrees(library);
        }
    }

    @Test
    void refusesBlankAlbumNamesAndNamesWithControlCharacters() throws IOException {
        try (MediaLibrary library = open()) {
            Asset first = create(library, "a.jpg", 10);
            for (String blank : List.of(" ", "   ", "\u3000")) {
                assertThatThrownBy(() -> library.createAlbum(blank, first.id(), true, null))
                        .isInstanceOf(InvalidArgumentException.class)
                        .hasMessage("the album name is empty or only spaces");
            }
            assertThatThrownBy(() -> library.createAlbum("Trip\n2024", first.id(), true, null))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessage("Trip\\u000a2024: an album name must not contain control characters");
            for (String control : List.of("a\tb", "\u001b[31mred", "end\r", "x\u007fy", "x\u0085y")) {
                assertThatThrownBy(() -> library.createAlbum(control, first.id(), true, null))
                        .isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining("must not contain control characters")
                        .hasMessageNotContaining("\n");
            }
            try (var listing = Files.list(root)) {
                assertThat(listing.map(path -> path.getFileName().toString()).filter(name -> !name.startsWith(".")))
                        .containsExactly("Pictures");
            }
            assertThat(library.createAlbum("Trip 2024 ", first.id(), true, null))
                    .isNotNull();
        }
    }

    @Test
    void addCopiesWithNewIdsAndMovesKeepingThem() throws IOException {
        try (MediaLibrary library = open()) {
            Asset a = create(library, "a.jpg", 10);
            Asset b = create(library, "b.jpg", 11);
            Album trips = library.createAlbum("Trips", null, true, fileUri("a.jpg", 12));
            Asset inTrips = library.getAssets(EVERYTHING).assets().stream()
                    .filter(x -> x.albumId().equals(trips.id()))
                    .findFirst()
                    .orElseThrow();

            library.addAssetsToAlbum(List.of(a.id()), trips.id(), true);
            assertThat(root.resolve("Trips/a (1).jpg")).exists();
            assertThat(root.resolve("Pictures/a.jpg")).exists();
            assertThat(library.getAssets(EVERYTHING).assets()).hasSize(4);
            assertThat(asset(library, a.id()).albumId()).isEqualTo(a.albumId());
            assertAgrees(library);

            library.addAssetsToAlbum(List.of(a.id(), b.id()), trips.id(), false);
            assertThat(asset(library, a.id()).albumId()).isEqualTo(trips.id());
            assertThat(asset(library, a.id()).filename()).isEqualTo("a (2).jpg");
            assertThat(asset(library, b.id()).albumId()).isEqualTo(trips.id());
            assertThat(root.resolve("Pictures")).isEmptyDirectory();
            assertThat(library.getAssets(EVERYTHING).assets()).hasSize(4);
            assertThat(asset(library, inTrips.id()).filename()).isEqualTo("a.jpg");
            assertAgrees(library);
        }
    }

    @Test
    void unknownIdsChangeNothing() throws IOException {
        try (MediaLibrary library = open()) {
            Asset a = create(library, "a.jpg", 10);
            Album trips = library.createAlbum("Trips", null, true, fileUri("t.jpg", 12));
            String before = library.changeToken();
            assertThatThrownBy(() -> library.addAssetsToAlbum(List.of(a.id(), "ghost1"), trips.id(), false))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("ghost1")
                    .satisfies(e -> assertThat(((NotFoundException) e).ids()).containsExactly("ghost1"));
            assertThatThrownBy(() -> library.addAssetsToAlbum(List.of(a.id()), "ghostalbum", true))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> library.removeAssetsFromAlbum(List.of("ghost2"), trips.id()))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("ghost2");
            assertThatThrownBy(() -> library.removeAssetsFromAlbum(List.of(a.id()), trips.id()))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining(a.id());
            assertThatThrownBy(() -> library.deleteAlbums(List.of(trips.id(), "ghost3"), true))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("ghost3");
            assertThat(library.changesSince(before).updatedAssets()).isEmpty();
            assertThat(library.changesSince(before).deletedAssets()).isEmpty();
            assertThat(root.resolve("Pictures/a.jpg")).exists();
            assertThat(root.resolve("Trips/t.jpg")).exists();
            assertAgrees(library);
        }
    }

    @Test
    void removeMovesToTheDefaultAlbumKeepingIds() throws IOException {
        try (MediaLibrary library = open()) {
            Album trips = library.createAlbum("Trips", null, true, fileUri("t.jpg", 12));
            Asset t = library.getAssets(EVERYTHING).assets().getFirst();
            library.removeAssetsFromAlbum(List.of(t.id()), trips.id());
            Asset after = asset(library, t.id());
            assertThat(after.albumId()).isEqualTo(library.getAlbum("Pictures").id());
            assertThat(root.resolve("Pictures/t.jpg")).exists();
            assertThat(root.resolve("Trips/t.jpg")).doesNotExist();
            assertThat(library.getAlbum("Trips")).isNull();
            assertAgrees(library);
        }
    }

    @Test
    void deletingAnAlbumMovesItsAssetsToTheDefaultAlbumOrToTheTrash() throws IOException {
        try (MediaLibrary library = open()) {
            Album keep = library.createAlbum("Keep", null, true, fileUri("k.jpg", 12));
            Album drop = library.createAlbum("Drop", null, true, fileUri("d.jpg", 13));
            Files.writeString(root.resolve("Drop/notes.txt"), "not media");
            List<Asset> assets = library.getAssets(EVERYTHING).assets();
            String k = assets.stream()
                    .filter(x -> x.filename().equals("k.jpg"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            String d = assets.stream()
                    .filter(x -> x.filename().equals("d.jpg"))
                    .findFirst()
                    .orElseThrow()
                    .id();

            library.deleteAlbums(List.of(keep.id()), false);
            assertThat(root.resolve("Keep")).doesNotExist();
            assertThat(root.resolve("Pictures/k.jpg")).exists();
            assertThat(asset(library, k).albumId())
                    .isEqualTo(library.getAlbum("Pictures").id());
            assertThat(library.getAlbum("Keep")).isNull();
            assertAgrees(library);

            library.deleteAlbums(List.of(drop.id()), true);
            assertThat(library.getAssetInfo(d)).isNull();
            assertThat(library.trashedAssets()).containsExactly(d);
            assertThat(root.resolve("Drop/notes.txt")).exists();
            assertThat(root.resolve("Drop/d.jpg")).doesNotExist();
            assertThat(library.getAlbum("Drop")).isNull();
            assertAgrees(library);
        }
    }

    @Test
    void listenersHearMovesAsUpdates() throws Exception {
        try (MediaLibrary library = open()) {
            Asset a = create(library, "a.jpg", 10);
            Album trips = library.createAlbum("Trips", null, true, fileUri("t.jpg", 12));
            BlockingQueue<ChangeSet> heard = new LinkedBlockingQueue<>();
            library.addListener(heard::add);
            String before = library.changeToken();
            library.addAssetsToAlbum(List.of(a.id()), trips.id(), false);
            ChangeSet change = heard.poll(5, TimeUnit.SECONDS);
            assertThat(change).isNotNull();
            assertThat(change.updatedAssets()).containsExactly(a.id());
            assertThat(change.insertedAssets()).isEmpty();
            assertThat(change.deletedAssets()).isEmpty();
            assertThat(library.changesSince(before).updatedAssets()).containsExactly(a.id());
        }
    }

    @Test
    void aReadOnlyFolderNeedsMigrationAndMigrationKeepsIds() throws IOException {
        Path old = root.resolve("Old");
        Files.createDirectories(old);
        TestMedia.jpeg(old.resolve("o.jpg"), 14, 9);
        try (MediaLibrary library = open()) {
            Album album = library.getAlbum("Old");
            String id = library.getAssets(EVERYTHING).assets().getFirst().id();
            assertThat(library.albumNeedsMigration(album.id())).isFalse();
            library.migrateAlbumIfNeeded(album.id());
            assertThat(root.resolve("Old/o.jpg")).exists();

            Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("r-xr-xr-x"));
            // As root, permissions have no effect; the immutable attribute does, where it can be set.
            boolean immutable = Files.isWritable(old) && chattr("+i", old);
            try {
                assumeThat(Files.isWritable(old))
                        .as("the folder cannot be made read-only here (root without chattr)")
                        .isFalse();
                assertThat(library.albumNeedsMigration(album.id())).isTrue();
                library.migrateAlbumIfNeeded(album.id());
                Asset moved = asset(library, id);
                assertThat(moved.albumId()).isNotEqualTo(album.id());
                assertThat(moved.filename()).isEqualTo("o.jpg");
                assertThat(root.resolve("Old (1)/o.jpg")).exists();
                assertThat(library.getAlbum("Old (1)").assetCount()).isEqualTo(1);
                assertThat(library.getAlbum("Old")).isNull();
                // The original cannot be removed from the read-only folder.
                assertThat(root.resolve("Old/o.jpg")).exists();
                assertThat(library.albumNeedsMigration(moved.albumId())).isFalse();
            } finally {
                if (immutable) {
                    chattr("-i", old);
                }
                Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static boolean chattr(String flag, Path folder) {
        try {
            Process process = new ProcessBuilder("chattr", flag, folder.toString())
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Asset create(MediaLibrary library, String name, int size) {
        return library.createAsset(AssetSource.bytes(name, TestMedia.jpegBytes(size, size + 1)), null);
    }

    private String fileUri(String name, int size) throws IOException {
        Path dir = Files.createTempDirectory(outside, "src");
        return TestMedia.jpeg(dir.resolve(name), size, size + 3).toUri().toString();
    }

    private static Asset asset(MediaLibrary library, String id) {
        return library.getAssetInfo(id).asset();
    }

    /** The index and the folder tree agree: every asset's file exists, every media file is an asset, a rescan changes nothing. */
    private void assertAgrees(MediaLibrary library) throws IOException {
        Set<Path> indexed = library.getAssets(EVERYTHING).assets().stream()
                .map(a -> under.fileOf(library, a))
                .collect(Collectors.toSet());
        Set<Path> onDisk;
        try (Stream<Path> files = Files.walk(root)) {
            onDisk = files.filter(Files::isRegularFile)
                    .filter(p -> !hidden(p) && !p.toString().endsWith(".txt"))
                    .collect(Collectors.toSet());
        }
        assertThat(indexed).isEqualTo(onDisk);
        assertThat(library.scan(null))
                .extracting(ScanReport::added, ScanReport::changed, ScanReport::removed)
                .containsExactly(0, 0, 0);
    }

    private boolean hidden(Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
