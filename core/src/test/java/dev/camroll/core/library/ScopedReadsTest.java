package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.Album;
import dev.camroll.api.AlbumType;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.AssetSource;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaType;
import dev.camroll.core.access.PhotosOnlyScope;
import dev.camroll.core.access.Scope;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads through a scope, on a real library: the owner's view sees what the library sees, and a
 * scope that sees photos only is shown no video on any read path (a listing, its counts, a get by
 * id, the albums and their counts, changes since a token, the trash).
 */
class ScopedReadsTest {
    @TempDir
    Path root;

    @TempDir
    Path outside;

    private LocalMediaLibrary library;
    private ScopedLibrary photos;
    private String beach;
    private String clip;

    @BeforeEach
    void open() {
        TestMedia.jpeg(root.resolve("Trips/beach.jpg"), 40, 30);
        TestMedia.video(root.resolve("Trips/clip.mp4"), 1, 64, 48);
        TestMedia.video(root.resolve("Clips/only.mp4"), 1, 64, 48);
        library = LocalMediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
        photos = library.scoped(new PhotosOnlyScope());
        Map<String, String> ids = idsByName(library);
        beach = ids.get("beach.jpg");
        clip = ids.get("clip.mp4");
    }

    @AfterEach
    void close() {
        photos.close();
        library.close();
    }

    @Test
    void theOwnersViewSeesWhatTheLibrarySees() {
        try (ScopedLibrary owner = library.scoped(Scope.owner())) {
            assertThat(owner.scope()).isEqualTo(Scope.owner());
            assertThat(owner.getAssets(EVERYTHING)).isEqualTo(library.getAssets(EVERYTHING));
            assertThat(owner.getAssets(EVERYTHING).totalCount()).isEqualTo(3);
            assertThat(owner.getAlbums(true)).isEqualTo(library.getAlbums(true));
            assertThat(owner.getAssetInfo(clip)).isEqualTo(library.getAssetInfo(clip));
        }
        // Closing a view leaves the library open.
        assertThat(library.getAssets(EVERYTHING).totalCount()).isEqualTo(3);
    }

    @Test
    void assetsByIdAnswerOnlyWhatTheScopeSeesInTheOrderAsked() {
        assertThat(photos.assetsById(List.of(clip, beach, "aaaaaaaaaaaaa", beach)))
                .extracting(Asset::id)
                .containsExactly(beach);
        try (ScopedLibrary owner = library.scoped(Scope.owner())) {
            assertThat(owner.assetsById(List.of(clip, beach)))
                    .extracting(Asset::id)
                    .containsExactly(clip, beach);
            assertThat(owner.assetsById(List.of(beach)).getFirst())
                    .isEqualTo(library.getAssetInfo(beach).asset());
        }
    }

    @Test
    void aListingAndItsCountsShowOnlyWhatTheScopeSees() {
        assertThat(photos.getAssets(EVERYTHING).assets()).extracting(Asset::id).containsExactly(beach);
        // The counters count every asset of a folder: a limited scope must not be answered by them.
        assertThat(photos.getAssets(EVERYTHING).totalCount()).isEqualTo(1);
        String trips = library.getAlbum("Trips").id();
        AssetQuery inTrips = AssetQuery.builder()
                .album(trips)
                .mediaTypes(MediaType.PHOTO, MediaType.VIDEO)
                .build();
        assertThat(library.getAssets(inTrips).totalCount()).isEqualTo(2);
        assertThat(photos.getAssets(inTrips).totalCount()).isEqualTo(1);
        AssetQuery datedVideos = AssetQuery.builder()
                .mediaTypes(MediaType.VIDEO)
                .createdAfter(0L)
                .createdBefore(System.currentTimeMillis() + 86_400_000L * 10)
                .build();
        assertThat(library.getAssets(datedVideos).totalCount()).isEqualTo(2);
        assertThat(photos.getAssets(datedVideos).totalCount()).isZero();
        assertThat(photos.getAssets(datedVideos).assets()).isEmpty();
    }

    @Test
    void aHiddenAssetLooksMissingWhenAskedForById() {
        assertThat(library.getAssetInfo(clip)).isNotNull();
        assertThat(photos.getAssetInfo(clip)).isNull();
        assertThat(photos.getAssetInfo(beach).asset().id()).isEqualTo(beach);
        assertThat(photos.original(clip)).isEmpty();
        assertThat(photos.original(beach)).isPresent();
        // As a cursor, a hidden id is no asset's id: refused as a made-up one is.
        AssetQuery afterClip = AssetQuery.builder().after(clip).build();
        assertThatThrownBy(() -> photos.getAssets(afterClip)).isInstanceOf(InvalidArgumentException.class);
        assertThat(library.getAssets(afterClip).assets()).isNotNull();
    }

