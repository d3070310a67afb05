package dev.camroll.core.contract;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetSource;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.api.NotFoundException;
import dev.camroll.api.ScanReport;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Writes: creating from files, bytes and streams, refusals that write nothing, delete and restore. */
abstract class WritesContract extends ContractGroup {
    WritesContract(LibraryUnderTest under) {
        super(under);
    }

    @Test
    void createsFromAFileIntoTheDefaultAlbumAndFromBytesIntoANamedOne() throws IOException {
        Path source = TestMedia.jpeg(outside.resolve("holiday.jpg"), 40, 30);
        Files.createDirectories(root.resolve("Trips"));
        TestMedia.jpeg(root.resolve("Trips/old.jpg"), 10, 10);
        try (MediaLibrary library = open()) {
            Asset fromFile = library.createAsset(AssetSource.file(source), null);
            assertThat(fromFile.filename()).isEqualTo("holiday.jpg");
            assertThat(fromFile.width()).isEqualTo(40);
            assertThat(fromFile.mediaType()).isEqualTo(MediaType.PHOTO);
            assertThat(root.resolve("Pictures/holiday.jpg")).exists().hasSameBinaryContentAs(source);
            assertThat(source).exists();
            assertThat(library.getAlbum("Pictures").id()).isEqualTo(fromFile.albumId());

            String trips = library.getAlbum("Trips").id();
            Asset fromBytes = library.createAsset(AssetSource.bytes("b.png", png(20, 10)), trips);
            assertThat(fromBytes.albumId()).isEqualTo(trips);
            assertThat(fromBytes.width()).isEqualTo(20);
            assertThat(root.resolve("Trips/b.png")).exists();
            under.assertSameAsset(library.getAssetInfo(fromBytes.id()).asset(), fromBytes);

            library.saveToLibrary(AssetSource.bytes("c.jpg", TestMedia.jpegBytes(8, 8)));
            assertThat(root.resolve("Pictures/c.jpg")).exists();
            assertThat(library.getAssets(EVERYTHING).totalCount()).isEqualTo(4);
            assertNoHiddenLeftovers();
            assertThat(library.scan(null).added()).isZero();
        }
    }

    @Test
    void createsAVideoAndRefusesAVideoNamedAsAPhoto() throws IOException {
        Path clip = TestMedia.video(outside.resolve("clip.mp4"), 1, 64, 48);
        try (MediaLibrary library = open()) {
            Asset video = library.createAsset(AssetSource.file(clip), null);
            assertThat(video.mediaType()).isEqualTo(MediaType.VIDEO);
            assertThat(video.duration()).isGreaterThan(0.5);
            assertRefused(
                    library,
                    AssetSource.bytes("clip.jpg", Files.readAllBytes(clip)),
                    "clip.jpg: content is MP4 but the name says .jpg");
        }
    }

