package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camroll.api.AssetPage;
import dev.camroll.api.ScanReport;
import dev.camroll.api.ScanWarning;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON carries expo-media-library's field names and wire names. */
class JsonTest {

    private final ObjectMapper reader = new ObjectMapper();
    private final StandInLibrary library = new StandInLibrary();

    @Test
    void assetPageHasExpoFieldsInOrder() throws Exception {
        AssetPage page = new AssetPage(List.of(library.assets.get(4)), "p5", true, 6);

        JsonNode json = reader.readTree(Json.write(page));

        assertThat(fieldNames(json)).containsExactly("assets", "endCursor", "hasNextPage", "totalCount");
        JsonNode asset = json.get("assets").get(0);
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
        assertThat(asset.get("mediaType").asText()).isEqualTo("photo");
        assertThat(asset.get("mediaSubtypes").get(0).asText()).isEqualTo("screenshot");
        assertThat(asset.get("creationTime").asLong()).isEqualTo(StandInLibrary.MAY_1_2024_UTC + 5 * 3_600_000L);
        assertThat(json.get("endCursor").asText()).isEqualTo("p5");
        assertThat(json.get("hasNextPage").asBoolean()).isTrue();
        assertThat(json.get("totalCount").asLong()).isEqualTo(6);
    }

    @Test
    void lastPageHasANullCursor() throws Exception {
        JsonNode json = reader.readTree(Json.write(new AssetPage(List.of(), null, false, 0)));

        assertThat(json.get("endCursor").isNull()).isTrue();
        assertThat(json.get("assets")).isEmpty();
    }

    @Test
    void assetInfoIsFlatAsGetAssetInfoAsync() throws Exception {
        JsonNode json = reader.readTree(Json.write(library.getAssetInfo("p1")));

        assertThat(json.has("asset")).isFalse();
        assertThat(json.get("id").asText()).isEqualTo("p1");
        assertThat(json.get("mediaType").asText()).isEqualTo("photo");
        assertThat(json.get("localUri").asText()).isEqualTo("file:///lib/2024/IMG_0001.jpg");
        assertThat(json.get("location").get("latitude").asDouble()).isEqualTo(48.8584);
        assertThat(json.get("exif").get("Exif IFD0").get("Make").asText()).isEqualTo("Canon");
        assertThat(json.get("isFavorite").asBoolean()).isFalse();
        assertThat(json.get("orientation").asInt()).isEqualTo(1);
    }

    @Test
    void albumTypeIsItsWireName() throws Exception {
        JsonNode json = reader.readTree(Json.write(library.getAlbums(true)));

        assertThat(json.get(0).get("type").asText()).isEqualTo("album");
        assertThat(json.get(1).get("type").asText()).isEqualTo("smart");
        assertThat(fieldNames(json.get(0))).containsExactly("id", "title", "assetCount", "type");
    }

    @Test
    void scanReport() throws Exception {
        ScanReport report = new ScanReport(2, 1, 0, 7, List.of(new ScanWarning("a.jpg", "truncated", true)), 40);

        JsonNode json = reader.readTree(Json.write(report));

        assertThat(fieldNames(json))
                .containsExactly("added", "changed", "removed", "unchanged", "warnings", "elapsedMillis");
        assertThat(json.get("warnings").get(0).get("indexed").asBoolean()).isTrue();
        assertThat(json.get("warnings").get(0).get("path").asText()).isEqualTo("a.jpg");
    }

    @Test
    void fieldsAreWrittenAsKeyColonValue() {
        assertThat(Json.write(new ScanReport(0, 0, 0, 0, List.of(), 1))).contains("\"added\": 0");
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(java.util.Map.Entry::getKey).toList();
    }
}
