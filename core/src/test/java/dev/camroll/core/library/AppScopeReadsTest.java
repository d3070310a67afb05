package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.Album;
import dev.camroll.api.AlbumType;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.AssetSource;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.NotFoundException;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.ConsentAnswer;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.Selection;
import dev.camroll.core.media.ThumbnailSize;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each state of an app lets it see, on a real library: every read path (a listing, its
 * count, a get by id, the original and thumbnail, albums and their counts, the trash) shows the
 * app exactly its scope, and an item outside it looks like one that does not exist.
 */
class AppScopeReadsTest {
    private static final Set<GranularPermission> ALL_TYPES = Set.of(GranularPermission.values());

    @TempDir
    Path root;

    private LocalMediaLibrary library;
    private AppGrants grants;
    private final AppId app = new AppId("app");
    private ScopedLibrary seen;
    private String beach;
    private String dunes;
    private String clip;
    private String cat;

    @BeforeEach
    void open() {
        TestMedia.jpeg(root.resolve("Trips/beach.jpg"), 40, 30);
        TestMedia.jpeg(root.resolve("Trips/dunes.jpg"), 40, 30);
        TestMedia.video(root.resolve("Trips/clip.mp4"), 1, 64, 48);
        TestMedia.jpeg(root.resolve("Home/cat.jpg"), 40, 30);
        library = LocalMediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
        grants = library.grants();
        seen = library.forApp(app);
        Map<String, String> ids =
                library.getAssets(EVERYTHING).assets().stream().collect(Collectors.toMap(Asset::filename, Asset::id));
        beach = ids.get("beach.jpg");
        dunes = ids.get("dunes.jpg");
        clip = ids.get("clip.mp4");
        cat = ids.get("cat.jpg");
    }

    @AfterEach
    void close() {
        seen.close();
        library.close();
    }

    @Test
    void aLimitedAppSeesItsSelectedItemsOnlyAndTheRestLooksMissing() {
        grants.set(app, Grant.limited(ALL_TYPES, false), new Selection(Set.of(beach, clip), Set.of()));
        assertThat(ids(seen)).containsExactlyInAnyOrder(beach, clip);
        assertThat(seen.getAssets(EVERYTHING).totalCount()).isEqualTo(2);
        // Albums: counted over what the app sees; one holding nothing it sees is not listed.
        assertThat(folderCounts(seen)).containsExactly(Map.entry("Trips", 2));
        assertThat(seen.getAlbum("Home")).isNull();
        String trips = library.getAlbum("Trips").id();
        AssetQuery inTrips = EVERYTHING.toBuilder().album(trips).first(10).build();
        assertThat(seen.getAssets(inTrips).totalCount()).isEqualTo(2);
        // By id: as if it did not exist.
        assertThat(seen.getAssetInfo(cat)).isNull();
        assertThat(seen.getAssetInfo(dunes)).isNull();
        assertThat(seen.original(cat)).isEmpty();
        assertThat(seen.thumbnail(cat, ThumbnailSize.GRID)).isEmpty();
        assertThat(seen.getAssetInfo(beach).asset().id()).isEqualTo(beach);
        assertThat(seen.original(beach)).isPresent();
        assertThat(seen.thumbnail(beach, ThumbnailSize.GRID)).isPresent();
    }

    @Test
    void anAlbumSelectedWholeShowsWhatIsAddedToItLater() {
        String trips = library.getAlbum("Trips").id();
        grants.set(app, Grant.limited(ALL_TYPES, false), new Selection(Set.of(), Set.of(trips)));
        assertThat(ids(seen)).containsExactlyInAnyOrder(beach, dunes, clip);
        library.addAssetsToAlbum(List.of(cat), trips, false);
        assertThat(ids(seen)).containsExactlyInAnyOrder(beach, dunes, clip, cat);
        assertThat(folderCounts(seen)).containsExactly(Map.entry("Trips", 4));
        // An item taken out of the album leaves the app's view.
        library.removeAssetsFromAlbum(List.of(dunes), trips);
        assertThat(ids(seen)).containsExactlyInAnyOrder(beach, clip, cat);
        assertThat(seen.getAssetInfo(dunes)).isNull();
    }

    @Test
    void theTrashShowsTheAppOnlyWhatItWouldSee() {
        String trips = library.getAlbum("Trips").id();
        grants.set(app, Grant.limited(ALL_TYPES, false), new Selection(Set.of(cat), Set.of(trips)));
        library.deleteAssets(List.of(beach, cat));
        TestMedia.jpeg(root.resolve("Other/owl.jpg"), 40, 30);
        library.scan(null);
        String owl = library.getAssets(EVERYTHING).assets().stream()
                .filter(asset -> asset.filename().equals("owl.jpg"))
                .findFirst()
                .orElseThrow()
                .id();
        library.deleteAssets(List.of(owl));
        assertThat(library.trashedAssets()).containsExactlyInAnyOrder(beach, cat, owl);
        assertThat(seen.trashedAssets()).containsExactlyInAnyOrder(beach, cat);
    }

