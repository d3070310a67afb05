package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camroll albums}: the folders that hold assets, and the smart albums on request. */
class AlbumsCommandTest {

    @TempDir
    static Path folder;

    private static SampleLibrary library;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void scanTheSampleLibrary() {
        library = SampleLibrary.create(folder);
    }

    @Test
    void foldersWithTheirAssetCounts() {
        Cli.Result result = library.run("albums");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.getFirst()).matches("id +title +type +assets");
        assertThat(lines.subList(1, lines.size() - 1))
                .containsExactlyInAnyOrder(row("Library", 2), row("Trip", 5), row("Screenshots", 1), row("Burst", 15));
        assertThat(lines.getLast()).isEqualTo("4 albums");
    }

    @Test
    void smartAlbumsOnRequest() {
        Cli.Result result = library.run("albums", "--smart");

        assertThat(result.out())
                .containsPattern("\nsmart-favorites +Favorites +smart +0\n")
                .containsPattern("\nsmart-recents +Recents +smart +" + SampleLibrary.ASSETS + "\n")
                .containsPattern("\nsmart-screenshots +Screenshots +smart +1\n")
                .containsPattern("\nsmart-videos +Videos +smart +1\n")
                .doesNotContain("smart-panoramas")
                .containsPattern("\n" + library.albumId("Trip") + " +Trip +album +5\n")
                .endsWith("8 albums\n");
    }

    @Test
    void oneAlbum(@TempDir Path other) {
        TestMedia.jpeg(other.resolve("only.jpg"), 8, 8);
        Cli cli = new Cli();
        cli.run("scan", other.toString());

        Cli.Result result = cli.run("albums", other.toString());

        assertThat(result.out()).containsPattern(" +album +1\n").endsWith("\n1 album\n");
    }

    @Test
    void jsonHasTheFieldsOfGetAlbumsAsync() throws Exception {
        JsonNode albums =
                json.readTree(library.run("albums", "--smart", "--json").out());

        List<String> types = new ArrayList<>();
        albums.forEach(album -> types.add(album.get("type").asText()));
        // Favorites, Recents, Videos and Screenshots: an empty smart album of a subtype is left out.
        assertThat(types).containsExactly("album", "album", "album", "album", "smart", "smart", "smart", "smart");
        JsonNode trip = null;
        for (JsonNode album : albums) {
            if (album.get("title").asText().equals("Trip")) {
                trip = album;
            }
        }
        assertThat(trip).isNotNull();
        assertThat(trip.properties().stream().map(Map.Entry::getKey).toList())
                .containsExactly("id", "title", "assetCount", "type");
        assertThat(trip.get("id").asText()).isEqualTo(library.albumId("Trip"));
        assertThat(trip.get("assetCount").asInt()).isEqualTo(5);
    }

    private static String row(String title, int assets) {
        return "%-13s  %-11s  album  %6d".formatted(library.albumId(title), title, assets);
    }
}
