package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.core.access.Scope;
import dev.camroll.core.media.CachedThumbnail;
import dev.camroll.core.media.ThumbnailSize;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.EnumSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An audio asset's info carries its tags, and its cover art is its thumbnail. */
class LibraryAudioTagsTest {
    @TempDir
    Path root;

    private String idOf(MediaLibrary library, String filename) {
        return library
                .getAssets(AssetQuery.builder()
                        .first(100)
                        .mediaTypes(EnumSet.allOf(MediaType.class))
                        .build())
                .assets()
                .stream()
                .filter(asset -> asset.filename().equals(filename))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void theInfoOfAnAudioAssetHasItsTagsAndOthersHaveNone() {
        TestMedia.audio(
                root.resolve("music/song.ogg"),
                1,
                TestMedia.AudioSpec.PLAIN
                        .withTag("title", "Night Bus")
                        .withTag("artist", "Quiet Street")
                        .withTag("album", "Late")
                        .withTag("track", "2")
                        .withTag("date", "2021")
                        .withCoverArt());
        TestMedia.audio(root.resolve("music/untagged.mp3"), 1);
        TestMedia.jpeg(root.resolve("photo.jpg"), 64, 48);
        try (MediaLibrary library = MediaLibrary.open(root, LibraryOptions.defaults())) {
            AssetInfo song = library.getAssetInfo(idOf(library, "song.ogg"));
            assertThat(song.audioTags())
                    .isEqualTo(new AssetInfo.AudioTags("Night Bus", "Quiet Street", "Late", 2, 2021, null));
            assertThat(library.getAssetInfo(idOf(library, "untagged.mp3")).audioTags())
                    .isNull();
            assertThat(library.getAssetInfo(idOf(library, "photo.jpg")).audioTags())
                    .isNull();
        }
    }

    @Test
    void theCoverOfAnAudioAssetIsItsThumbnail() throws Exception {
        TestMedia.audio(root.resolve("song.m4a"), 1, TestMedia.AudioSpec.PLAIN.withCoverArt());
        try (LocalMediaLibrary library = (LocalMediaLibrary) MediaLibrary.open(root, LibraryOptions.defaults())) {
            CachedThumbnail thumbnail = library.scoped(Scope.owner())
                    .thumbnail(idOf(library, "song.m4a"), ThumbnailSize.GRID)
                    .orElseThrow();

            BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail.readBytes()));
            assertThat(image.getWidth()).isEqualTo(64);
            assertThat(image.getHeight()).isEqualTo(64);
        }
    }
}