    @Test
    void aTakenNameGetsANumber() {
        try (MediaLibrary library = open()) {
            byte[] jpeg = TestMedia.jpegBytes(8, 8);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                names.add(library.createAsset(AssetSource.bytes("a.jpg", jpeg), null)
                        .filename());
            }
            assertThat(names).containsExactly("a.jpg", "a (1).jpg", "a (2).jpg");
            assertThat(root.resolve("Pictures/a (2).jpg")).exists();
        }
    }

    @Test
    void wrongContentAndBadNamesAreRefusedAndNothingIsWritten() throws IOException {
        TestMedia.jpeg(root.resolve("keep.jpg"), 8, 8);
        try (MediaLibrary library = open()) {
            String token = library.changeToken();
            List<Path> before = tree();
            byte[] jpeg = TestMedia.jpegBytes(8, 8);
            assertRefused(
                    library,
                    AssetSource.bytes("photo.mp4", png(8, 8)),
                    "photo.mp4: content is PNG but the name says .mp4");
            assertRefused(library, AssetSource.bytes("notes", jpeg), "notes: has no extension");
            assertRefused(library, AssetSource.bytes("notes.txt", jpeg), ".txt is not the extension");
            assertRefused(library, AssetSource.bytes("a/b.jpg", jpeg), "path separators");
            assertRefused(library, AssetSource.bytes("..", jpeg), "must not start with a dot");
            assertRefused(library, AssetSource.bytes(".hidden.jpg", jpeg), "must not start with a dot");
            assertRefused(library, AssetSource.bytes("x".repeat(252) + ".jpg", jpeg), "at most 255 bytes");
            assertRefused(library, AssetSource.bytes("empty.jpg", new byte[0]), "empty.jpg: is empty");
            assertRefused(library, AssetSource.bytes("text.jpg", "hello".getBytes()), "content is not a media format");
            assertRefused(library, AssetSource.file(outside.resolve("missing.jpg")), "no such file");
            assertThatThrownBy(() -> library.createAsset(AssetSource.bytes("a.jpg", jpeg), "0000000000000"))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("0000000000000");
            assertThat(tree()).isEqualTo(before);
            assertThat(library.changesSince(token).insertedAssets()).isEmpty();
            assertThat(library.getAssets(EVERYTHING).totalCount()).isEqualTo(1);
        }
    }

    @Test
    void deleteAndRestoreKeepIdsAndFavoritesAndTheJournalTellsBoth() throws Exception {
        TestMedia.jpeg(root.resolve("a.jpg"), 8, 8);
        try (MediaLibrary library = open()) {
            BlockingQueue<ChangeSet> heard = new LinkedBlockingQueue<>();
            library.addListener(heard::add);
            Asset created = library.createAsset(AssetSource.bytes("b.jpg", TestMedia.jpegBytes(8, 8)), null);
            assertThat(heard.poll(5, TimeUnit.SECONDS).insertedAssets()).contains(created.id());
            library.setFavorite(created.id(), true);
            heard.poll(5, TimeUnit.SECONDS);

            String beforeDelete = library.changeToken();
            library.deleteAssets(List.of(created.id()));
            assertThat(heard.poll(5, TimeUnit.SECONDS).deletedAssets()).containsExactly(created.id());
            assertThat(root.resolve("Pictures/b.jpg")).doesNotExist();
            assertThat(library.getAssetInfo(created.id())).isNull();
            assertThat(library.getAssets(EVERYTHING).assets())
                    .extracting(Asset::id)
                    .doesNotContain(created.id());
            assertThat(library.getAlbum("Pictures")).isNull();
            assertThat(library.trashedAssets()).containsExactly(created.id());
            assertThat(library.changesSince(beforeDelete).deletedAssets()).containsExactly(created.id());
            assertThat(library.scan(null))
                    .extracting(ScanReport::added, ScanReport::removed)
                    .containsExactly(0, 0);

            String beforeRestore = library.changeToken();
            library.restoreAssets(List.of(created.id()));
            assertThat(heard.poll(5, TimeUnit.SECONDS).insertedAssets()).containsExactly(created.id());
            AssetInfo back = library.getAssetInfo(created.id());
            under.assertSameAsset(back.asset(), created);
            assertThat(back.isFavorite()).isTrue();
            assertThat(root.resolve("Pictures/b.jpg")).exists();
            assertThat(library.trashedAssets()).isEmpty();
            ChangeSet sinceRestore = library.changesSince(beforeRestore);
            assertThat(sinceRestore.insertedAssets()).containsExactly(created.id());
            assertThat(library.changesSince(beforeDelete).deletedAssets()).isEmpty();
            assertThat(library.scan(null))
                    .extracting(ScanReport::added, ScanReport::removed)
                    .containsExactly(0, 0);
        }
    }

    @Test
    void theTrashListsItsAssetsWithTheirFieldsNewestDeletionFirstPageByPage() throws Exception {
        try (MediaLibrary library = open()) {
            Asset wide = library.createAsset(AssetSource.bytes("wide.jpg", TestMedia.jpegBytes(40, 20)), null);
            Asset tall = library.createAsset(AssetSource.bytes("tall.jpg", TestMedia.jpegBytes(20, 40)), null);
            Asset square = library.createAsset(AssetSource.bytes("square.jpg", TestMedia.jpegBytes(30, 30)), null);
            Asset kept = library.createAsset(AssetSource.bytes("kept.jpg", TestMedia.jpegBytes(10, 10)), null);
            library.deleteAssets(List.of(wide.id()));
            Thread.sleep(5);
            library.deleteAssets(List.of(tall.id(), square.id()));

            AssetPage first = library.getTrashedAssets(2, null);
            assertThat(first.totalCount()).isEqualTo(3);
            assertThat(first.hasNextPage()).isTrue();
            assertThat(first.assets()).extracting(Asset::id).containsExactlyInAnyOrder(tall.id(), square.id());
            AssetPage rest = library.getTrashedAssets(2, first.endCursor());
            assertThat(rest.hasNextPage()).isFalse();
            assertThat(rest.assets()).singleElement().satisfies(asset -> {
                assertThat(asset.id()).isEqualTo(wide.id());
                assertThat(asset.filename()).isEqualTo("wide.jpg");
                assertThat(asset.mediaType()).isEqualTo(MediaType.PHOTO);
                assertThat(asset.width()).isEqualTo(40);
                assertThat(asset.height()).isEqualTo(20);
                assertThat(asset.creationTime()).isEqualTo(wide.creationTime());
                assertThat(asset.albumId()).isEqualTo(wide.albumId());
                assertThat(asset.uri()).isNull();
            });
            assertThat(library.getTrashedAssets(10, null).assets())
                    .extracting(Asset::id)
                    .doesNotContain(kept.id());

            assertThatThrownBy(() -> library.getTrashedAssets(0, null))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("first");
            assertThatThrownBy(() -> library.getTrashedAssets(2, "not-a-cursor"))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("not-a-cursor");
            library.restoreAssets(List.of(wide.id()));
            assertThat(library.getTrashedAssets(10, null).totalCount()).isEqualTo(2);
        }
    }

    @Test
    void aRestoredFileWhosePlaceIsTakenGetsANumber() throws IOException {
        try (MediaLibrary library = open()) {
            Asset created = library.createAsset(AssetSource.bytes("b.jpg", TestMedia.jpegBytes(8, 8)), null);
            library.deleteAssets(List.of(created.id()));
            library.createAsset(AssetSource.bytes("b.jpg", TestMedia.jpegBytes(9, 9)), null);
            library.restoreAssets(List.of(created.id()));
            assertThat(library.getAssetInfo(created.id()).asset().filename()).isEqualTo("b (1).jpg");
            assertThat(root.resolve("Pictures/b (1).jpg")).exists();
        }
    }

    @Test
    void anUnknownIdChangesNothing() throws IOException {
        TestMedia.jpeg(root.resolve("a.jpg"), 8, 8);
        try (MediaLibrary library = open()) {
            String id = library.getAssets(EVERYTHING).assets().getFirst().id();
            List<Path> before = tree();
            assertThatThrownBy(() -> library.deleteAssets(List.of(id, "zzzzzzzzzzzzz", "nope")))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("zzzzzzzzzzzzz")
                    .hasMessageContaining("nope")
                    .satisfies(e -> assertThat(((NotFoundException) e).ids()).containsExactly("zzzzzzzzzzzzz", "nope"));
            assertThat(tree()).isEqualTo(before);
            assertThat(library.getAssetInfo(id)).isNotNull();

            library.deleteAssets(List.of(id));
            assertThatThrownBy(() -> library.restoreAssets(List.of(id, "zzzzzzzzzzzzz")))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("zzzzzzzzzzzzz");
            assertThat(library.trashedAssets()).containsExactly(id);
            assertThat(root.resolve("a.jpg")).doesNotExist();
        }
    }

    @Test
    void manyThreadsCreatingCollidingNamesLoseNothing() throws Exception {
        int threads = 4;
        int each = 50;
        try (MediaLibrary library = open()) {
            BlockingQueue<ChangeSet> heard = new LinkedBlockingQueue<>();
            library.addListener(heard::add);
            List<Future<List<String>>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        List<String> ids = new ArrayList<>();
                        for (int i = 0; i < each; i++) {
                            ids.add(library.createAsset(
                                            AssetSource.bytes("img" + (i % 5) + ".jpg", TestMedia.jpegBytes(8, 8)),
                                            null)
                                    .id());
                        }
                        return ids;
                    }));
                }
            }
            Set<String> created = new HashSet<>();
            for (Future<List<String>> result : results) {
                created.addAll(result.get());
            }
            assertThat(created).hasSize(threads * each);
            List<Asset> listed = library.getAssets(EVERYTHING).assets();
            assertThat(listed).extracting(Asset::id).containsExactlyInAnyOrderElementsOf(created);
            Set<String> files = new HashSet<>();
            try (Stream<Path> stream = Files.list(root.resolve("Pictures"))) {
                stream.forEach(file -> files.add(file.getFileName().toString()));
            }
            assertThat(files)
                    .containsExactlyInAnyOrderElementsOf(
                            listed.stream().map(Asset::filename).toList());
            assertThat(library.scan(null))
                    .extracting(ScanReport::added, ScanReport::removed)
                    .containsExactly(0, 0);

            Set<String> inserted = new HashSet<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (inserted.size() < created.size() && System.nanoTime() < deadline) {
                ChangeSet changes = heard.poll(1, TimeUnit.SECONDS);
                if (changes != null) {
                    inserted.addAll(changes.insertedAssets());
                }
            }
            assertThat(inserted).isEqualTo(created);
        }
    }

    private static void assertRefused(MediaLibrary library, AssetSource source, String message) {
        assertThatThrownBy(() -> library.createAsset(source, null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining(message);
    }

    private byte[] png(int width, int height) throws IOException {
        Path file = TestMedia.png(outside.resolve("tmp-" + width + "x" + height + ".png"), width, height);
        return Files.readAllBytes(file);
    }

    /** Every file and folder under the root, outside the data folder. */
    private List<Path> tree() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> !path.startsWith(root.resolve(".camroll")))
                    .sorted()
                    .toList();
        }
    }

    private void assertNoHiddenLeftovers() throws IOException {
        assertThat(tree()).noneMatch(path -> path.getFileName().toString().startsWith(".camroll-"));
    }
}
