package dev.camroll.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.MediaType;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.EnumSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An audio asset's tags and cover through a live server and the client. */
class AudioTagsTest {
    @TempDir
    Path root;

    @Test
    void theInfoOfASongHasItsTagsAndItsCoverIsItsThumbnail() throws IOException {
        TestMedia.audio(
                root.resolve("song.mp3"),
                1,
                TestMedia.AudioSpec.PLAIN
                        .withTag("title", "Über Alles Blue")
                        .withTag("artist", "Band")
                        .withTag("album", "Record")
                        .withTag("track", "11/12")
                        .withTag("date", "1999")
                        .withTag("genre", "Jazz")
                        .withCoverArt());
        TestMedia.jpeg(root.resolve("photo.jpg"), 40, 30);
        try (LiveServer server = LiveServer.start(root);
                CamrollClient client = server.connect()) {
            Asset song = byName(client, "song.mp3");

            assertThat(client.getAssetInfo(song.id()).audioTags())
                    .isEqualTo(new AssetInfo.AudioTags("Über Alles Blue", "Band", "Record", 11, 1999, "Jazz"));
            assertThat(client.getAssetInfo(byName(client, "photo.jpg").id()).audioTags())
                    .isNull();
            try (InputStream in = client.openThumbnail(song.id(), "grid")) {
                BufferedImage cover = ImageIO.read(in);
                assertThat(cover.getWidth()).isEqualTo(64);
                assertThat(cover.getHeight()).isEqualTo(64);
            }
        }
    }

    private static Asset byName(CamrollClient client, String filename) {
        return client
                .getAssets(AssetQuery.builder()
                        .mediaTypes(EnumSet.allOf(MediaType.class))
                        .build())
                .assets()
                .stream()
                .filter(asset -> asset.filename().equals(filename))
                .findFirst()
                .orElseThrow();
    }
}
