package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code camroll import} takes: files whose names start with a dash, and an album title that
 * names no album yet (created, and said so) or cannot be a folder name (refused).
 */
class ImportArgumentsTest {

    @TempDir
    Path folder;

    private Path library;
    private Path outside;

    private final Cli cli = new Cli();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void scanALibraryOfOnePhoto() throws Exception {
        library = Files.createDirectories(folder.resolve("Library"));
        outside = Files.createDirectories(folder.resolve("outside"));
        TestMedia.jpeg(library.resolve("Pictures/a.jpg"), 16, 12);
        assertThat(cli.run("scan", library.toString()).exitCode()).isZero();
    }

    @Test
    void namesStartingWithADashAreFilesAfterTheDoubleDashAndWhereverAFileIsExpected() throws Exception {
        TestMedia.jpeg(outside.resolve("-beach.jpg"), 16, 12);
        TestMedia.jpeg(outside.resolve("--sunset.jpg"), 12, 16);
        TestMedia.jpeg(outside.resolve("-r.jpg"), 10, 10);

        // Relative names, as a shell passes the files of the current folder.
        Cli.Result plain = cliIn(outside).run("import", library.toString(), "-beach.jpg", "--sunset.jpg");
        Cli.Result afterDoubleDash = cliIn(outside).run("import", library.toString(), "--", "-r.jpg");

        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.out()).matches("[0-9a-z]{13}  -beach\\.jpg\n[0-9a-z]{13}  --sunset\\.jpg\n");
        assertThat(afterDoubleDash.exitCode()).as(afterDoubleDash.err()).isZero();
        assertThat(afterDoubleDash.out()).matches("[0-9a-z]{13}  -r\\.jpg\n");
        assertThat(pictures()).containsExactlyInAnyOrder("a.jpg", "-beach.jpg", "--sunset.jpg", "-r.jpg");
    }

    @Test
    void aMistypedOptionIsStillAnUnknownOption() throws Exception {
        Path beach = TestMedia.jpeg(outside.resolve("beach.jpg"), 16, 12);

        Cli.Result result = cli.run("import", library.toString(), beach.toString(), "--albun", "Trip");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .startsWith("camroll: unknown option: '--albun' (and no file has this name)")
                .hasLineCount(1);
        assertThat(pictures()).containsExactly("a.jpg");
    }

    @Test
    void anAlbumThatDoesNotExistYetIsCreatedAndSaidSo() throws Exception {
        Path first = TestMedia.jpeg(outside.resolve("IMG_1.jpg"), 16, 12);
        Path second = TestMedia.jpeg(outside.resolve("IMG_2.jpg"), 12, 16);

        Cli.Result result =
                cli.run("import", library.toString(), first.toString(), second.toString(), "--album", "Trip");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .matches("created the album Trip\n[0-9a-z]{13}  IMG_1\\.jpg\n[0-9a-z]{13}  IMG_2\\.jpg\n");
        assertThat(library.resolve("Trip/IMG_1.jpg")).exists();
        assertThat(library.resolve("Trip/IMG_2.jpg")).exists();
        JsonNode albums =
                json.readTree(cli.run("albums", library.toString(), "--json").out());
        JsonNode trip = null;
        for (JsonNode album : albums) {
            if (album.get("title").asText().equals("Trip")) {
                trip = album;
            }
        }
        assertThat(trip).isNotNull();
        assertThat(trip.get("assetCount").asInt()).isEqualTo(2);

        // The second import finds it, and says nothing about creating it.
        Path third = TestMedia.jpeg(outside.resolve("IMG_3.jpg"), 20, 10);
        Cli.Result again = cli.run("import", library.toString(), third.toString(), "--album", "Trip", "--json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).isEmpty();
        JsonNode assets = json.readTree(again.out());
        assertThat(assets.get(0).get("albumId").asText())
                .isEqualTo(trip.get("id").asText());
    }

    @Test
    void withJsonTheNewAlbumIsSaidOnStderrAndStdoutHoldsOnlyJson() throws Exception {
        Path first = TestMedia.jpeg(outside.resolve("IMG_1.jpg"), 16, 12);

        Cli.Result result = cli.run("import", library.toString(), first.toString(), "--album", "Hike", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEqualTo("created the album Hike\n");
        JsonNode assets = json.readTree(result.out());
        assertThat(assets).hasSize(1);
        assertThat(assets.get(0).get("filename").asText()).isEqualTo("IMG_1.jpg");
    }

    @Test
    void blankAlbumNamesAndNamesWithControlCharactersAreRefused() throws Exception {
        Path first = TestMedia.jpeg(outside.resolve("IMG_1.jpg"), 16, 12);

        Cli.Result blank = cli.run("import", library.toString(), first.toString(), "--album", "  ");
        Cli.Result newline = cli.run("import", library.toString(), first.toString(), "--album", "Trip\n2024");
        Cli.Result escape = cli.run("import", library.toString(), first.toString(), "--album", "\u001b[31mRed");

        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err())
                .startsWith("camroll: the album name is empty or only spaces")
                .hasLineCount(1);
        assertThat(newline.exitCode()).isEqualTo(2);
        assertThat(newline.err())
                .startsWith("camroll: Trip\\u000a2024: an album name must not contain control characters")
                .hasLineCount(1);
        assertThat(escape.exitCode()).isEqualTo(2);
        assertThat(escape.err()).contains("\\u001b[31mRed: an album name must not contain control characters");
        try (Stream<Path> children = Files.list(library)) {
            assertThat(children.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder(".camroll", "Pictures");
        }
        assertThat(pictures()).containsExactly("a.jpg");
    }

    private Stream<String> pictures() throws Exception {
        try (Stream<Path> files = Files.list(library.resolve("Pictures"))) {
            return files.map(path -> path.getFileName().toString()).toList().stream();
        }
    }

    /** The command as a process run from {@code dir}: relative file names resolve there. */
    private static CliProcess cliIn(Path dir) {
        return new CliProcess().in(dir);
    }
}
