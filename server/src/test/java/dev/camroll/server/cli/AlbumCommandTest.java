package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camroll album create|add|remove|rename|delete} over the real engine. */
class AlbumCommandTest {

    @TempDir
    Path folder;

    private SampleLibrary library;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void scanTheSampleLibrary() {
        library = SampleLibrary.create(folder);
    }

    @Test
    void createMovingAnAssetKeepsItsId() throws Exception {
        String id = library.id("IMG_0001.jpg");

        Cli.Result created = library.run("album", "create", "Best", id, "--move", "--json");

        assertThat(created.exitCode()).as(created.err()).isZero();
        JsonNode album = json.readTree(created.out()).get("album");
        assertThat(album.get("title").asText()).isEqualTo("Best");
        assertThat(album.get("assetCount").asInt()).isEqualTo(1);
        JsonNode info = json.readTree(library.run("info", id, "--json").out());
        assertThat(info.get("albumId").asText()).isEqualTo(album.get("id").asText());
        assertThat(folder.resolve("Library/Best/IMG_0001.jpg")).exists();
    }

    @Test
    void addCopiesByDefaultAndMovesOnRequestThenRemoveAndDelete() throws Exception {
        String copied = library.id("IMG_0002.jpg");
        String moved = library.id("IMG_0003.jpg");

        Cli.Result copy = library.run("album", "add", "Burst", copied);
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        assertThat(copy.out()).isEqualTo("copied 1 asset into Burst\n");
        assertThat(library.run("info", copied).exitCode())
                .as("the original stays")
                .isZero();

        Cli.Result move = library.run("album", "add", "Burst", moved, "--move");
        assertThat(move.exitCode()).as(move.err()).isZero();
        JsonNode info = json.readTree(library.run("info", moved, "--json").out());
        assertThat(info.get("albumId").asText()).isEqualTo(library.albumId("Burst"));

        Cli.Result remove = library.run("album", "remove", library.albumId("Burst"), moved);
        assertThat(remove.exitCode()).as(remove.err()).isZero();
        assertThat(json.readTree(library.run("info", moved, "--json").out())
                        .get("albumId")
                        .asText())
                .isNotEqualTo(library.albumId("Burst"));

        Cli.Result delete = library.run("album", "delete", "Burst", "--remove-assets");
        assertThat(delete.exitCode()).as(delete.err()).isZero();
        assertThat(delete.out()).isEqualTo("deleted 1 album; their assets are in the trash\n");
        assertThat(library.run("albums").out()).doesNotContain("Burst");
        assertThat(library.run("trash").out()).contains("assets in the trash");
    }

    @Test
    void renameKeepsTheIdsOfTheAlbumAndItsAssets() throws Exception {
        String id = library.id("IMG_0003.jpg");
        String album = library.albumId("Trip");

        Cli.Result renamed = library.run("album", "rename", "Trip", "Journey");

        assertThat(renamed.exitCode()).as(renamed.err()).isZero();
        assertThat(renamed.out()).isEqualTo("renamed album Trip to Journey\n");
        assertThat(folder.resolve("Library/Journey/IMG_0003.jpg")).exists();
        assertThat(folder.resolve("Library/Trip")).doesNotExist();
        JsonNode info = json.readTree(library.run("info", id, "--json").out());
        assertThat(info.get("albumId").asText()).isEqualTo(album);
        assertThat(library.run("albums").out()).contains("Journey").doesNotContain("Trip");

        Cli.Result bad = library.run("album", "rename", "Journey", "a/b");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("camroll: ").hasLineCount(1);
    }

    @Test
    void badActionsAndArgumentsAreOneLineErrors() {
        Cli.Result unknownAction = library.run("album", "retitle", "Trip");
        assertThat(unknownAction.exitCode()).isEqualTo(2);
        assertThat(unknownAction.err())
                .startsWith("camroll: unknown album action 'retitle'")
                .hasLineCount(1);
        Cli.Result renameWithoutName = library.run("album", "rename", "Trip");
        assertThat(renameWithoutName.exitCode()).isEqualTo(2);
        assertThat(renameWithoutName.err())
                .startsWith("camroll: album rename ALBUM NAME")
                .hasLineCount(1);

        Cli.Result noAsset = library.run("album", "create", "Empty");
        assertThat(noAsset.exitCode()).isEqualTo(2);
        assertThat(noAsset.err()).startsWith("camroll: ").hasLineCount(1);

        Cli.Result unknownAlbum = library.run("album", "add", "Nowhere", library.id("IMG_0001.jpg"));
        assertThat(unknownAlbum.exitCode()).isEqualTo(1);
        assertThat(unknownAlbum.err()).isEqualTo("camroll: no album titled or with id Nowhere (see camroll albums)\n");

        Cli.Result badName = library.run("album", "create", "a/b", library.id("IMG_0001.jpg"));
        assertThat(badName.exitCode()).isNotZero();
        assertThat(badName.err()).startsWith("camroll: ").hasLineCount(1);
        assertThat(folder.resolve("Library/a")).doesNotExist();
    }

    /**
     * The exit code comes from the error's code: a taken name is input refused (2, one line, no
     * stack trace even with --debug), an unknown album a command that failed (1).
     */
    @Test
    void theExitCodeFollowsTheErrorCode() {
        String id = library.id("IMG_0001.jpg");

        Cli.Result taken = library.run("album", "create", "Burst", id, "--debug");
        assertThat(taken.exitCode()).isEqualTo(2);
        assertThat(taken.err()).isEqualTo("camroll: Burst: an album or folder with this name exists already\n");

        Cli.Result unknown = library.run("album", "remove", "Nowhere", id, "--debug");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("camroll: no album titled or with id Nowhere");
        assertThat(unknown.err().lines().count())
                .as("the stack trace with --debug")
                .isGreaterThan(1);
    }
}
