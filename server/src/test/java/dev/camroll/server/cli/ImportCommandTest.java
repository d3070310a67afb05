package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camroll import}: files copied into the library through createAsset, with the engine's checks. */
class ImportCommandTest {

    @TempDir
    Path folder;

    private SampleLibrary library;
    private Path outside;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void scanTheSampleLibrary() throws Exception {
        library = SampleLibrary.create(folder);
        outside = Files.createDirectories(folder.resolve("outside"));
    }

    @Test
    void importsIntoTheDefaultAlbumAndPrintsIdAndFilename() throws Exception {
        Path beach = TestMedia.jpeg(outside.resolve("beach.jpg"), 16, 12);
        Path sunset = TestMedia.png(outside.resolve("sunset.png"), 12, 16);

        Cli.Result result = library.run("import", beach.toString(), sunset.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).matches("[0-9a-z]{13}  beach\\.jpg\n[0-9a-z]{13}  sunset\\.png\n");
        assertThat(library.root.resolve("Pictures/beach.jpg")).exists();
        assertThat(library.root.resolve("Pictures/sunset.png")).exists();
        assertThat(beach).exists();
        String id = result.out().substring(0, 13);
        JsonNode info = json.readTree(library.run("info", id, "--json").out());
        assertThat(info.get("filename").asText()).isEqualTo("beach.jpg");
        assertThat(info.get("width").asInt()).isEqualTo(16);
    }

    @Test
    void importsIntoAnAlbumByTitleAndPrintsJson() throws Exception {
        Path beach = TestMedia.jpeg(outside.resolve("IMG_0003.jpg"), 16, 12);

        Cli.Result result = library.run("import", beach.toString(), "--album", "Trip", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode assets = json.readTree(result.out());
        assertThat(assets.isArray()).isTrue();
        assertThat(assets).hasSize(1);
        // The name is taken in Trip: the new file gets " (1)".
        assertThat(assets.get(0).get("filename").asText()).isEqualTo("IMG_0003 (1).jpg");
        assertThat(assets.get(0).get("albumId").asText()).isEqualTo(library.albumId("Trip"));
        assertThat(library.root.resolve("Trip/IMG_0003 (1).jpg")).exists();
        JsonNode page = json.readTree(library.run("assets", "--album", library.albumId("Trip"), "--json")
                .out());
        assertThat(page.get("assets").findValuesAsText("id"))
                .contains(assets.get(0).get("id").asText());
    }

    @Test
    void aTextFileNamedJpgIsRefusedInOneLine() throws Exception {
        Path notes = Files.writeString(outside.resolve("notes.jpg"), "just some text, not a picture\n");

        Cli.Result result = library.run("import", notes.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("camroll: notes.jpg: ").hasLineCount(1);
        assertThat(library.root.resolve("Pictures/notes.jpg")).doesNotExist();
    }

    @Test
    void aBadFileStopsTheImportAndTheFilesBeforeItStay() throws Exception {
        Path beach = TestMedia.jpeg(outside.resolve("beach.jpg"), 16, 12);
        Path notes = Files.writeString(outside.resolve("notes.jpg"), "just some text\n");
        Path sunset = TestMedia.png(outside.resolve("sunset.png"), 12, 16);

        Cli.Result result = library.run("import", beach.toString(), notes.toString(), sunset.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).matches("[0-9a-z]{13}  beach\\.jpg\n");
        assertThat(result.err())
                .startsWith("camroll: notes.jpg: ")
                .endsWith("; stopped there: the file before it was imported\n")
                .hasLineCount(1);
        assertThat(library.root.resolve("Pictures/beach.jpg")).exists();
        assertThat(library.root.resolve("Pictures/sunset.png")).doesNotExist();
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = outside.resolve("missing.jpg");

        Cli.Result result = library.run("import", missing.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("camroll: ")
                .contains(missing.toString())
                .hasLineCount(1);
    }

    @Test
    void withoutAnIndexSaysToScanFirst() throws Exception {
        Path empty = Files.createDirectories(folder.resolve("empty"));
        Path beach = TestMedia.jpeg(outside.resolve("beach.jpg"), 16, 12);

        Cli.Result result = new Cli().run("import", empty.toString(), beach.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("camroll: no index in " + empty.resolve(".camroll") + ": run camroll scan " + empty
                        + " first\n");
        assertThat(empty.resolve("Pictures")).doesNotExist();
    }
}
