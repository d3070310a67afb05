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
}