    @Test
    void albumsCountAndListOnlyWhatTheScopeSees() {
        Map<String, Integer> ownerCounts = counts(library.getAlbums(true));
        assertThat(ownerCounts)
                .containsEntry("Trips", 2)
                .containsEntry("Clips", 1)
                .containsEntry("Recents", 3);
        Map<String, Integer> photoCounts = counts(photos.getAlbums(true));
        assertThat(photoCounts)
                .containsEntry("Trips", 1)
                .containsEntry("Recents", 1)
                .doesNotContainKey("Clips");
        assertThat(photos.getAlbum("Clips")).isNull();
        String clips = library.getAlbum("Clips").id();
        AssetQuery inClips = AssetQuery.builder().album(clips).build();
        assertThatThrownBy(() -> photos.getAssets(inClips))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("album: no album with id '" + clips + "'");
    }

    @Test
    void changesSinceATokenTellOnlyOfWhatTheScopeSees() {
        String token = photos.changeToken();
        Asset photo = library.createAsset(AssetSource.bytes("new.jpg", TestMedia.jpegBytes(8, 8)), null);
        Asset video = library.createAsset(AssetSource.file(TestMedia.video(outside.resolve("v.mp4"), 1, 32, 32)), null);
        library.setFavorite(clip, true);
        library.setFavorite(beach, true);

        ChangeSet seen = photos.changesSince(token);
        assertThat(seen.hasIncrementalChanges()).isTrue();
        assertThat(seen.insertedAssets()).containsExactly(photo.id());
        assertThat(seen.updatedAssets()).containsExactly(beach);
        ChangeSet all = library.changesSince(token);
        assertThat(all.insertedAssets()).containsExactlyInAnyOrder(photo.id(), video.id());
        assertThat(all.updatedAssets()).containsExactlyInAnyOrder(beach, clip);

        String beforeDeletes = photos.changeToken();
        library.deleteAssets(List.of(clip, beach));
        assertThat(photos.changesSince(beforeDeletes).deletedAssets()).containsExactly(beach);
        assertThat(library.changesSince(beforeDeletes).deletedAssets()).containsExactlyInAnyOrder(beach, clip);
    }

    @Test
    void theTrashListsOnlyWhatTheScopeSees() {
        library.deleteAssets(List.of(clip, beach));
        assertThat(library.trashedAssets()).containsExactlyInAnyOrder(clip, beach);
        assertThat(photos.trashedAssets()).containsExactly(beach);

        // Emptying the trash through the scope purges what it sees, nothing else.
        photos.purgeTrash();
        assertThat(library.trashedAssets()).containsExactly(clip);
        library.restoreAssets(List.of(clip));
        assertThat(library.getAssetInfo(clip)).isNotNull();
    }

    @Test
    void aScopedListenerHearsOnlyOfWhatTheScopeSees() throws InterruptedException {
        BlockingQueue<ChangeSet> heard = new LinkedBlockingQueue<>();
        photos.addListener(heard::add);
        Asset video = library.createAsset(AssetSource.file(TestMedia.video(outside.resolve("v.mp4"), 1, 32, 32)), null);
        Asset photo = library.createAsset(AssetSource.bytes("new.jpg", TestMedia.jpegBytes(8, 8)), null);
        List<String> told = new ArrayList<>();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!told.contains(photo.id()) && System.nanoTime() < deadline) {
            ChangeSet changes = heard.poll(100, TimeUnit.MILLISECONDS);
            if (changes != null) {
                told.addAll(changes.insertedAssets());
                told.addAll(changes.updatedAssets());
                told.addAll(changes.deletedAssets());
            }
        }
        assertThat(told).contains(photo.id()).doesNotContain(video.id());

        // Removing the view's listeners leaves the library's own.
        BlockingQueue<ChangeSet> ownerHeard = new LinkedBlockingQueue<>();
        library.addListener(ownerHeard::add);
        photos.removeAllListeners();
        heard.clear();
        library.setFavorite(photo.id(), true);
        assertThat(ownerHeard.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(heard.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    private static Map<String, String> idsByName(LocalMediaLibrary library) {
        return library.getAssets(EVERYTHING).assets().stream().collect(Collectors.toMap(Asset::filename, Asset::id));
    }

    private static Map<String, Integer> counts(List<Album> albums) {
        return albums.stream()
                .filter(album ->
                        album.type() == AlbumType.ALBUM || album.title().equals("Recents"))
                .collect(Collectors.toMap(Album::title, Album::assetCount, (a, b) -> a));
    }
}
