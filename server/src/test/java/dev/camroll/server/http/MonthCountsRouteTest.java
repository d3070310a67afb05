package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camroll.core.testing.TestMedia;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/assets/months}: counts per month of a time zone, newest first, with the query's filters. */
class MonthCountsRouteTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path root;

    private static long paris(int year, int month, int day, int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, PARIS)
                .toInstant()
                .toEpochMilli();
    }

    /** Two photos on 1 May 2024 at 00:30 in Paris (still April in UTC), one in June, a video in June. */
    private TestServer library() throws Exception {
        Files.createDirectories(root.resolve("Trip"));
        long[] times = {paris(2024, 5, 1, 0) + 1_800_000, paris(2024, 5, 1, 0) + 1_900_000, paris(2024, 6, 15, 12)};
        for (int i = 0; i < times.length; i++) {
            Path photo = TestMedia.jpeg(root.resolve((i < 2 ? "Trip/" : "") + "p" + i + ".jpg"), 10 * (i + 1), 8);
            Files.setLastModifiedTime(photo, FileTime.fromMillis(times[i]));
        }
        Path clip = TestMedia.video(root.resolve("clip.mp4"), 1, 64, 48);
        Files.setLastModifiedTime(clip, FileTime.fromMillis(paris(2024, 6, 20, 12)));
        return TestServer.start(root);
    }

    @Test
    void countsPerMonthOfTheZoneNewestFirst() throws Exception {
        try (TestServer server = library()) {
            JsonNode inParis = TestServer.json(server.get("/api/v1/assets/months?timeZone=Europe/Paris"));
            assertThat(inParis.path("totalCount").asLong()).isEqualTo(3);
            JsonNode months = inParis.path("months");
            assertThat(months).hasSize(2);
            assertThat(months.get(0).path("month").asText()).isEqualTo("2024-06");
            assertThat(months.get(0).path("count").asLong()).isEqualTo(1);
            assertThat(months.get(0).path("start").asLong()).isEqualTo(paris(2024, 6, 1, 0));
            assertThat(months.get(0).path("end").asLong()).isEqualTo(paris(2024, 7, 1, 0));
            assertThat(months.get(1).path("month").asText()).isEqualTo("2024-05");
            assertThat(months.get(1).path("count").asLong()).isEqualTo(2);

            JsonNode inUtc = TestServer.json(server.get("/api/v1/assets/months"));
            assertThat(inUtc.path("months").get(1).path("month").asText())
                    .as("UTC by default")
                    .isEqualTo("2024-04");

            JsonNode all =
                    TestServer.json(server.get("/api/v1/assets/months?mediaType=photo,video&timeZone=Europe/Paris"));
            assertThat(all.path("months").get(0).path("count").asLong()).isEqualTo(2);
            assertThat(all.path("totalCount").asLong()).isEqualTo(4);

            String trip = TestServer.json(server.get("/api/v1/assets?sortBy=width:asc&first=1"))
                    .path("assets")
                    .get(0)
                    .path("albumId")
                    .asText();
            JsonNode inTrip = TestServer.json(server.get("/api/v1/assets/months?timeZone=Europe/Paris&album=" + trip));
            assertThat(inTrip.path("months")).hasSize(1);
            assertThat(inTrip.path("totalCount").asLong()).isEqualTo(2);

            JsonNode wide = TestServer.json(server.get(
                    "/api/v1/assets/months?timeZone=Europe/Paris&width.gte=20&createdBefore=" + paris(2024, 6, 1, 0)));
            assertThat(wide.path("totalCount").asLong()).isEqualTo(1);
            assertThat(wide.path("months").get(0).path("month").asText()).isEqualTo("2024-05");
        }
    }

    @Test
    void pagingOrABadZoneOrFilterIsA400NamingIt() throws Exception {
        try (TestServer server = library()) {
            for (String[] asked : new String[][] {
                {"timeZone=Mars/Olympus", "timeZone"},
                {"timeZone=Europe/Paris&timeZone=UTC", "timeZone"},
                {"first=10", "first"},
                {"offset=1", "offset"},
                {"sortBy=width", "sortBy"},
                {"after=AAAAAAAAAAAAA", "after"},
                {"width.gte=wide", "width.gte"},
                {"mediaType=picture", "mediaType"},
                {"createdAfter=yesterday", "createdAfter"},
            }) {
                HttpResponse<String> response = server.get("/api/v1/assets/months?" + asked[0]);
                assertThat(response.statusCode()).as(asked[0]).isEqualTo(400);
                JsonNode error = TestServer.json(response).path("error");
                assertThat(error.path("code").asText()).as(asked[0]).isEqualTo("invalid_argument");
                assertThat(error.path("parameter").asText()).as(asked[0]).isEqualTo(asked[1]);
            }
            assertThat(server.get("/api/v1/assets/months?album=AAAAAAAAAAAAA").statusCode())
                    .isEqualTo(400);
        }
    }
}
