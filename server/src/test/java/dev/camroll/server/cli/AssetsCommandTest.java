package dev.camroll.server.cli;

import static dev.camroll.server.cli.SampleLibrary.HOUR;
import static dev.camroll.server.cli.SampleLibrary.MAY_1_2024;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camroll assets}: its options as the engine applies them, paging, the table and the JSON. */
class AssetsCommandTest {

    @TempDir
    static Path folder;

    private static SampleLibrary library;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void scanTheSampleLibrary() {
        library = SampleLibrary.create(folder);
    }

    @Test
    void tablePrintsOnePageAndTheCursorOfTheNext() throws Exception {
        Cli.Result result = library.run("assets", "--first", "2", "--time-zone", "UTC");
        String cursor = page("--first", "2").get("endCursor").asText();

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        String trip = library.albumId("Trip");
        assertThat(result.out())
                .isEqualTo(row("id", "filename", "type", "size", "created", "duration", "album")
                        + photoRow("IMG_0005.jpg", "20x10", "2024-05-01T05:00:00", trip)
                        + photoRow("IMG_0004.jpg", "48x64", "2024-05-01T04:00:00", trip)
                        + "totalCount 21, hasNextPage true, endCursor " + cursor + "\n");
    }

    @Test
    void theCursorOfTheLastLineGivesTheNextPage() {
        Cli.Result first = library.run("assets", "--first", "3");

        Cli.Result second = library.run("assets", "--first", "3", "--after", cursorOf(first));

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(filenamesIn(second.out()))
                .containsExactly("IMG_0002.jpg", "IMG_0001.jpg", "Screenshot 2024-04-30.png");
        assertThat(second.out()).endsWith("totalCount 21, hasNextPage true, endCursor " + cursorOf(second) + "\n");
    }

