package dev.camroll.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaType;
import dev.camroll.api.NotFoundException;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.EnumSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An asset's thumbnails through the client: both sizes, and what is refused. */
class ThumbnailsTest {
    @TempDir
    Path root;

    @Test
    void readsTheGridAndPreviewOfAPhotoAndNamesWhatHasNone() throws IOException {
        TestMedia.jpeg(root.resolve("wide.jpg"), 2000, 1000);
        TestMedia.audio(root.resolve("plain.mp3"), 1);
        try (LiveServer server = LiveServer.start(root);
                CamrollClient client = server.connect()) {
            Asset photo = byName(client, "wide.jpg");
            try (InputStream in = client.openThumbnail(photo.id(), "grid")) {
                BufferedImage grid = ImageIO.read(in);
                assertThat(grid.getWidth()).isEqualTo(256);
                assertThat(grid.getHeight()).isEqualTo(128);
            }
            try (InputStream in = client.openThumbnail(photo.id(), "preview")) {
                BufferedImage preview = ImageIO.read(in);
                assertThat(preview.getWidth()).isEqualTo(1440);
                assertThat(preview.getHeight()).isEqualTo(720);
            }
            Asset audio = byName(client, "plain.mp3");
            assertThatThrownBy(() -> client.openThumbnail(audio.id(), "grid"))
                    .isInstanceOf(CamrollException.class)
                    .satisfies(e -> assertThat(((CamrollException) e).code()).isEqualTo(ErrorCode.NO_THUMBNAIL));
            assertThatThrownBy(() -> client.openThumbnail(photo.id(), "huge"))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("size");
            assertThatThrownBy(() -> client.openThumbnail("ghost", "grid"))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("ghost");
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
