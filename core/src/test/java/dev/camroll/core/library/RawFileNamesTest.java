package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetSource;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.ScanReport;
import dev.camroll.core.files.RawNames;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files and folders whose names are not valid UTF-8 are assets like any other. */
class RawFileNamesTest {

    private static final LibraryOptions NOT_WATCHING = LibraryOptions.defaults().withWatch(false);

    /** "bad\xFF.jpg": a byte that is never UTF-8. */
    private static final String BAD = RawNames.decode(new byte[] {'b', 'a', 'd', (byte) 0xFF, '.', 'j', 'p', 'g'});

    /** "caf\xC3.jpg": the first byte of a two-byte sequence, alone. */
    private static final String LONE = RawNames.decode(new byte[] {'c', 'a', 'f', (byte) 0xC3, '.', 'j', 'p', 'g'});

    /** "trip\xFF": a folder. */
    private static final String TRIP = RawNames.decode(new byte[] {'t', 'r', 'i', 'p', (byte) 0xFF});

    @TempDir
    Path root;

    @TempDir
    Path outside;

    @Test
    void aScanIndexesThemAndARescanChangesNothing() throws IOException {
        Path bad = TestMedia.jpeg(raw(root, "bad%FF.jpg"), 10, 10);
        Path lone = TestMedia.jpeg(raw(root, "caf%C3.jpg"), 11, 10);
        Path inTrip = TestMedia.jpeg(raw(root, "trip%FF/").resolve("x.jpg"), 12, 10);
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING)) {
            assertThat(library.getAssets(EVERYTHING).assets())
                    .extracting(Asset::filename)
                    .containsExactlyInAnyOrder(BAD, LONE, "x.jpg");
            AssetInfo info = library.getAssetInfo(idOf(library, BAD));
            assertThat(info.asset().width()).isEqualTo(10);
            assertThat(Path.of(URI.create(info.localUri()))).isEqualTo(bad);
            assertThat(Path.of(
                            URI.create(library.getAssetInfo(idOf(library, LONE)).localUri())))
                    .isEqualTo(lone);
            Album trip = library.getAlbum(TRIP);
            assertThat(trip).isNotNull();
            Asset x = library.getAssetInfo(idOf(library, "x.jpg")).asset();
            assertThat(x.albumId()).isEqualTo(trip.id());
            assertThat(Path.of(URI.create(x.uri()))).isEqualTo(inTrip);
            assertQuiet(library);
        }
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING)) {
            assertThat(library.getAssets(EVERYTHING).assets()).hasSize(3);
            assertQuiet(library);
        }
    }

    @Test
    void createAssetKeepsTheNameOfItsSource() throws IOException {
        Path source = TestMedia.jpeg(raw(outside, "bad%FF.jpg"), 10, 10);
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING)) {
            Asset created = library.createAsset(AssetSource.file(source), null);
            assertThat(created.filename()).isEqualTo(BAD);
            Path placed = Path.of(URI.create(created.uri()));
            assertThat(placed.getParent()).isEqualTo(root.resolve(LibraryFolders.DEFAULT_ALBUM));
            assertThat(Files.readAllBytes(placed)).isEqualTo(Files.readAllBytes(source));
            assertQuiet(library);
            assertThat(library.getAssets(EVERYTHING).assets())
                    .extracting(Asset::id)
                    .containsExactly(created.id());
        }
    }

    @Test
    void theLengthOfANameIsCountedInItsOwnBytes() throws IOException {
        // 200 bytes that are not UTF-8: 204 bytes with the extension, under the limit of 255.
        Path source = TestMedia.jpeg(raw(outside, "%FF".repeat(200) + ".jpg"), 10, 10);
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING)) {
            Asset created = library.createAsset(AssetSource.file(source), null);
            assertThat(RawNames.encode(created.filename())).hasSize(204);
            assertThat(Path.of(URI.create(created.uri()))).exists();
        }
    }

    @Test
    void deleteAndRestoreBringTheFileBackUnderItsName() throws IOException {
        Path bad = TestMedia.jpeg(raw(root, "bad%FF.jpg"), 10, 10);
        byte[] content = Files.readAllBytes(bad);
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING)) {
            String id = idOf(library, BAD);
            library.deleteAssets(List.of(id));
            assertThat(bad).doesNotExist();
            assertThat(library.trashedAssets()).containsExactly(id);
            assertQuiet(library);

            library.restoreAssets(List.of(id));
            assertThat(Files.readAllBytes(bad)).isEqualTo(content);
            assertThat(library.getAssetInfo(id).asset().filename()).isEqualTo(BAD);
            assertQuiet(library);
        }
    }

    @Test
    void aTrashedFileComesBackUnderItsNameAfterTheIndexIsLost() throws IOException {
        Path trip = Files.createDirectories(raw(root, "trip%FF/"));
        Path bad = TestMedia.jpeg(raw(trip, "bad%FF.jpg"), 10, 10);
        byte[] content = Files.readAllBytes(bad);
        String id;
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING)) {
            id = idOf(library, BAD);
            library.deleteAssets(List.of(id));
        }
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(root.resolve(".camroll/index.db" + suffix));
        }
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING)) {
            assertThat(library.trashedAssets()).containsExactly(id);
            library.restoreAssets(List.of(id));
            assertThat(Files.readAllBytes(bad)).isEqualTo(content);
            assertThat(library.getAssetInfo(id).asset().albumId())
                    .isEqualTo(library.getAlbum(TRIP).id());
            // The row rebuilt from the sidecar is read again once (as for any name); the file
            // keeps its id and is neither added nor removed.
            assertThat(library.scan(null))
                    .extracting(ScanReport::added, ScanReport::removed)
                    .containsExactly(0, 0);
            assertThat(library.getAssetInfo(id).asset().filename()).isEqualTo(BAD);
            assertQuiet(library);
        }
    }

    @Test
    void anAlbumMoveCarriesTheFileIntoAFolderThatIsNotUtf8() throws IOException {
        Path bad = TestMedia.jpeg(raw(root, "bad%FF.jpg"), 10, 10);
        Path trip = raw(root, "trip%FF/");
        TestMedia.jpeg(trip.resolve("x.jpg"), 12, 10);
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING)) {
            String id = idOf(library, BAD);
            library.addAssetsToAlbum(List.of(id), library.getAlbum(TRIP).id(), false);
            assertThat(bad).doesNotExist();
            Path moved = trip.resolve(bad.getFileName());
            assertThat(moved).exists();
            Asset asset = library.getAssetInfo(id).asset();
            assertThat(asset.filename()).isEqualTo(BAD);
            assertThat(Path.of(URI.create(asset.uri()))).isEqualTo(moved);
            assertQuiet(library);

            Album copy = library.createAlbum("Copies", id, true, null);
            assertThat(library.getAssets(EVERYTHING).assets())
                    .filteredOn(a -> a.albumId().equals(copy.id()))
                    .extracting(Asset::filename)
                    .containsExactly(BAD);
            assertQuiet(library);
        }
    }

    @Test
    void aRenameOnDiskKeepsTheId() throws IOException {
        Path bad = TestMedia.jpeg(raw(root, "bad%FF.jpg"), 10, 10);
        try (MediaLibrary library = MediaLibrary.open(root, NOT_WATCHING)) {
            String id = idOf(library, BAD);
            Files.move(bad, raw(root, "caf%C3.jpg"));
            assertThat(library.scan(null))
                    .extracting(ScanReport::added, ScanReport::changed, ScanReport::removed)
                    .containsExactly(0, 1, 0);
            assertThat(library.getAssetInfo(id).asset().filename()).isEqualTo(LONE);
            assertQuiet(library);
        }
    }

    @Test
    void theWatcherIndexesSuchAFileCopiedIntoSuchAFolder() throws Exception {
        TestMedia.jpeg(root.resolve("first.jpg"), 10, 10);
        Path source = TestMedia.jpeg(raw(outside, "bad%FF.jpg"), 20, 10);
        try (MediaLibrary library = MediaLibrary.open(root)) {
            Path trip = Files.createDirectories(raw(root, "trip%FF/"));
            Files.copy(source, trip.resolve(source.getFileName()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (library.getAssets(EVERYTHING).assets().size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Asset found = library.getAssets(EVERYTHING).assets().stream()
                    .filter(asset -> asset.filename().equals(BAD))
                    .findFirst()
                    .orElseThrow();
            assertThat(found.albumId()).isEqualTo(library.getAlbum(TRIP).id());
            assertThat(Path.of(URI.create(found.uri()))).isEqualTo(trip.resolve(source.getFileName()));
        }
    }

    /** A path under a folder whose last name is given percent-encoded, so it may hold any byte. */
    static Path raw(Path folder, String encodedName) {
        return Path.of(URI.create(folder.toUri() + encodedName));
    }

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
}