    @Test
    void pagesThroughWithTheCursorOfEachPage() throws Exception {
        List<String> filenames = new ArrayList<>();
        String after = null;
        boolean hasNextPage = true;
        int pages = 0;
        while (hasNextPage) {
            List<String> args = new ArrayList<>(List.of("--created-after", "2024-05-01T00:00:00Z", "--first", "2"));
            if (after != null) {
                args.addAll(List.of("--after", after));
            }
            JsonNode page = page(args.toArray(String[]::new));
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
    void afterMayNameAnAsset() {
        Cli.Result result = library.run(
                "assets",
                "--created-after",
                "2024-05-01T00:00:00Z",
                "--first",
                "4",
                "--after",
                library.id("IMG_0004.jpg"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(filenamesIn(result.out())).containsExactly("IMG_0003.jpg", "IMG_0002.jpg", "IMG_0001.jpg");
        assertThat(result.out()).endsWith("totalCount 5, hasNextPage false, endCursor " + cursorOf(result) + "\n");
    }

    @Test
    void defaultsAreThoseOfGetAssetsAsync() throws Exception {
        JsonNode page = page();

        List<JsonNode> assets = new ArrayList<>();
        page.get("assets").forEach(assets::add);
        // A page of 20, photos only, newest first, from the start.
        assertThat(assets).hasSize(20);
        assertThat(assets)
                .allSatisfy(asset -> assertThat(asset.get("mediaType").asText()).isEqualTo("photo"));
        assertThat(assets.getFirst().get("filename").asText()).isEqualTo("IMG_0005.jpg");
        assertThat(assets.stream()
                        .map(asset -> asset.get("creationTime").asLong())
                        .toList())
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(page.get("hasNextPage").asBoolean()).isTrue();
        assertThat(page.get("totalCount").asInt()).isEqualTo(SampleLibrary.PHOTOS);
    }

    @Test
    void videosAndAudioShowTheirDuration() {
        Cli.Result video = library.run("assets", "--media-type", "video", "--time-zone", "UTC");
        Cli.Result audio = library.run("assets", "--media-type", "audio", "--time-zone", "UTC");

        assertThat(video.out())
                .containsPattern("clip\\.mp4 +video +48x32 +2024-05-01T02:30:00 +0:01\\.5 ")
                .endsWith("totalCount 1, hasNextPage false, endCursor " + cursorOf(video) + "\n");
        assertThat(audio.out()).containsPattern("tone\\.m4a +audio +0x0 +2024-05-01T03:30:00 +0:01\\.0 ");
    }

    @Test
    void mediaTypesCombineInAnyCase() throws Exception {
        assertThat(page("--media-type", "photo,VIDEO").get("totalCount").asInt())
                .isEqualTo(SampleLibrary.PHOTOS + 1);
        assertThat(page("--media-type", "Audio,video,photo").get("totalCount").asInt())
                .isEqualTo(SampleLibrary.ASSETS);
    }

    @Test
    void albumTakesAFolderOrASmartAlbum() throws Exception {
        assertThat(filenames(page("--album", library.albumId("Trip"))))
                .containsExactly("IMG_0005.jpg", "IMG_0004.jpg", "IMG_0003.jpg");
        assertThat(filenames(page("--album", "smart-screenshots"))).containsExactly("Screenshot 2024-04-30.png");
    }

    @Test
    void sortKeysApplyInOrderAndAKeyAloneIsDescending() throws Exception {
        String trip = library.albumId("Trip");

        JsonNode newestFirstAmongEqualWidths =
                page("--album", trip, "--media-type", "photo,video", "--sort", "width:asc,creationTime");
        JsonNode oldestFirstAmongEqualWidths =
                page("--album", trip, "--media-type", "photo,video", "--sort", "width:asc,creationTime:asc");
        JsonNode widestFirst = page("--album", trip, "--sort", "width");

        // IMG_0004.jpg and clip.mp4 are both 48 wide; clip.mp4 is the older.
        assertThat(filenames(newestFirstAmongEqualWidths))
                .containsExactly("IMG_0005.jpg", "IMG_0004.jpg", "clip.mp4", "IMG_0003.jpg");
        assertThat(filenames(oldestFirstAmongEqualWidths))
                .containsExactly("IMG_0005.jpg", "clip.mp4", "IMG_0004.jpg", "IMG_0003.jpg");
        assertThat(filenames(widestFirst)).containsExactly("IMG_0003.jpg", "IMG_0004.jpg", "IMG_0005.jpg");
    }

    @Test
    void createdAfterAndBeforeAreExclusiveAndReadInTheTimeZone() throws Exception {
        // Midnight in Paris is 22:00 UTC the day before: the screenshot of 23:30 UTC is then after it.
        JsonNode utc =
                page("--created-after", "2024-05-01", "--created-before", "2024-05-01T02:00:00Z", "--time-zone", "UTC");
        JsonNode paris = page(
                "--created-after",
                "2024-05-01",
                "--created-before",
                "2024-05-01T04:00+02:00",
                "--time-zone",
                "Europe/Paris");
        JsonNode millis = page(
                "--created-after",
                Long.toString(MAY_1_2024 + HOUR),
                "--created-before",
                Long.toString(MAY_1_2024 + 3 * HOUR));

        assertThat(filenames(utc)).containsExactly("IMG_0001.jpg");
        assertThat(filenames(paris)).containsExactly("IMG_0001.jpg", "Screenshot 2024-04-30.png");
        assertThat(filenames(millis)).containsExactly("IMG_0002.jpg");
    }

    @Test
    void optionsTogether() throws Exception {
        JsonNode page = page(
                "--first=2",
                "--album",
                library.albumId("Trip"),
                "--media-type",
                "photo,VIDEO",
                "--sort",
                "width:asc,creationTime",
                "--created-after",
                "2024-05-01",
                "--created-before",
                "2024-05-01T07:00:00",
                "--time-zone",
                "Europe/Paris");

        // IMG_0005.jpg (05:00 UTC, 07:00 in Paris) is not before 07:00 in Paris; tone.m4a is audio.
        assertThat(filenames(page)).containsExactly("IMG_0004.jpg", "clip.mp4");
        assertThat(page.get("hasNextPage").asBoolean()).isTrue();
        assertThat(page.get("totalCount").asInt()).isEqualTo(3);
    }

    @Test
    void valuesTheEngineRefusesAreABadCommandLine() {
        String widthCursor = cursorOf(library.run("assets", "--sort", "width", "--first", "1"));

        Cli.Result noCursor = library.run("assets", "--after", "x");
        Cli.Result otherOrder = library.run("assets", "--after", widthCursor);
        Cli.Result noAlbum = library.run("assets", "--album", "no-such-album");

        assertThat(noCursor.exitCode()).isEqualTo(2);
        assertThat(noCursor.out()).isEmpty();
        assertThat(noCursor.err()).isEqualTo("camroll: after: 'x' is neither a cursor of this query nor an asset id\n");
        assertThat(otherOrder.exitCode()).isEqualTo(2);
        assertThat(otherOrder.err())
                .startsWith("camroll: after: the cursor belongs to another sort order")
                .hasLineCount(1);
        assertThat(noAlbum.exitCode()).isEqualTo(2);
        assertThat(noAlbum.err()).isEqualTo("camroll: album: no album with id 'no-such-album'\n");
    }

    @Test
    void jsonHasTheFieldsOfGetAssetsAsync() throws Exception {
        Cli.Result result = library.run("assets", "--album", "smart-screenshots", "--json");

        JsonNode page = json.readTree(result.out());
        assertThat(fieldNames(page)).containsExactly("assets", "endCursor", "hasNextPage", "totalCount");
        JsonNode asset = page.get("assets").get(0);
        assertThat(fieldNames(asset))
                .containsExactly(
                        "id",
                        "filename",
                        "uri",
                        "mediaType",
                        "mediaSubtypes",
                        "width",
                        "height",
                        "creationTime",
                        "modificationTime",
                        "duration",
                        "albumId");
        assertThat(asset.get("id").asText()).isEqualTo(library.id("Screenshot 2024-04-30.png"));
        assertThat(asset.get("uri").asText()).startsWith("file:/").endsWith("/Screenshots/Screenshot%202024-04-30.png");
        assertThat(asset.get("mediaType").asText()).isEqualTo("photo");
        assertThat(asset.get("mediaSubtypes").get(0).asText()).isEqualTo("screenshot");
        assertThat(asset.get("width").asInt()).isEqualTo(24);
        assertThat(asset.get("creationTime").asLong()).isEqualTo(MAY_1_2024 - HOUR / 2);
        assertThat(asset.get("albumId").asText()).isEqualTo(library.albumId("Screenshots"));
        assertThat(page.get("endCursor").isTextual()).isTrue();
        assertThat(page.get("hasNextPage").asBoolean()).isFalse();
        assertThat(page.get("totalCount").asInt()).isEqualTo(1);
        assertThat(result.out()).contains("\"totalCount\": 1");
    }

    @Test
    void anEmptyPageHasNoCursor() throws Exception {
        Cli.Result text = library.run("assets", "--created-after", "2030-01-01");
        Cli.Result asJson = library.run("assets", "--created-after", "2030-01-01", "--json");

        assertThat(text.out()).isEqualTo("totalCount 0, hasNextPage false, endCursor null\n");
        JsonNode page = json.readTree(asJson.out());
        assertThat(page.get("assets")).isEmpty();
        assertThat(page.get("endCursor").isNull()).isTrue();
        assertThat(asJson.out()).contains("\"assets\": []");
    }

    /** A line of the table: columns two spaces apart, ids 13 characters, size and duration right-aligned. */
    private static String row(
            String id, String filename, String type, String size, String created, String duration, String album) {
        return "%-13s  %-12s  %-5s  %5s  %-19s  %8s  %s\n"
                .formatted(id, filename, type, size, created, duration, album);
    }

    private static String photoRow(String filename, String size, String created, String album) {
        return row(library.id(filename), filename, "photo", size, created, "", album);
    }

    private JsonNode page(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of(options));
        args.add("--json");
        Cli.Result result = library.run("assets", args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return json.readTree(result.out());
    }

    private static List<String> filenames(JsonNode page) {
        List<String> filenames = new ArrayList<>();
        page.get("assets").forEach(asset -> filenames.add(asset.get("filename").asText()));
        return filenames;
    }

    /** The filenames of the rows of a table, which follow the 13-character ids. */
    private static List<String> filenamesIn(String table) {
        List<String> lines = table.lines().toList();
        return lines.subList(1, lines.size() - 1).stream()
                .map(line -> line.substring(15).split(" {2,}")[0])
                .toList();
    }

    private static String cursorOf(Cli.Result table) {
        String lastLine = table.out().lines().toList().getLast();
        return lastLine.substring(lastLine.indexOf("endCursor ") + "endCursor ".length());
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }
}
