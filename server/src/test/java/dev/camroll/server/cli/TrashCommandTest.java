package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camroll rm}, {@code camroll trash} and {@code camroll favorite}: writes through the API. */
class TrashCommandTest {

    @TempDir
    Path folder;

    private SampleLibrary library;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void scanTheSampleLibrary() {
        library = SampleLibrary.create(folder);
    }

    @Test
    void rmMovesToTheTrashAndRestoreBringsBackTheSameIds() throws Exception {
        String first = library.id("IMG_0001.jpg");
        String second = library.id("IMG_0003.jpg");

        Cli.Result rm = library.run("rm", first, second);

        assertThat(rm.exitCode()).as(rm.err()).isZero();
        assertThat(rm.out()).isEqualTo("moved 2 assets to the trash: " + first + " " + second + "\n");
        assertThat(assetIds()).doesNotContain(first, second).hasSize(SampleLibrary.ASSETS - 2);
        Cli.Result trash = library.run("trash");
        assertThat(trash.exitCode()).as(trash.err()).isZero();
        assertThat(trash.out().lines().toList()).containsExactlyInAnyOrder(first, second, "2 assets in the trash");
        JsonNode trashJson = json.readTree(library.run("trash", "--json").out());
        assertThat(texts(trashJson.get("trashedAssets"))).containsExactlyInAnyOrder(first, second);

        Cli.Result restore = library.run("trash", "--restore", first);

        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).isEqualTo("restored 1 asset: " + first + "\n");
        assertThat(assetIds()).contains(first).doesNotContain(second);
        assertThat(library.run("trash").out()).isEqualTo(second + "\n1 asset in the trash\n");
        assertThat(library.run("info", first).exitCode()).isZero();
    }

    @Test
    void purgeEmptiesTheTrash() throws Exception {
        String id = library.id("IMG_0002.jpg");
        assertThat(library.run("rm", id).exitCode()).isZero();

        Cli.Result purge = library.run("trash", "--purge", "--json");

        assertThat(purge.exitCode()).as(purge.err()).isZero();
        JsonNode result = json.readTree(purge.out());
        assertThat(result.get("purged").asInt()).isEqualTo(1);
        assertThat(result.get("trashedAssets")).isEmpty();
        assertThat(library.run("trash").out()).isEqualTo("0 assets in the trash\n");
        assertThat(assetIds()).doesNotContain(id);
        Cli.Result restore = library.run("trash", "--restore", id);
        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.err()).isEqualTo("camroll: no trashed asset with id " + id + "\n");
    }

    @Test
    void unknownIdsAreNamedAndNothingChanges() throws Exception {
        String known = library.id("IMG_0001.jpg");
        String unknown = (known.charAt(0) == '0' ? "1" : "0") + known.substring(1);

        Cli.Result rm = library.run("rm", known, unknown, "nope");
        Cli.Result favorite = library.run("favorite", unknown);

        assertThat(rm.exitCode()).isEqualTo(1);
        assertThat(rm.out()).isEmpty();
        assertThat(rm.err())
                .startsWith("camroll: no asset with id ")
                .contains(unknown, "nope")
                .hasLineCount(1);
        assertThat(rm.err()).doesNotContain(known);
        assertThat(assetIds()).contains(known);
        assertThat(library.run("trash").out()).isEqualTo("0 assets in the trash\n");
        assertThat(favorite.exitCode()).isEqualTo(1);
        assertThat(favorite.err()).isEqualTo("camroll: no asset with id " + unknown + "\n");
    }

    @Test
    void favoriteOnAndOffShowsInInfo() throws Exception {
        String id = library.id("IMG_0004.jpg");

        Cli.Result on = library.run("favorite", id);

        assertThat(on.exitCode()).as(on.err()).isZero();
        assertThat(on.out()).isEqualTo(id + " is a favorite\n");
        assertThat(isFavorite(id)).isTrue();

        Cli.Result off = library.run("favorite", id, "--off", "--json");

        assertThat(off.exitCode()).as(off.err()).isZero();
        assertThat(json.readTree(off.out()).get("isFavorite").asBoolean()).isFalse();
        assertThat(isFavorite(id)).isFalse();
    }

    private boolean isFavorite(String id) throws Exception {
        Cli.Result info = library.run("info", id, "--json");
        assertThat(info.exitCode()).as(info.err()).isZero();
        return json.readTree(info.out()).get("isFavorite").asBoolean();
    }

    private List<String> assetIds() throws Exception {
        Cli.Result page = library.run("assets", "--media-type", "photo,video,audio", "--first", "100", "--json");
        assertThat(page.exitCode()).as(page.err()).isZero();
        return json.readTree(page.out()).get("assets").findValuesAsText("id");
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> texts = new ArrayList<>();
        nodes.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
