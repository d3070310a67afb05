package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camroll.api.CamrollException;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaType;
import dev.camroll.api.SortField;
import dev.camroll.api.SortKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands over a library in memory: what they ask of the api and what they print. */
class CommandsTest {

    @TempDir
    Path library;

    private final StandInLibrary standIn = new StandInLibrary();
    private final Cli cli = new Cli(standIn.opener());

    @BeforeEach
    void indexExists() throws Exception {
        Files.createDirectories(library.resolve(".camroll"));
        Files.writeString(library.resolve(".camroll/index.db"), "");
    }

    @Test
    void assetsPrintsATableAndTheCursorOfTheNextPage() {
        Cli.Result result = cli.run("assets", library.toString(), "--first", "2", "--time-zone", "UTC");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("""
                id  filename      type        size  created              duration  album
                p5  IMG_0005.jpg  photo  4032x3024  2024-05-01T05:00:00            a2024
                p4  IMG_0004.jpg  photo  4032x3024  2024-05-01T04:00:00            a2024
                totalCount 5, hasNextPage true, endCursor p4
                """);
        assertThat(standIn.openedWith.scanOnOpen()).isFalse();
    }

    @Test
    void pagingWithAfter() {
        Cli.Result result = cli.run("assets", library.toString(), "--first", "4", "--after", "p4");

        assertThat(result.out()).contains("p3", "p2", "p1").doesNotContain("p4", "p5");
        assertThat(result.out()).endsWith("totalCount 5, hasNextPage false, endCursor p1\n");
    }

    @Test
    void videosShowTheirDuration() {
        Cli.Result result = cli.run("assets", library.toString(), "--media-type", "video");

        assertThat(result.out()).contains("clip.mp4", "1:23.4", "1920x1080");
    }

    @Test
    void assetsOptionsBecomeTheQuery() {
        Cli.Result result = cli.run(
                "assets",
                library.toString(),
                "--first=3",
                "--album",
                "a2024",
                "--media-type",
                "photo,VIDEO",
                "--sort",
                "width:asc,creationTime",
                "--created-after",
                "2024-05-01",
                "--created-before",
                "2024-05-01T08:00:00Z",
                "--time-zone",
                "Europe/Paris");

        assertThat(result.exitCode()).isZero();
        var query = standIn.queries.getFirst();
        assertThat(query.first()).isEqualTo(3);
        assertThat(query.album()).isEqualTo("a2024");
        assertThat(query.mediaTypes()).isEqualTo(Set.of(MediaType.PHOTO, MediaType.VIDEO));
        assertThat(query.sortBy()).containsExactly(SortKey.asc(SortField.WIDTH), SortKey.desc(SortField.CREATION_TIME));
        assertThat(query.createdAfter()).isEqualTo(1_714_514_400_000L);
        assertThat(query.createdBefore()).isEqualTo(1_714_550_400_000L);
        assertThat(standIn.openedWith.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void timeZoneMayComeAfterTheTimes() {
        cli.run("assets", library.toString(), "--created-after", "2024-05-01", "--time-zone", "UTC");

        assertThat(standIn.queries.getFirst().createdAfter()).isEqualTo(StandInLibrary.MAY_1_2024_UTC);
    }

    @Test
    void defaultsAreThoseOfGetAssetsAsync() {
        cli.run("assets", library.toString());

        var query = standIn.queries.getFirst();
        assertThat(query.first()).isEqualTo(20);
        assertThat(query.mediaTypes()).containsExactly(MediaType.PHOTO);
        assertThat(query.sortBy()).isEmpty();
        assertThat(query.after()).isNull();
    }

    @Test
    void assetsJson() throws Exception {
        Cli.Result result = cli.run("assets", library.toString(), "--json", "--first", "1");

        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("assets").get(0).get("id").asText()).isEqualTo("p5");
        assertThat(json.get("endCursor").asText()).isEqualTo("p5");
        assertThat(json.get("totalCount").asLong()).isEqualTo(5);
    }

    @Test
    void info() {
        Cli.Result result = cli.run("info", library.toString(), "p5", "--time-zone", "UTC");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("filename     IMG_0005.jpg")
                .contains("type         photo (screenshot)")
                .contains("created      2024-05-01T05:00:00")
                .contains("camera       Canon EOS R5")
                .contains("location     48.858400, 2.294500")
                .contains("fileSize     2.4 MiB (2500000 bytes)")
                .contains("Exif IFD0\n  Make   Canon\n  Model  Canon EOS R5\n");
    }

    @Test
    void infoJson() throws Exception {
        Cli.Result result = cli.run("info", library.toString(), "v1", "--json");

        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("mediaType").asText()).isEqualTo("video");
        assertThat(json.get("duration").asDouble()).isEqualTo(83.4);
    }

