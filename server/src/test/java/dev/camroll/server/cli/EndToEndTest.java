package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command over the real engine and a small library of generated JPEGs with EXIF. */
class EndToEndTest {

    /** 2024-05-01T00:00:00Z; the photos are an hour apart. */
    private static final long MAY_1_2024 = 1_714_521_600_000L;

    @TempDir
    Path library;

    private final Cli cli = Cli.engine();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void photos() throws IOException {
        jpeg("IMG_0001.jpg", 40, 30, 1);
        jpeg("IMG_0002.jpg", 30, 40, 2);
        jpeg("Trip/IMG_0003.jpg", 64, 48, 3);
        jpeg("Trip/IMG_0004.jpg", 48, 64, 4);
        jpeg("Trip/IMG_0005.jpg", 20, 10, 5);
    }

    @Test
    void scanThenRescan() {
        Cli.Result first = cli.run("scan", library.toString());
        Cli.Result second = cli.run("scan", library.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("added      5", "unchanged  0", "warnings   0", "files/s");
        assertThat(second.out()).contains("added      0", "unchanged  5");
        assertThat(Files.isDirectory(library.resolve(".camroll"))).isTrue();
    }

    @Test
    void scanJsonAndDataDir() throws Exception {
        Path data = library.resolveSibling(library.getFileName() + "-index");

        Cli.Result result = cli.run("scan", library.toString(), "--json", "--data", data.toString());

        JsonNode report = json.readTree(result.out());
        assertThat(report.get("added").asInt()).isEqualTo(5);
        assertThat(report.get("warnings")).isEmpty();
        assertThat(Files.exists(library.resolve(".camroll"))).isFalse();
        assertThat(cli.run("assets", library.toString()).err()).contains("no index in");
        assertThat(cli.run("assets", library.toString(), "--data", data.toString())
                        .out())
                .contains("totalCount 5");
    }

    @Test
    void assetsPageThroughTheLibraryWithAfter() throws Exception {
        cli.run("scan", library.toString());

        List<String> filenames = new ArrayList<>();
        String after = null;
        boolean hasNextPage = true;
        int pages = 0;
        while (hasNextPage) {
            List<String> args = new ArrayList<>(List.of("assets", library.toString(), "--first", "2", "--json"));
            if (after != null) {
                args.addAll(List.of("--after", after));
            }
            Cli.Result result = cli.run(args.toArray(String[]::new));
            assertThat(result.exitCode()).as(result.err()).isZero();
            JsonNode page = json.readTree(result.out());
            page.get("assets")
                    .forEach(asset -> filenames.add(asset.get("filename").asText()));
            assertThat(page.get("totalCount").asInt()).isEqualTo(5);
            hasNextPage = page.get("hasNextPage").asBoolean();
            after = page.get("endCursor").asText();
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(filenames)
                .containsExactly("IMG_0005.jpg", "IMG_0004.jpg", "IMG_0003.jpg", "IMG_0002.jpg", "IMG_0001.jpg");
    }

    @Test
    void assetsTableNamesTheCursorOfTheNextPage() {
        cli.run("scan", library.toString());

        Cli.Result first = cli.run("assets", library.toString(), "--first", "3", "--time-zone", "UTC");
        String lastLine = first.out().lines().toList().getLast();
        String cursor = lastLine.substring(lastLine.indexOf("endCursor ") + "endCursor ".length());
        Cli.Result second = cli.run("assets", library.toString(), "--first", "3", "--after", cursor);

        assertThat(first.out())
                .contains("IMG_0005.jpg  photo  20x10  2024-05-01T05:00:00")
                .contains("totalCount 5, hasNextPage true, endCursor ");
        assertThat(second.out()).contains("IMG_0002.jpg", "IMG_0001.jpg").doesNotContain("IMG_0003.jpg");
        assertThat(second.out()).contains("hasNextPage false");
    }

    @Test
    void assetsFilteredByCreationTimeAndSorted() throws Exception {
        cli.run("scan", library.toString());

        Cli.Result result = cli.run(
                "assets",
                library.toString(),
                "--created-after",
                "2024-05-01T01:00:00Z",
                "--created-before",
                "2024-05-01T07:00:00+02:00",
                "--sort",
                "width:asc",
                "--json");

        JsonNode page = json.readTree(result.out());
        List<String> filenames = new ArrayList<>();
        page.get("assets").forEach(asset -> filenames.add(asset.get("filename").asText()));
        assertThat(filenames).containsExactly("IMG_0002.jpg", "IMG_0004.jpg", "IMG_0003.jpg");
    }

    @Test
    void badCursorIsABadCommandLine() {
        cli.run("scan", library.toString());

        Cli.Result result = cli.run("assets", library.toString(), "--after", "no-such-cursor");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("camroll: ").hasLineCount(1);
    }

    @Test
    void infoAndUnknownId() throws Exception {
        cli.run("scan", library.toString());
        JsonNode page = json.readTree(
                cli.run("assets", library.toString(), "--first", "1", "--json").out());
        String id = page.get("assets").get(0).get("id").asText();

        Cli.Result info = cli.run("info", library.toString(), id, "--time-zone", "UTC");
        JsonNode infoJson =
                json.readTree(cli.run("info", library.toString(), id, "--json").out());
        Cli.Result unknown = cli.run("info", library.toString(), "x" + id);

        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(info.out())
                .contains("filename     IMG_0005.jpg", "mimeType     image/jpeg", "size         20x10")
                .contains("created      2024-05-01T05:00:00", "camera       Canon EOS R5")
                .contains("location     48.858400, 2.294500");
        assertThat(infoJson.get("id").asText()).isEqualTo(id);
        assertThat(infoJson.get("mediaType").asText()).isEqualTo("photo");
        assertThat(infoJson.has("exif")).isTrue();
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("camroll: no asset with id x" + id + "\n");
    }

    @Test
    void albums() throws Exception {
        cli.run("scan", library.toString());

        Cli.Result table = cli.run("albums", library.toString());
        JsonNode albums = json.readTree(
                cli.run("albums", library.toString(), "--smart", "--json").out());

        assertThat(table.out()).containsPattern("Trip +album +3\n").endsWith("2 albums\n");
        List<String> types = new ArrayList<>();
        albums.forEach(album -> types.add(album.get("type").asText()));
        assertThat(types).contains("album", "smart");
    }

    @Test
    void queriesBeforeTheFirstScan() {
        Cli.Result result = cli.run("albums", library.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("camroll: no index in " + library.resolve(".camroll") + ": run camroll scan " + library
                        + " first\n");
    }

    /** A JPEG whose EXIF says it was taken on 2024-05-01 at {@code hour}:00 UTC with a Canon. */
    private void jpeg(String relative, int width, int height, int hour) throws IOException {
        Path file = library.resolve(relative);
        Files.createDirectories(file.getParent());
        TestMedia.jpegWithExif(
                file,
                width,
                height,
                TestMedia.ExifSpec.builder()
                        .dateTimeOriginal(LocalDateTime.of(2024, 5, 1, hour, 0))
                        .offsetTimeOriginal("+00:00")
                        .make("Canon")
                        .model("Canon EOS R5")
                        .gps(48.8584, 2.2945)
                        .build());
        // The file's own time differs, so that the test sees the EXIF time is the one used.
        Files.setLastModifiedTime(file, FileTime.fromMillis(MAY_1_2024 - 86_400_000L));
    }
}
