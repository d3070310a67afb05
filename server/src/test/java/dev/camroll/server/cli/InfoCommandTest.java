package dev.camroll.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camroll info}: one asset with its details and metadata, as text and as JSON. */
class InfoCommandTest {

    @TempDir
    static Path folder;

    private static SampleLibrary library;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void scanTheSampleLibrary() {
        library = SampleLibrary.create(folder);
    }

    @Test
    void photoWithItsCameraLocationAndExif() throws Exception {
        String id = library.id("IMG_0005.jpg");
        long size = Files.size(library.root.resolve("Trip/IMG_0005.jpg"));

        Cli.Result result = library.run("info", id, "--time-zone", "UTC");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out())
                .startsWith("id           " + id + "\n")
                .contains("filename     IMG_0005.jpg\n", "type         photo\n", "size         20x10\n")
                .contains("created      2024-05-01T05:00:00\n", "modified     2024-04-30T00:00:00\n")
                .contains("album        " + library.albumId("Trip") + "\n")
                .contains("mimeType     image/jpeg\n")
                .contains("fileSize     " + TextFormat.fileSize(size) + " (" + size + " bytes)\n")
                .contains("camera       Canon EOS R5\n", "location     48.858400, 2.294500\n")
                .contains("orientation  1\n", "favorite     no\n")
                .containsPattern("\nExif IFD0\n(  .*\n)*  Make +Canon\n(  .*\n)*  Model +Canon EOS R5\n")
                .containsPattern("\nGPS\n")
                .doesNotContain("duration");
        assertThat(result.out()).containsPattern("localUri     file:/\\S+/Trip/IMG_0005\\.jpg\n");
    }

    @Test
    void screenshotShowsItsSubtypeAndNoCamera() {
        Cli.Result result = library.run("info", library.id("Screenshot 2024-04-30.png"), "--time-zone", "UTC");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("type         photo (screenshot)\n", "size         24x16\n")
                .contains("created      2024-04-30T23:30:00\n", "mimeType     image/png\n")
                .doesNotContain("camera", "location");
    }

    @Test
    void videoShowsItsDuration() throws Exception {
        String id = library.id("clip.mp4");

        Cli.Result text = library.run("info", id);
        JsonNode info = json.readTree(library.run("info", id, "--json").out());

        assertThat(text.out()).contains("type         video\n", "duration     0:01.5\n", "mimeType     video/mp4\n");
        assertThat(info.get("mediaType").asText()).isEqualTo("video");
        assertThat(info.get("duration").asDouble()).isEqualTo(1.5);
        assertThat(info.get("width").asInt()).isEqualTo(48);
        assertThat(info.get("exif").has("Container")).isTrue();
    }

    @Test
    void jsonIsFlatAsGetAssetInfoAsync() throws Exception {
        String id = library.id("IMG_0005.jpg");

        Cli.Result result = library.run("info", id, "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode info = json.readTree(result.out());
        assertThat(info.has("asset")).isFalse();
        assertThat(info.properties().stream().map(Map.Entry::getKey).toList())
                .startsWith("id", "filename", "uri", "mediaType", "mediaSubtypes", "width", "height")
                .contains("exif", "location", "localUri", "orientation", "isFavorite", "mimeType", "fileSize");
        assertThat(info.get("id").asText()).isEqualTo(id);
        assertThat(info.get("mediaType").asText()).isEqualTo("photo");
        assertThat(info.get("localUri").asText()).startsWith("file:/").endsWith("/Trip/IMG_0005.jpg");
        assertThat(info.get("location").get("latitude").asDouble()).isCloseTo(48.8584, within(1e-6));
        assertThat(info.get("location").get("longitude").asDouble()).isCloseTo(2.2945, within(1e-6));
        assertThat(info.get("exif").get("Exif IFD0").get("Make").asText()).isEqualTo("Canon");
        assertThat(info.get("isFavorite").asBoolean()).isFalse();
        assertThat(info.get("orientation").asInt()).isEqualTo(1);
        assertThat(info.get("mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(info.get("cameraModel").asText()).isEqualTo("Canon EOS R5");
    }

    @Test
    void unknownIdFailsWithOneLine() {
        String id = library.id("IMG_0001.jpg");
        // Well-formed but given to no asset, and not an id at all.
        String unknown = (id.charAt(0) == '0' ? "1" : "0") + id.substring(1);

        Cli.Result wellFormed = library.run("info", unknown);
        Cli.Result malformed = library.run("info", "nope");

        assertThat(wellFormed.exitCode()).isEqualTo(1);
        assertThat(wellFormed.out()).isEmpty();
        assertThat(wellFormed.err()).isEqualTo("camroll: no asset with id " + unknown + "\n");
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err()).isEqualTo("camroll: no asset with id nope\n");
    }
}
