package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camroll moments}: the photos and videos grouped by time and place, in a table or as JSON. */
class MomentsCommandTest {
    @TempDir
    Path folder;

    private void photo(String name, String time, double latitude, double longitude) {
        TestMedia.jpegWithExif(
                folder.resolve(name),
                16,
                12,
                TestMedia.ExifSpec.builder()
                        .dateTimeOriginal(LocalDateTime.parse(time))
                        .gps(latitude, longitude)
                        .build());
    }

    @Test
    void momentsInATableAndAsJson() throws Exception {
        photo("a.jpg", "2024-05-01T10:00:00", 48.8530, 2.3499);
        photo("b.jpg", "2024-05-01T11:00:00", 48.8049, 2.1204);
        photo("c.jpg", "2024-05-02T10:00:00", 45.7640, 4.8357);
        Cli cli = new Cli();
        cli.run("scan", folder.toString(), "--time-zone", "UTC");

        Cli.Result table = cli.run("moments", folder.toString(), "--time-zone", "UTC");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out())
                .containsPattern(
                        "moment-[0-9a-z]{13} +2024-05-01T10:00:00 +2024-05-01T11:00:00 +2 +Paris, Versailles, France\n")
                .containsPattern(" +1 +Lyon, France\n")
                .endsWith("\n2 moments\n");

        JsonNode moments = new ObjectMapper()
                .readTree(cli.run("moments", folder.toString(), "--json", "--time-zone", "UTC")
                        .out());
        assertThat(moments).hasSize(2);
        JsonNode paris = moments.get(0);
        assertThat(paris.path("type").asText()).isEqualTo("moment");
        assertThat(paris.path("assetCount").asInt()).isEqualTo(2);
        assertThat(paris.path("startTime").asLong()).isEqualTo(1714557600000L);
        assertThat(paris.path("endTime").asLong()).isEqualTo(1714561200000L);
        assertThat(paris.path("approximateLocation").path("latitude").asDouble())
                .isBetween(48.82, 48.84);
        assertThat(paris.path("locationNames").get(0).asText()).isEqualTo("Paris");
    }
}
