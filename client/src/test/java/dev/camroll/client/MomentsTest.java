package dev.camroll.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Album;
import dev.camroll.api.AlbumType;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The moments through a live server and the client, with their span and place, usable as an album. */
class MomentsTest {
    @TempDir
    Path root;

    private void photo(String name, String time, double latitude, double longitude) {
        TestMedia.jpegWithExif(
                root.resolve(name),
                16,
                12,
                TestMedia.ExifSpec.builder()
                        .dateTimeOriginal(LocalDateTime.parse(time))
                        .gps(latitude, longitude)
                        .build());
    }

    @Test
    void getMomentsGivesTheMomentsWithTheirFields() throws Exception {
        photo("a.jpg", "2024-05-01T10:00:00", 48.8530, 2.3499);
        photo("b.jpg", "2024-05-01T11:00:00", 48.8049, 2.1204);
        photo("c.jpg", "2024-05-02T10:00:00", 45.7640, 4.8357);
        try (LiveServer server = LiveServer.start(root);
                CamrollClient client = server.connect()) {
            List<Album> moments = client.getMoments();

            assertThat(moments).extracting(Album::type).containsOnly(AlbumType.MOMENT);
            assertThat(moments).extracting(Album::assetCount).containsExactly(2, 1);
            Album paris = moments.getFirst();
            assertThat(paris.endTime() - paris.startTime()).isEqualTo(3_600_000L);
            assertThat(paris.locationNames()).containsExactly("Paris", "Versailles", "France");
            assertThat(paris.approximateLocation().latitude()).isBetween(48.82, 48.84);
            assertThat(client.getAssets(AssetQuery.builder().album(paris.id()).build())
                            .assets())
                    .extracting(Asset::filename)
                    .containsExactlyInAnyOrder("a.jpg", "b.jpg");
        }
    }
}