    @Test
    void unknownIdFailsWithOneLine() {
        Cli.Result result = cli.run("info", library.toString(), "nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("camroll: no asset with id nope\n");
    }

    @Test
    void albums() {
        Cli.Result plain = cli.run("albums", library.toString());
        Cli.Result smart = cli.run("albums", library.toString(), "--smart");

        assertThat(plain.out()).isEqualTo("""
                id     title  type   assets
                a2024  2024   album       6
                1 album
                """);
        assertThat(smart.out()).contains("screenshots  Screenshots  smart").endsWith("2 albums\n");
    }

    @Test
    void scanPrintsASummary() {
        Cli.Result result = cli.run("scan", library.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                added      3
                changed    1
                removed    0
                unchanged  5
                warnings   0
                elapsed    1.5 s
                files/s    2.7
                """);
        assertThat(standIn.openedWith.scanOnOpen()).isFalse();
    }

    @Test
    void scanListsWarningsOnRequest() {
        standIn.withWarnings();

        Cli.Result quiet = cli.run("scan", library.toString());
        Cli.Result listed = cli.run("scan", library.toString(), "--warnings");

        assertThat(quiet.out()).contains("warnings   2").contains("(list the warnings with --warnings)");
        assertThat(listed.out())
                .contains("warning: 2024/broken.jpg: truncated JPEG (indexed)\n")
                .contains("warning: notes/empty.mp4: no media stream (skipped)\n");
    }

    @Test
    void scanJson() throws Exception {
        standIn.withWarnings();

        Cli.Result result = cli.run("scan", library.toString(), "--json");

        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("added").asInt()).isEqualTo(2);
        assertThat(json.get("warnings")).hasSize(2);
    }

    @Test
    void scanCreatesTheIndexSoNeedsNone() throws Exception {
        Path fresh = Files.createDirectory(library.resolve("fresh"));

        assertThat(cli.run("scan", fresh.toString()).exitCode()).isZero();
    }

    @Test
    void queriesWithoutAnIndexSayToScanFirst() throws Exception {
        Path fresh = Files.createDirectory(library.resolve("fresh"));

        for (String command : new String[] {"assets", "albums"}) {
            Cli.Result result = cli.run(command, fresh.toString());
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err())
                    .isEqualTo("camroll: no index in " + fresh.resolve(".camroll") + ": run camroll scan " + fresh
                            + " first\n");
        }
        Cli.Result withData = cli.run(
                "info", fresh.toString(), "p1", "--data", fresh.resolve("idx").toString());
        assertThat(withData.err()).contains("run camroll scan " + fresh + " --data " + fresh.resolve("idx"));
        assertThat(standIn.openedWith).isNull();
    }

    @Test
    void missingLibraryFolder() {
        Path missing = library.resolve("missing");

        Cli.Result result = cli.run("scan", missing.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("camroll: library folder " + missing + " does not exist\n");
    }

    @Test
    void dataDirIsPassedToTheEngine() {
        Path data = library.resolve(".camroll");

        cli.run("albums", library.toString(), "--data", data.toString());

        assertThat(standIn.openedWith.dataDir()).isEqualTo(data);
    }

    @Test
    void camrollExceptionsAreOneLineForUsers() {
        standIn.failure = new CamrollException("the index was written by a newer Camroll (schema 9)");

        Cli.Result result = cli.run("assets", library.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("camroll: the index was written by a newer Camroll (schema 9)\n");
    }

    @Test
    void valuesTheEngineRefusesAreABadCommandLine() {
        standIn.failure = new InvalidArgumentException("after: 'x' is neither a cursor of this query nor an asset id");

        Cli.Result result = cli.run("assets", library.toString(), "--after", "x");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("camroll: after: 'x' is neither a cursor of this query nor an asset id\n");
    }

    @Test
    void unexpectedExceptionsGetAHintAndTheirTraceOnlyWhenDebugging() {
        standIn.failure = new IllegalStateException("boom");

        Cli.Result plain = cli.run("albums", library.toString());
        Cli.Result debugOption = cli.run("albums", library.toString(), "--debug");
        Cli.Result debugEnvironment =
                new Cli(standIn.opener()).debugFromEnvironment().run("albums", library.toString());

        assertThat(plain.exitCode()).isEqualTo(1);
        assertThat(plain.err())
                .isEqualTo("camroll: unexpected error: java.lang.IllegalStateException: boom"
                        + " (run again with --debug or CAMROLL_DEBUG=1 for the stack trace)\n");
        assertThat(debugOption.err())
                .startsWith("camroll: unexpected error: java.lang.IllegalStateException: boom\n")
                .contains("\tat dev.camroll.server.cli.");
        assertThat(debugEnvironment.err()).contains("\tat dev.camroll.server.cli.");
    }
}
