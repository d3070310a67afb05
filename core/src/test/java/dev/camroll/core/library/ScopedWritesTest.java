package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetSource;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.NotFoundException;
import dev.camroll.core.access.PhotosOnlyScope;
import dev.camroll.core.testing.TestMedia;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes through a scope that sees photos only, on a real library: an asset or album it does not
 * see is refused exactly as a missing one is (the same exception, the same words), and nothing of
 * it changes.
 */
class ScopedWritesTest {
    /** A well-formed id that no asset has. */
    private static final String MADE_UP = "aaaaaaaaaaaaa";

    @TempDir
    Path root;

    @TempDir
    Path outside;

    @Test
    void aHiddenAssetOrAlbumIsRefusedAsAMissingOne() {
        TestMedia.jpeg(root.resolve("Trips/beach.jpg"), 40, 30);
        TestMedia.video(root.resolve("Trips/clip.mp4"), 1, 64, 48);
        TestMedia.video(root.resolve("Clips/only.mp4"), 1, 64, 48);
        try (LocalMediaLibrary library =
                        LocalMediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
                ScopedLibrary photos = library.scoped(new PhotosOnlyScope())) {
            Map<String, String> ids = library.getAssets(EVERYTHING).assets().stream()
                    .collect(Collectors.toMap(Asset::filename, Asset::id));
            String clip = ids.get("clip.mp4");
            String beach = ids.get("beach.jpg");
            String trips = library.getAlbum("Trips").id();
            String clips = library.getAlbum("Clips").id();

            assertRefusedLikeMissing("asset", clip, id -> () -> photos.setFavorite(id, true));
            assertRefusedLikeMissing("asset", clip, id -> () -> photos.deleteAssets(List.of(id)));
            assertRefusedLikeMissing("asset", clip, id -> () -> photos.addAssetsToAlbum(List.of(id), trips, false));
            assertRefusedLikeMissing("asset", clip, id -> () -> photos.addAssetsToAlbum(List.of(id), trips, true));
            assertRefusedLikeMissing("asset", clip, id -> () -> photos.createAlbum("New", id, false, null));
            assertRefusedLikeMissing("album", clips, id -> () -> photos.addAssetsToAlbum(List.of(beach), id, false));
            assertRefusedLikeMissing("album", clips, id -> () -> photos.deleteAlbums(List.of(id), true));
            assertRefusedLikeMissing("album", clips, id -> () -> photos.albumNeedsMigration(id));

            library.deleteAssets(List.of(clip));
            assertRefusedLikeMissing("trashed asset", clip, id -> () -> photos.restoreAssets(List.of(id)));

            // Nothing of the hidden assets changed; the owner still has them where they were.
            library.restoreAssets(List.of(clip));
            assertThat(library.getAssetInfo(clip).asset().albumId()).isEqualTo(trips);
            assertThat(library.getAssetInfo(clip).isFavorite()).isFalse();
            assertThat(library.getAlbum("New")).isNull();
            assertThat(library.getAssets(EVERYTHING).totalCount()).isEqualTo(3);

            // What the scope sees it may change.
            photos.setFavorite(beach, true);
            assertThat(library.getAssetInfo(beach).isFavorite()).isTrue();
            photos.deleteAssets(List.of(beach));
            assertThat(photos.trashedAssets()).containsExactly(beach);
            photos.restoreAssets(List.of(beach));
            assertThat(photos.getAssetInfo(beach)).isNotNull();
        }
    }

    @Test
    void aLimitedScopeNamesByPathOnlyTheFilesOfAssetsItSees() {
        TestMedia.jpeg(root.resolve("Trips/beach.jpg"), 40, 30);
        Path clipFile = TestMedia.video(root.resolve("Trips/clip.mp4"), 1, 64, 48);
        Path outsideFile = TestMedia.jpeg(outside.resolve("private.jpg"), 20, 20);
        try (LocalMediaLibrary library =
                        LocalMediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
                ScopedLibrary photos = library.scoped(new PhotosOnlyScope())) {
            Asset beach = photos.getAssets(EVERYTHING).assets().getFirst();
            String trips = beach.albumId();

            // The file of an asset it sees: a copy, as addAssetsToAlbum with copy makes one.
            Asset copy = photos.createAsset(AssetSource.file(Path.of(URI.create(beach.uri()))), trips);
            assertThat(copy.filename()).isEqualTo("beach (1).jpg");

            // A hidden asset's file, a file outside the library, a missing one: refused alike.
            for (Path file : List.of(clipFile, outsideFile, root.resolve("Trips/none.jpg"))) {
                assertThatThrownBy(() -> photos.createAsset(AssetSource.file(file), null))
                        .isInstanceOf(InvalidArgumentException.class)
                        .hasMessage("source: " + file.getFileName()
                                + ": not the file of an asset you can see; send the file's bytes instead");
                assertThatThrownBy(() -> photos.createAlbum(
                                "New", null, false, file.toUri().toString()))
                        .isInstanceOf(InvalidArgumentException.class)
                        .hasMessageEndingWith("send the file's bytes instead");
            }
            assertThat(library.getAlbum("New")).isNull();
            assertThat(root.resolve("New")).doesNotExist();
            assertThat(library.getAssets(EVERYTHING).totalCount()).isEqualTo(3);

            // Bytes are the way a limited scope adds its own files; the owner may name any file.
            photos.createAsset(AssetSource.bytes("mine.jpg", TestMedia.jpegBytes(8, 8)), null);
            library.createAsset(AssetSource.file(outsideFile), null);
            assertThat(library.getAssets(EVERYTHING).totalCount()).isEqualTo(5);
        }
    }

    /** The hidden id gives the exception and words a made-up id gives, with its own id. */
    private static void assertRefusedLikeMissing(
            String what, String hiddenId, Function<String, ThrowingCallable> call) {
        Throwable missing = catchThrowable(call.apply(MADE_UP));
        assertThat(missing).isInstanceOf(NotFoundException.class).hasMessage("no " + what + " with id " + MADE_UP);
        assertThatThrownBy(call.apply(hiddenId))
                .isExactlyInstanceOf(missing.getClass())
                .hasMessage(missing.getMessage().replace(MADE_UP, hiddenId));
    }
}
