package dev.camroll.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.ScanReport;
import dev.camroll.api.SortField;
import dev.camroll.api.SortKey;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Scans, queries with every option, paging in each sort order, albums as listed, bad queries. */
abstract class QueriesContract extends ContractGroup {
    QueriesContract(LibraryUnderTest under) {
        super(under);
    }

    @Test
    void scanIndexesFoldersAndSkipsHiddenOnes() throws IOException {
        jpeg(root.resolve("a.jpg"), 40, 30, 1_000_000L);
        jpeg(root.resolve("Trip/b.jpg"), 20, 10, 2_000_000L);
        jpeg(root.resolve("Trip/c.jpg"), 10, 20, 3_000_000L);
        jpeg(root.resolve(".hidden/d.jpg"), 10, 10, 4_000_000L);
        jpeg(root.resolve("Trip/.e.jpg"), 10, 10, 4_000_000L);
        Files.writeString(root.resolve("Trip/notes.txt"), "not media");

        try (MediaLibrary library = open()) {
            AssetPage page = library.getAssets(AssetQuery.builder().build());
            assertThat(page.assets()).extracting(Asset::filename).containsExactly("c.jpg", "b.jpg", "a.jpg");
            assertThat(page.totalCount()).isEqualTo(3);
            assertThat(page.hasNextPage()).isFalse();
            Asset b = page.assets().get(1);
            assertThat(b.width()).isEqualTo(20);
            assertThat(b.height()).isEqualTo(10);
            assertThat(b.creationTime()).isEqualTo(2_000_000L);
            under.assertUriLeadsTo(b, root.toRealPath().resolve("Trip/b.jpg"));
            assertThat(b.id()).doesNotContain("Trip").doesNotContain("b.jpg");

            List<Album> albums = library.getAlbums(false);
            assertThat(albums)
                    .extracting(Album::title, Album::assetCount)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(
                                    root.toRealPath().getFileName().toString(), 1),
                            org.assertj.core.groups.Tuple.tuple("Trip", 2));
            Album trip = library.getAlbum("Trip");
            assertThat(library.getAssets(AssetQuery.builder().album(trip.id()).build())
                            .assets())
                    .extracting(Asset::filename)
                    .containsExactly("c.jpg", "b.jpg");
            assertThat(library.getAlbum("trip")).isNull();
            assertThat(library.getAlbum("Favorites").type()).isEqualTo(dev.camroll.api.AlbumType.SMART);
            assertThat(library.getAlbums(true)).extracting(Album::id).contains("smart-favorites", "smart-recents");
            assertThat(library.getAssets(
                                    AssetQuery.builder().album("smart-recents").build())
                            .totalCount())
                    .isEqualTo(3);
        }
    }

    @Test
    void rescanPicksUpNewChangedAndRemovedFiles() throws IOException {
        jpeg(root.resolve("a.jpg"), 40, 30, 1_000_000L);
        jpeg(root.resolve("x/b.jpg"), 20, 10, 2_000_000L);
        jpeg(root.resolve("y/c.jpg"), 20, 10, 2_000_000L);
        try (MediaLibrary library = open()) {
            String idOfA = library.getAssets(AssetQuery.builder().build()).assets().stream()
                    .filter(asset -> asset.filename().equals("a.jpg"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            jpeg(root.resolve("a.jpg"), 64, 48, 5_000_000L);
            jpeg(root.resolve("x/new.jpg"), 8, 8, 6_000_000L);
            Files.delete(root.resolve("x/b.jpg"));
            Files.delete(root.resolve("y/c.jpg"));
            Files.delete(root.resolve("y"));

            ScanReport report = library.scan(null);
            assertThat(report.added()).isEqualTo(1);
            assertThat(report.changed()).isEqualTo(1);
            assertThat(report.removed()).isEqualTo(2);
            assertThat(report.unchanged()).isZero();

            AssetPage page = library.getAssets(AssetQuery.builder().build());
            assertThat(page.assets()).extracting(Asset::filename).containsExactly("new.jpg", "a.jpg");
            Asset a = page.assets().get(1);
            assertThat(a.id()).isEqualTo(idOfA);
            assertThat(a.width()).isEqualTo(64);
            assertThat(library.getAlbums(false)).hasSize(2);

            ScanReport again = library.scan(null);
            assertThat(again.added() + again.changed() + again.removed()).isZero();
            assertThat(again.unchanged()).isEqualTo(2);
        }
    }

    @Test
    void pagesWalkEveryAssetOnceInEachSortOrder() throws IOException {
        for (int i = 0; i < 37; i++) {
            jpeg(root.resolve("f" + (i % 3) + "/img" + i + ".jpg"), 10 + (i % 5), 10 + (i % 7), 1_000_000L * (i % 11));
        }
        try (MediaLibrary library = open()) {
            for (List<SortKey> sort : List.of(
                    List.<SortKey>of(),
                    List.of(SortKey.asc(SortField.WIDTH)),
                    List.of(SortKey.desc(SortField.HEIGHT), SortKey.asc(SortField.CREATION_TIME)),
                    List.of(SortKey.asc(SortField.MEDIA_TYPE), SortKey.desc(SortField.WIDTH)))) {
                List<String> seen = new ArrayList<>();
                String after = null;
                AssetPage page;
                do {
                    page = library.getAssets(AssetQuery.builder()
                            .first(4)
                            .after(after)
                            .sortBy(sort)
                            .build());
                    page.assets().forEach(asset -> seen.add(asset.id()));
                    assertThat(page.totalCount()).isEqualTo(37);
                    after = page.endCursor();
                } while (page.hasNextPage());
                assertThat(seen).hasSize(37);
                assertThat(new HashSet<>(seen)).hasSize(37);
            }
        }
    }

    @Test
    void createdBoundsAreExclusiveAndAfterAcceptsAnAssetId() throws IOException {
        for (int i = 1; i <= 5; i++) {
            jpeg(root.resolve("i" + i + ".jpg"), 10, 10, i * 1000L);
        }
        try (MediaLibrary library = open()) {
            AssetPage between = library.getAssets(AssetQuery.builder()
                    .createdAfter(1000L)
                    .createdBefore(5000L)
                    .build());
            assertThat(between.assets()).extracting(Asset::filename).containsExactly("i4.jpg", "i3.jpg", "i2.jpg");
            assertThat(between.totalCount()).isEqualTo(3);

            String idOf3 = between.assets().get(1).id();
            AssetPage after3 =
                    library.getAssets(AssetQuery.builder().after(idOf3).build());
            assertThat(after3.assets()).extracting(Asset::filename).containsExactly("i2.jpg", "i1.jpg");
        }
    }

    @Test
    void badQueriesGetClearErrorsAndUnknownIdsGetNull() throws IOException {
        jpeg(root.resolve("a.jpg"), 10, 10, 1000L);
        try (MediaLibrary library = open()) {
            assertThatThrownBy(() -> library.getAssets(
                            AssetQuery.builder().after("garbage!").build()))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("after");
            assertThatThrownBy(() ->
                            library.getAssets(AssetQuery.builder().album("nope").build()))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("album");
            String cursor = library.getAssets(AssetQuery.builder().build()).endCursor();
            assertThatThrownBy(() -> library.getAssets(AssetQuery.builder()
                            .after(cursor)
                            .sortBy(SortKey.asc(SortField.WIDTH))
                            .build()))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("another sort order");
            assertThat(library.getAssetInfo("0000000000000")).isNull();
            assertThat(library.getAssetInfo("../../etc/passwd")).isNull();
            assertThat(library.getAssetInfo("")).isNull();
            assertThat(library.getAssetInfo(null)).isNull();
        }
    }

    static void jpeg(Path file, int width, int height, long mtime) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, (int) (mtime & 0xffffff));
        ImageIO.write(image, "jpg", file.toFile());
        Files.setLastModifiedTime(file, FileTime.fromMillis(mtime));
    }

    static Set<String> ids(AssetPage page) {
        Set<String> ids = new HashSet<>();
        page.assets().forEach(asset -> ids.add(asset.id()));
        return ids;
    }
}