    @Test
    void anAppGrantedPhotosOnlySeesEveryPhotoAndNoVideo() {
        grants.set(app, Grant.all(Set.of(GranularPermission.PHOTO), false));
        assertThat(ids(seen)).containsExactlyInAnyOrder(beach, dunes, cat);
        assertThat(seen.getAssets(EVERYTHING).totalCount()).isEqualTo(3);
        assertThat(seen.getAssetInfo(clip)).isNull();
        assertThat(folderCounts(seen)).containsOnly(Map.entry("Home", 1), Map.entry("Trips", 2));
    }

    @Test
    void anAppAllowedEverythingSeesWhatTheOwnerSees() {
        grants.set(app, Grant.all(ALL_TYPES, true));
        assertThat(seen.getAssets(EVERYTHING)).isEqualTo(library.getAssets(EVERYTHING));
        assertThat(folderCounts(seen)).isEqualTo(folderCounts(library));
    }

    @Test
    void anAddOnlyAppReadsOnlyWhatItCreated() {
        grants.set(app, Grant.writeOnly(ALL_TYPES));
        assertThat(ids(seen)).isEmpty();
        Asset created = seen.createAsset(AssetSource.bytes("new.jpg", TestMedia.jpegBytes(20, 10)), null);
        assertThat(ids(seen)).containsExactly(created.id());
        assertThat(seen.getAssets(EVERYTHING).totalCount()).isEqualTo(1);
        assertThat(seen.getAssetInfo(beach)).isNull();
        assertThat(library.getAssets(EVERYTHING).totalCount()).isEqualTo(5);
        assertThat(grants.created(app, created.id())).isTrue();
    }

    @Test
    void aLimitedAppSeesWhatItCreatedBesideItsSelection() {
        grants.set(app, Grant.limited(ALL_TYPES, false), new Selection(Set.of(beach), Set.of()));
        Asset created = seen.createAsset(AssetSource.bytes("new.jpg", TestMedia.jpegBytes(20, 10)), null);
        assertThat(ids(seen)).containsExactlyInAnyOrder(beach, created.id());
        // Another app does not see it.
        AppId other = new AppId("other");
        grants.set(other, Grant.limited(ALL_TYPES, false), new Selection(Set.of(beach), Set.of()));
        assertThat(ids(library.forApp(other))).containsExactly(beach);
    }

    @Test
    void latestSelectionOnlyGivesTheItemsOfTheMostRecentSelection() {
        AssetQuery latest = EVERYTHING.toBuilder().latestSelectionOnly(true).build();
        // Before any selection: everything the app sees.
        grants.set(app, Grant.all(ALL_TYPES, false));
        assertThat(seen.getAssets(latest).totalCount()).isEqualTo(4);

        grants.set(app, Grant.limited(ALL_TYPES, false), new Selection(Set.of(beach), Set.of()));
        String reselection = grants.requestReselection(app, ALL_TYPES).id();
        grants.answer(reselection, new ConsentAnswer.AllowSelected(Set.of(beach, cat, clip), Set.of(), false));
        assertThat(ids(seen)).containsExactlyInAnyOrder(beach, cat, clip);
        assertThat(seen.getAssets(latest).assets()).extracting(Asset::id).containsExactlyInAnyOrder(cat, clip);
        assertThat(seen.getAssets(latest).totalCount()).isEqualTo(2);
        assertThat(grants.selection(app).assetIds()).containsExactlyInAnyOrder(beach, cat, clip);
    }

    @Test
    void aSelectionNamingNoAssetIsRefusedAndChangesNothing() {
        grants.set(app, Grant.limited(ALL_TYPES, false), new Selection(Set.of(beach), Set.of()));
        long version = grants.grant(app).version();
        assertThatThrownBy(() ->
                        grants.set(app, Grant.limited(ALL_TYPES, false), new Selection(Set.of(cat, "nope"), Set.of())))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("nope");
        assertThat(ids(seen)).containsExactly(beach);
        assertThat(grants.grant(app).version()).isEqualTo(version);
    }

    private static List<String> ids(MediaLibrary library) {
        return library.getAssets(EVERYTHING).assets().stream().map(Asset::id).toList();
    }

    private static Map<String, Integer> folderCounts(MediaLibrary library) {
        return library.getAlbums(false).stream()
                .filter(album -> album.type() == AlbumType.ALBUM)
                .collect(Collectors.toMap(Album::title, Album::assetCount));
    }
}
