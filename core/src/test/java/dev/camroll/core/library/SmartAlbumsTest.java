package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.Album;
import dev.camroll.api.AlbumType;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smart albums of the subtypes, over a library of real phone files. */
class SmartAlbumsTest {

    private static final LibraryOptions NO_WATCH =
            LibraryOptions.defaults().withWatch(false).withScanOnOpen(false);

    @TempDir
    Path root;

    @Test
    void subtypeAlbumsHoldTheirAssetsAndEmptyOnesAreLeftOut() throws Exception {
        Files.createDirectories(root.resolve("DCIM"));
        Files.copy(TestMedia.corpus("exif-samples/heic/IMG_5195.HEIC"), root.resolve("DCIM/IMG_5195.HEIC"));
        Files.copy(TestMedia.corpus("exif-samples/jpg/hdr/iphone_hdr_YES.jpg"), root.resolve("DCIM/IMG_0002.jpg"));
        TestMedia.jpeg(root.resolve("DCIM/plain.jpg"), 40, 30);
        // As Android's camera writes a slow-motion clip: captured at 240 fps (the test video plays at 10).
        TestMedia.video(
                root.resolve("DCIM/slowmo.mp4"),
                0.5,
                32,
                32,
                TestMedia.VideoSpec.PLAIN.withTag("com.android.capture.fps", "240.000000"));

        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
            List<Album> smart = library.getAlbums(true).stream()
                    .filter(album -> album.type() == AlbumType.SMART)
                    .toList();

            assertThat(smart)
                    .extracting(Album::id, Album::assetCount)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("smart-favorites", 0),
                            org.assertj.core.groups.Tuple.tuple("smart-recents", 4),
                            org.assertj.core.groups.Tuple.tuple("smart-videos", 1),
                            org.assertj.core.groups.Tuple.tuple("smart-live-photos", 1),
                            org.assertj.core.groups.Tuple.tuple("smart-slo-mo", 1));
            assertThat(library.getAssets(AssetQuery.builder()
                                    .album("smart-slo-mo")
                                    .mediaTypes(java.util.EnumSet.of(dev.camroll.api.MediaType.VIDEO))
                                    .build())
                            .assets())
                    .extracting(Asset::filename)
                    .containsExactly("slowmo.mp4");
            assertThat(library.getAssets(AssetQuery.builder()
                                    .album("smart-live-photos")
                                    .build())
                            .assets())
                    .extracting(Asset::filename)
                    .containsExactly("IMG_5195.HEIC");
            assertThat(library.getAlbum("Live Photos").id()).isEqualTo("smart-live-photos");
            assertThat(library.getAssets(
                                    AssetQuery.builder().album("smart-bursts").build())
                            .totalCount())
                    .as("an empty smart album is still a valid album to list")
                    .isZero();
            String plain = library.getAssets(AssetQuery.builder().build()).assets().stream()
                    .filter(asset -> asset.filename().equals("plain.jpg"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            assertThatThrownBy(() -> library.addAssetsToAlbum(List.of(plain), "smart-live-photos", false))
                    .isInstanceOf(InvalidArgumentException.class);
        }
    }

    @Test
    void videosSelfiesScreenRecordingsAnimatedAndRawHaveTheirAlbums() throws Exception {
        Files.createDirectories(root.resolve("DCIM"));
        TestMedia.jpeg(root.resolve("DCIM/plain.jpg"), 40, 30);
        TestMedia.video(root.resolve("DCIM/IMG_0001.MOV"), 0.2, 32, 32);
        // As an iPhone's front camera records: Apple's camera identifier key.
        TestMedia.video(
                root.resolve("DCIM/IMG_0002.MOV"),
                0.2,
                32,
                32,
                TestMedia.VideoSpec.PLAIN.withTag("com.apple.quicktime.camera.identifier", "Front"));
        TestMedia.video(root.resolve("DCIM/RPReplay_Final1612345678.MP4"), 0.2, 32, 32);
        TestMedia.animatedGif(root.resolve("DCIM/loop.gif"), 20, 10, 3);
        TestMedia.tiff(root.resolve("DCIM/IMG_0003.DNG"), 40, 30);

        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
            List<Album> smart = library.getAlbums(true).stream()
                    .filter(album -> album.type() == AlbumType.SMART)
                    .toList();

            assertThat(smart)
                    .extracting(Album::id, Album::title, Album::assetCount)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("smart-favorites", "Favorites", 0),
                            org.assertj.core.groups.Tuple.tuple("smart-recents", "Recents", 6),
                            org.assertj.core.groups.Tuple.tuple("smart-videos", "Videos", 3),
                            org.assertj.core.groups.Tuple.tuple("smart-selfies", "Selfies", 1),
                            org.assertj.core.groups.Tuple.tuple("smart-screen-recordings", "Screen Recordings", 1),
                            org.assertj.core.groups.Tuple.tuple("smart-animated", "Animated", 1),
                            org.assertj.core.groups.Tuple.tuple("smart-raw", "RAW", 1));
            assertThat(filenames(library, "smart-videos"))
                    .containsExactlyInAnyOrder("IMG_0001.MOV", "IMG_0002.MOV", "RPReplay_Final1612345678.MP4");
            assertThat(filenames(library, "smart-selfies")).containsExactly("IMG_0002.MOV");
            assertThat(filenames(library, "smart-screen-recordings")).containsExactly("RPReplay_Final1612345678.MP4");
            assertThat(filenames(library, "smart-animated")).containsExactly("loop.gif");
            assertThat(filenames(library, "smart-raw")).containsExactly("IMG_0003.DNG");
            assertThat(library.getAssets(AssetQuery.builder()
                                    .album("smart-videos")
                                    .mediaTypes(java.util.EnumSet.of(dev.camroll.api.MediaType.PHOTO))
                                    .build())
                            .totalCount())
                    .as("the Videos album asked for photos")
                    .isZero();
            assertThat(library.getAlbum("Videos").id()).isEqualTo("smart-videos");
        }
    }

    private static List<String> filenames(MediaLibrary library, String album) {
        return library
                .getAssets(AssetQuery.builder()
                        .album(album)
                        .mediaTypes(java.util.EnumSet.allOf(dev.camroll.api.MediaType.class))
                        .build())
                .assets()
                .stream()
                .map(Asset::filename)
                .toList();
    }
}
