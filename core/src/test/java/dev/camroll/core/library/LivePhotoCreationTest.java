package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.AssetSource;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import dev.camroll.core.testing.LivePhotoFiles;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Live Photo's half created through the API pairs in the creation's own write, so that the
 * listing right after it shows one Live Photo, not a photo and a video; real pairs
 * ({@link LivePhotoFiles}) written into a real library.
 */
class LivePhotoCreationTest {
    private static final LibraryOptions NO_WATCH =
            LibraryOptions.defaults().withWatch(false).withScanOnOpen(false);
    private static final String ID = "0B1C2D3E-4F50-4617-8A9B-ACBDCEDFE0F1";
    private static final AssetQuery EVERYTHING = AssetQuery.builder()
            .mediaTypes(EnumSet.of(MediaType.PHOTO, MediaType.VIDEO))
            .first(100)
            .build();

    @TempDir
    Path root;

    @TempDir
    Path outside;

    @Test
    void aVideoCreatedBesideItsPhotoJoinsItAtOnce() {
        LivePhotoFiles.still(root.resolve("Trip/IMG_0001.JPG"), ID);
        Path video = LivePhotoFiles.video(outside.resolve("IMG_0001.MOV"), ID, 1.5);
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
            String photo = onlyAsset(library).id();
            Album trip = library.getAlbum("Trip");

            Asset created = library.createAsset(AssetSource.file(video), trip.id());

            assertThat(created.id()).as("the asset it became part of").isEqualTo(photo);
            Asset only = onlyAsset(library);
            assertThat(only.id()).isEqualTo(photo);
            assertThat(only.mediaSubtypes()).contains(MediaSubtype.LIVE_PHOTO);
            assertPairedWith(library, photo, "Trip/IMG_0001.MOV");
            assertThat(library.scan(null).added()).isZero();
        }
    }

    @Test
    void aPhotoCreatedBesideAnIndexedVideoTakesItAtOnce() {
        LivePhotoFiles.video(root.resolve("Trip/IMG_0002.MOV"), ID, 1.5);
        Path still = LivePhotoFiles.still(outside.resolve("IMG_0002.JPG"), ID);
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
            assertThat(onlyAsset(library).mediaType()).isEqualTo(MediaType.VIDEO);

            Asset created = library.createAsset(
                    AssetSource.file(still), library.getAlbum("Trip").id());

            Asset only = onlyAsset(library);
            assertThat(only.id()).isEqualTo(created.id());
            assertThat(only.mediaSubtypes()).contains(MediaSubtype.LIVE_PHOTO);
            assertPairedWith(library, created.id(), "Trip/IMG_0002.MOV");
        }
    }

    @Test
    void bothHalvesSavedByNameWithoutIdentifiersPairInTheDefaultAlbum() throws Exception {
        Path still = TestMedia.jpeg(outside.resolve("IMG_0003.JPG"), 40, 30);
        Path video = LivePhotoFiles.video(outside.resolve("IMG_0003.MOV"), null, 2);
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.saveToLibrary(AssetSource.file(still));
            library.saveToLibrary(AssetSource.bytes("IMG_0003.MOV", Files.readAllBytes(video)));

            Asset only = onlyAsset(library);
            assertThat(only.filename()).isEqualTo("IMG_0003.JPG");
            assertThat(library.getAssetInfo(only.id()).pairedVideoUri()).isNotNull();
        }
    }

    private void assertPairedWith(MediaLibrary library, String photoId, String videoPath) {
        assertThat(library.getAssetInfo(photoId).pairedVideoUri())
                .isEqualTo(root.resolve(videoPath).toUri().toString());
    }

    private static Asset onlyAsset(MediaLibrary library) {
        List<Asset> assets = library.getAssets(EVERYTHING).assets();
        assertThat(assets).hasSize(1);
        return assets.getFirst();
    }
}
