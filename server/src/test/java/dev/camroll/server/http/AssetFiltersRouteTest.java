package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camroll.core.testing.TestMedia;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/assets} with {@code offset} and field filters ({@code width.gte=...}). */
class AssetFiltersRouteTest {
    private static final long DAY = 86_400_000L;
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path root;

    /** Five photos 10 to 50 px wide, a day apart (the widest the newest), and a video. */
    private TestServer fivePhotosAndAVideo() throws Exception {
        for (int i = 0; i < 5; i++) {
            Path photo = TestMedia.jpeg(root.resolve("p" + i + ".jpg"), 10 * (i + 1), 8);
            Files.setLastModifiedTime(photo, FileTime.fromMillis(T0 + i * DAY));
        }
        TestMedia.video(root.resolve("clip.mp4"), 1, 64, 48);
        return TestServer.start(root);
    }

    @Test
    void anOffsetSkipsThatManyAssetsWithTheCountAndCursorRight() throws Exception {
        try (TestServer server = fivePhotosAndAVideo()) {
            JsonNode page = TestServer.json(server.get("/api/v1/assets?first=2&offset=1&sortBy=width:asc"));
            assertThat(widths(page)).containsExactly(20, 30);
            assertThat(page.path("totalCount").asLong()).isEqualTo(5);
            assertThat(page.path("hasNextPage").asBoolean()).isTrue();
            JsonNode next = TestServer.json(server.get("/api/v1/assets?first=2&sortBy=width:asc&after="
                    + page.path("endCursor").asText()));
            assertThat(widths(next)).containsExactly(40, 50);

            JsonNode past = TestServer.json(server.get("/api/v1/assets?offset=7"));
            assertThat(past.path("assets")).isEmpty();
            assertThat(past.path("totalCount").asLong()).isEqualTo(5);
            assertThat(past.path("hasNextPage").asBoolean()).isFalse();
        }
    }

    @Test
    void fieldFiltersCombineWithAndAndWithTheOtherOptions() throws Exception {
        try (TestServer server = fivePhotosAndAVideo()) {
            JsonNode wide = TestServer.json(server.get("/api/v1/assets?width.gte=20&width.lt=45.5&sortBy=width:asc"));
            assertThat(widths(wide)).containsExactly(20, 30, 40);
            assertThat(wide.path("totalCount").asLong()).isEqualTo(3);

            JsonNode timed = TestServer.json(server.get("/api/v1/assets?creationTime.gte=" + (T0 + DAY)
                    + "&creationTime.lte=" + (T0 + 3 * DAY) + "&width.in=20,40,50"));
            assertThat(widths(timed)).containsExactly(40, 20);

            JsonNode videos = TestServer.json(server.get("/api/v1/assets?mediaType.in=video,audio"));
            assertThat(videos.path("assets")).hasSize(1);
            assertThat(videos.path("assets").get(0).path("filename").asText()).isEqualTo("clip.mp4");
            JsonNode both =
                    TestServer.json(server.get("/api/v1/assets?mediaType=photo,video&mediaType.eq=photo&height.eq=8"));
            assertThat(both.path("totalCount").asLong()).isEqualTo(5);
            JsonNode unknown = TestServer.json(server.get("/api/v1/assets?mediaType.eq=unknown"));
            assertThat(unknown.path("assets")).isEmpty();
            JsonNode shortVideos =
                    TestServer.json(server.get("/api/v1/assets?mediaType=video&duration.lt=1.5&duration.gt=0.5"));
            assertThat(shortVideos.path("totalCount").asLong()).isEqualTo(1);

            JsonNode paged =
                    TestServer.json(server.get("/api/v1/assets?first=1&offset=1&width.gt=10&sortBy=width:desc"));
            assertThat(widths(paged)).containsExactly(40);
            assertThat(paged.path("totalCount").asLong()).isEqualTo(4);
        }
    }

    @Test
    void aBadOffsetOrFilterIsA400NamingIt() throws Exception {
        try (TestServer server = fivePhotosAndAVideo()) {
            for (String[] asked : new String[][] {
                {"offset=-1", "offset"},
                {"offset=many", "offset"},
                {"offset=1&after=AAAAAAAAAAAAA", "offset"},
                {"offset=0&after=AAAAAAAAAAAAA", "offset"},
                {"offset=1&offset=2", "offset"},
                {"colour.gte=1", "colour.gte"},
                {"width.near=1", "width.near"},
                {"width.gte=wide", "width.gte"},
                {"width.gte=0x10", "width.gte"},
                {"width.gte=NaN", "width.gte"},
                {"width.gte=1,2", "width.gte"},
                {"width.in=", "width.in"},
                {"duration.lt=Infinity", "duration.lt"},
                {"creationTime.gte=2024-01-01", "creationTime.gte"},
                {"mediaType.gt=photo", "mediaType.gt"},
                {"mediaType.eq=picture", "mediaType.eq"},
                {"mediaType.eq=photo,video", "mediaType.eq"},
                {"width.gte=1&width.gte=2", "width.gte"},
                {"width.gte.x=1", "width.gte.x"},
            }) {
                HttpResponse<String> response = server.get("/api/v1/assets?" + asked[0]);
                assertThat(response.statusCode()).as(asked[0]).isEqualTo(400);
                JsonNode error = TestServer.json(response).path("error");
                assertThat(error.path("code").asText()).as(asked[0]).isEqualTo("invalid_argument");
                assertThat(error.path("parameter").asText()).as(asked[0]).isEqualTo(asked[1]);
            }
        }
    }

    private static List<Integer> widths(JsonNode page) {
        List<Integer> widths = new ArrayList<>();
        page.path("assets").forEach(asset -> widths.add(asset.path("width").asInt()));
        return widths;
    }
}
