package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import dev.camroll.core.testing.LivePhotoFiles;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copying a Live Photo into an album copies its video too, beside the copy and paired with it
 * (new ids for both), all or nothing; real pairs ({@link LivePhotoFiles}) in a real library.
 */
class LivePhotoCopyTest {
    private static final LibraryOptions NO_WATCH =
            LibraryOptions.defaults().withWatch(false).withScanOnOpen(false);
    private static final String ID = "3C4D5E6F-7081-4293-A4B5-C6D7E8F90A1B";
    private static final AssetQuery EVERYTHING = AssetQuery.builder()
            .mediaTypes(EnumSet.of(MediaType.PHOTO, MediaType.VIDEO))
            .first(100)
            .build();

    @TempDir
    Path root;

    private MediaLibrary library;
    private String live;

    @BeforeEach
    void aLivePhotoAndAnAlbum() {
        LivePhotoFiles.still(root.resolve("DCIM/IMG_0001.JPG"), ID);
        LivePhotoFiles.video(root.resolve("DCIM/IMG_0001.MOV"), ID, 1.5);
        TestMedia.jpeg(root.resolve("Trip/other.jpg"), 40, 30);
    }

    @Test
    void aCopyIntoAnAlbumTakesTheVideoAlongPairedWithTheCopy() throws IOException {
        try (MediaLibrary library = opened()) {
            Album trip = library.getAlbum("Trip");

            library.addAssetsToAlbum(List.of(live), trip.id(), true);

            Asset copy = copyIn(library, "IMG_0001.JPG");
            assertThat(copy.id()).isNotEqualTo(live);
            assertThat(copy.mediaSubtypes()).contains(MediaSubtype.LIVE_PHOTO);
            assertPairedWith(library, copy.id(), "Trip/IMG_0001.MOV");
            assertPairedWith(library, live, "DCIM/IMG_0001.MOV");
            assertThat(library.getAssets(EVERYTHING).assets())
                    .extracting(Asset::filename)
                    .containsExactlyInAnyOrder("IMG_0001.JPG", "IMG_0001.JPG", "other.jpg");
            assertThat(library.scan(null))
                    .as("the index and the folders agree")
                    .extracting(report -> report.added() + report.changed() + report.removed())
                    .isEqualTo(0);
        }
    }

    @Test
    void aCopyBesideAClipOfTheVideosNameStillPairsWithItsOwnVideo() throws IOException {
        // A long clip of the video's name in the album: a video of its own, which the copy's
        // video must not replace nor be confused with.
        LivePhotoFiles.video(root.resolve("Trip/IMG_0001.MOV"), null, 12);
        try (MediaLibrary library = opened()) {
            library.addAssetsToAlbum(List.of(live), library.getAlbum("Trip").id(), true);

            Asset copy = copyIn(library, "IMG_0001.JPG");
            assertPairedWith(library, copy.id(), "Trip/IMG_0001 (1).MOV");
            assertThat(library.getAssets(EVERYTHING).assets())
                    .extracting(Asset::filename)
                    .containsExactlyInAnyOrder("IMG_0001.JPG", "IMG_0001.JPG", "IMG_0001.MOV", "other.jpg");
        }
    }

    @Test
    void aNewAlbumMadeWithACopyHoldsBothHalves() throws IOException {
        try (MediaLibrary library = opened()) {
            Album made = library.createAlbum("Best", live, true, null);

            Asset copy = copyIn(library, "IMG_0001.JPG");
            assertThat(made.title()).isEqualTo("Best");
            assertPairedWith(library, copy.id(), "Best/IMG_0001.MOV");
            assertThat(root.resolve("DCIM/IMG_0001.MOV")).exists();
        }
    }

    @Test
    void aCopyThatFailsLeavesNeitherHalfBehind() throws IOException {
        TestMedia.jpeg(root.resolve("DCIM/gone.jpg"), 20, 20);
        try (MediaLibrary library = opened()) {
            String gone = library.getAssets(EVERYTHING).assets().stream()
                    .filter(asset -> asset.filename().equals("gone.jpg"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            Files.delete(root.resolve("DCIM/gone.jpg"));

            assertThatThrownBy(() -> library.addAssetsToAlbum(
                            List.of(live, gone), library.getAlbum("Trip").id(), true))
                    .isInstanceOf(RuntimeException.class);

            assertThat(names(root.resolve("Trip"))).containsExactly("other.jpg");
            assertThat(library.getAssets(EVERYTHING).assets())
                    .extracting(Asset::filename)
                    .containsExactlyInAnyOrder("IMG_0001.JPG", "gone.jpg", "other.jpg");
            assertThat(library.scan(null).added()).isZero();
        }
    }

    private MediaLibrary opened() {
        library = MediaLibrary.open(root, NO_WATCH);
        library.scan(null);
        live = library.getAssets(EVERYTHING).assets().stream()
                .filter(asset -> asset.mediaSubtypes().contains(MediaSubtype.LIVE_PHOTO))
                .findFirst()
                .orElseThrow()
                .id();
        return library;
    }

    private Asset copyIn(MediaLibrary library, String filename) {
        return library.getAssets(EVERYTHING).assets().stream()
                .filter(asset ->
                        asset.filename().equals(filename) && !asset.id().equals(live))
                .findFirst()
                .orElseThrow();
    }

    private void assertPairedWith(MediaLibrary library, String photoId, String videoPath) {
        assertThat(library.getAssetInfo(photoId).pairedVideoUri())
                .isEqualTo(root.resolve(videoPath).toUri().toString());
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
