package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.AssetSource;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaType;
import dev.camroll.api.ScanProgress;
import dev.camroll.api.SortField;
import dev.camroll.api.SortKey;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.Selection;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A limited or add-only app's pages and counts walk the rows the index keeps for it (its view,
 * kept by triggers); here they are checked against what the grant says, worked out from the owner's
 * listing, after each kind of change to the assets and to the selection: a new selection of items
 * and albums, assets the app creates, moves between folders (into and out of a folder selected
 * whole), the trash and a restore, a file the scan finds, a file whose date changes, and a grant
 * that turns add-only.
 */
class AppViewTest {
    private static final Set<GranularPermission> ALL_TYPES = Set.of(GranularPermission.values());

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    private LocalMediaLibrary library;
    private ScopedLibrary seen;
    private final AppId app = new AppId("viewer");
    private final Random random = new Random(5);
    private int made;

    // What the grant says, kept by the test: the app sees these items, these albums' items, and what it made.
    private Set<String> selectedItems = Set.of();
    private Set<String> selectedAlbums = Set.of();
    private final Set<String> created = new HashSet<>();
    private Set<MediaType> types = Set.of(MediaType.values());
    private boolean writeOnly;

    @BeforeEach
    void open() {
        for (String folder : List.of("Trips", "Home", "Work")) {
            for (int i = 0; i < 12; i++) {
                photo(root.resolve(folder).resolve(folder + "-" + i + ".jpg"));
            }
        }
        TestMedia.video(root.resolve("Trips/clip.mp4"), 1, 64, 48);
        library = LocalMediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
        seen = library.forApp(app);
    }

    @AfterEach
    void close() {
        seen.close();
        library.close();
    }

    @Test
    void theAppsPagesAndCountsAreWhatItsGrantSaysAfterEveryKindOfChange() throws Exception {
        List<Asset> all = owners();
        String trips = library.getAlbum("Trips").id();
        String home = library.getAlbum("Home").id();
        String work = library.getAlbum("Work").id();

        select(Set.of(pick(all), pick(all), pick(all), idOf(all, "clip.mp4")), Set.of(trips));
        check("a selection of items and a folder");

        for (int i = 0; i < 3; i++) {
            Path made = photo(elsewhere.resolve("made-" + i + ".jpg"));
            Asset mine =
                    seen.createAsset(AssetSource.bytes(made.getFileName().toString(), Files.readAllBytes(made)), null);
            created.add(mine.id());
        }
        check("assets the app created");

        // Out of the folder selected whole, and into it.
        String leaving = firstIn(owners(), trips, id -> !selectedItems.contains(id));
        library.addAssetsToAlbum(List.of(leaving), home, false);
        String arriving = firstIn(owners(), home, id -> !selectedItems.contains(id) && !id.equals(leaving));
        library.addAssetsToAlbum(List.of(arriving), trips, false);
        check("moves out of and into a folder selected whole");

        String selectedOne = selectedItems.iterator().next();
        library.deleteAssets(List.of(selectedOne, arriving));
        check("the trash");
        library.restoreAssets(List.of(selectedOne, arriving));
        check("a restore");

        photo(root.resolve("Trips/found.jpg"));
        Path redated = root.resolve("Home/Home-3.jpg");
        TestMedia.jpegWithExif(
                redated,
                48,
                32,
                TestMedia.ExifSpec.builder()
                        .dateTimeOriginal(LocalDateTime.of(2001, 1, 1, 12, 0))
                        .offsetTimeOriginal("+00:00")
                        .build());
        library.scan(ScanProgress.NONE);
        check("a file found by the scan and a file with a new date");

        select(Set.of(pick(owners()), pick(owners()), arriving), Set.of(home, work));
        check("a new selection");

        types = Set.of(MediaType.PHOTO);
        library.grants()
                .set(
                        app,
                        Grant.limited(Set.of(GranularPermission.PHOTO), false),
                        new Selection(selectedItems, selectedAlbums));
        check("photos only");

        writeOnly = true;
        types = Set.of(MediaType.values());
        library.grants().set(app, Grant.writeOnly(ALL_TYPES));
        check("add-only");
    }

    private void select(Set<String> items, Set<String> albums) {
        selectedItems = items;
        selectedAlbums = albums;
        library.grants().set(app, Grant.limited(ALL_TYPES, false), new Selection(items, albums));
    }

    /** The app's listing, paged and whole, its count and its albums, against the grant applied to the owner's. */
    private void check(String after) {
        List<String> expected = owners().stream()
                .filter(asset -> types.contains(asset.mediaType()))
                .filter(asset -> created.contains(asset.id())
                        || (!writeOnly
                                && (selectedItems.contains(asset.id()) || selectedAlbums.contains(asset.albumId()))))
                .map(Asset::id)
                .toList();
        AssetPage whole = seen.getAssets(newestFirst().build());
        assertThat(whole.assets().stream().map(Asset::id).toList())
                .as("the app's listing after " + after)
                .containsExactlyElementsOf(expected);
        assertThat(whole.totalCount()).as("its count after " + after).isEqualTo(expected.size());
        assertThat(paged(newestFirst().first(4).build()))
                .as("page by page after " + after)
                .isEqualTo(expected);
        assertThat(paged(newestFirst()
                        .sortBy(SortKey.asc(SortField.CREATION_TIME))
                        .first(5)
                        .build()))
                .as("oldest first after " + after)
                .isEqualTo(expected.reversed());
        Map<String, Integer> albums = new TreeMap<>();
        for (Asset asset : owners()) {
            if (expected.contains(asset.id())) {
                albums.merge(asset.albumId(), 1, Integer::sum);
            }
        }
        Map<String, Integer> served = new TreeMap<>();
        for (Album album : seen.getAlbums(false)) {
            served.put(album.id(), album.assetCount());
        }
        assertThat(served).as("its albums after " + after).isEqualTo(albums);
    }

    private List<String> paged(AssetQuery query) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            AssetPage page = seen.getAssets(query.toBuilder().after(cursor).build());
            page.assets().forEach(asset -> ids.add(asset.id()));
            cursor = page.hasNextPage() ? page.endCursor() : null;
        } while (cursor != null);
        return ids;
    }

    private static AssetQuery.Builder newestFirst() {
        return EVERYTHING.toBuilder().sortBy(SortKey.desc(SortField.CREATION_TIME));
    }

    private List<Asset> owners() {
        return library.getAssets(newestFirst().build()).assets();
    }

    private String pick(List<Asset> assets) {
        return assets.get(random.nextInt(assets.size())).id();
    }

    private static String idOf(List<Asset> assets, String filename) {
        return assets.stream()
                .filter(asset -> asset.filename().equals(filename))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private static String firstIn(List<Asset> assets, String album, Predicate<String> which) {
        return assets.stream()
                .filter(asset -> asset.albumId().equals(album))
                .map(Asset::id)
                .filter(which)
                .findFirst()
                .orElseThrow();
    }

    /** A photo dated a day apart from the others, so that the order is the dates'. */
    private Path photo(Path target) {
        made++;
        try {
            Files.createDirectories(target.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return TestMedia.jpegWithExif(
                target,
                48,
                32,
                TestMedia.ExifSpec.builder()
                        .dateTimeOriginal(LocalDateTime.of(2020, 1, 1, 12, 0).plusDays(made * 7L % 97))
                        .offsetTimeOriginal("+00:00")
                        .build());
    }
}
