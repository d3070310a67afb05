package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camroll info ID...}: several assets at once, in the order given; an unknown id fails it. */
class InfoOfSeveralAssetsTest {

    @TempDir
    Path library;

    private final Cli cli = new Cli();
    private final ObjectMapper json = new ObjectMapper();
    private String wide;
    private String tall;

    @BeforeEach
    void scanTwoPhotos() throws Exception {
        TestMedia.jpeg(library.resolve("wide.jpg"), 40, 30);
        TestMedia.jpeg(library.resolve("tall.jpg"), 30, 40);
        assertThat(cli.run("scan", library.toString()).exitCode()).isZero();
        JsonNode page =
                json.readTree(cli.run("assets", library.toString(), "--json").out());
        for (JsonNode asset : page.get("assets")) {
            if (asset.get("filename").asText().equals("wide.jpg")) {
                wide = asset.get("id").asText();
            } else {
                tall = asset.get("id").asText();
            }
        }
    }

    @Test
    void textShowsEachAssetInTheOrderGiven() {
        Cli.Result result = cli.run("info", library.toString(), tall, wide, tall);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .startsWith("id           " + tall + "\n")
                .containsOnlyOnce("id           " + wide + "\n")
                .containsOnlyOnce("filename     tall.jpg\n");
        assertThat(result.out().indexOf("size         30x40"))
                .isLessThan(result.out().indexOf("size         40x30"));
    }

    @Test
    void jsonIsAnArrayForSeveralIdsAndTheObjectForOne() throws Exception {
        JsonNode several = json.readTree(
                cli.run("info", library.toString(), wide, tall, "--json").out());
        JsonNode one = json.readTree(
                cli.run("info", library.toString(), wide, "--json").out());

        assertThat(several.isArray()).isTrue();
        assertThat(List.of(
                        several.get(0).get("id").asText(),
                        several.get(1).get("id").asText()))
                .containsExactly(wide, tall);
        assertThat(several.get(1).get("width").asInt()).isEqualTo(30);
        assertThat(one.isObject()).isTrue();
        assertThat(one.get("id").asText()).isEqualTo(wide);
    }

    @Test
    void unknownIdsFailTheCommandAndAreAllNamed() {
        Cli.Result result = cli.run("info", library.toString(), wide, "nosuchid00001", "nosuchid00002");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("camroll: no assets with ids nosuchid00001, nosuchid00002\n");
        assertThat(Files.exists(library.resolve("wide.jpg"))).isTrue();
    }
}
