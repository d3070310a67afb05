package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.access.App;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.OAuthScopes;
import dev.camroll.core.library.LocalMediaLibrary;
import dev.camroll.core.media.redact.LocatedFiles;
import dev.camroll.core.media.redact.NoLocation;
import dev.camroll.core.testing.TestMedia;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over HTTP, a caller whose scope does not see locations gets originals and renditions without
 * their location (whole, by range, with their own ETag) and asset info without location or GPS
 * tag; the owner gets the file as it is. Served bytes are read with metadata-extractor and
 * searched for the coordinates' raw forms.
 */
class LocationRedactionRouteTest {
    private static final JsonMapper JSON = new JsonMapper();

    @TempDir
    Path root;

    private MediaLibrary library;
    private Served owner;
    private Served app;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A server over one view of the library, and its token. */
    private record Served(CamrollServer server, String token) {}

    @BeforeEach
    void start() throws Exception {
        Path camera = root.resolve("Trips/DSCN0012.jpg");
        Files.createDirectories(camera.getParent());
        Files.copy(TestMedia.corpus("exif-samples/jpg/gps/DSCN0012.jpg"), camera);
        TestMedia.video(
                root.resolve("Trips/clip.mov"),
                1.0,
                64,
                48,
                TestMedia.VideoSpec.PLAIN.withTag("com.apple.quicktime.location.ISO6709", LocatedFiles.ISO6709));
        library = MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
        LocalMediaLibrary local = (LocalMediaLibrary) library;
        Path data = root.resolve(".camroll");
        OwnerToken.Opened token = OwnerToken.openOrCreate(data);
        CamrollServer server = CamrollServer.start(
                local, data, token.stored(), ServerOptions.defaults().withPort(0));
        owner = new Served(server, token.createdToken().orElseThrow());
        // An app granted the whole library but not where its photos were taken.
        App frame = local.apps().add("Frame");
        local.grants().set(frame.id(), Grant.all(Set.of(GranularPermission.values()), false));
        String appToken = local.apps()
                .issue(frame.id(), OAuthScopes.of(local.grants().grant(frame.id())))
                .accessToken();
        app = new Served(server, appToken);
    }

    @AfterEach
    void stop() {
        owner.server().close();
        library.close();
    }

    private HttpResponse<byte[]> get(Served served, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + served.server().port() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + served.token());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String idOf(String filename) throws Exception {
        JsonNode assets = JSON.readTree(get(owner, "/api/v1/assets?first=10&mediaType=photo,video")
                        .body())
                .path("assets");
        for (JsonNode asset : assets) {
            if (asset.path("filename").asText().equals(filename)) {
                return asset.path("id").asText();
            }
        }
        throw new AssertionError("no asset " + filename + " in " + assets);
    }

    @Test
    void theOwnerGetsTheFileAndTheAppGetsItWithoutLocation() throws Exception {
        String id = idOf("DSCN0012.jpg");
        byte[] onDisk = Files.readAllBytes(root.resolve("Trips/DSCN0012.jpg"));
        List<byte[]> coordinates = NoLocation.rawCoordinates(onDisk);

        HttpResponse<byte[]> owners = get(owner, "/api/v1/assets/" + id + "/original");
        HttpResponse<byte[]> apps = get(app, "/api/v1/assets/" + id + "/original");

        assertThat(owners.statusCode()).isEqualTo(200);
        assertThat(owners.body()).isEqualTo(onDisk);
        assertThat(apps.statusCode()).isEqualTo(200);
        assertThat(apps.body()).hasSize(onDisk.length);
        assertThat(apps.headers().firstValueAsLong("Content-Length")).hasValue(onDisk.length);
        NoLocation.assertNone(apps.body(), coordinates);
        RedactedBytesCheck.assertStillDecodes(apps.body());
        String ownersTag = owners.headers().firstValue("ETag").orElseThrow();
        String appsTag = apps.headers().firstValue("ETag").orElseThrow();
        assertThat(appsTag).isNotEqualTo(ownersTag);

        assertThat(get(app, "/api/v1/assets/" + id + "/original", "If-None-Match", appsTag)
                        .statusCode())
                .isEqualTo(304);
        assertThat(get(app, "/api/v1/assets/" + id + "/original", "If-None-Match", ownersTag)
                        .statusCode())
                .isEqualTo(200);

        for (int[] range :
                new int[][] {{0, 99}, {150, 4_999}, {2_000, 2_300}, {onDisk.length - 500, onDisk.length - 1}}) {
            HttpResponse<byte[]> part =
                    get(app, "/api/v1/assets/" + id + "/original", "Range", "bytes=" + range[0] + "-" + range[1]);
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(apps.body(), range[0], range[1] + 1));
        }
        HttpResponse<byte[]> rendition = get(app, "/api/v1/assets/" + id + "/rendition");
        assertThat(rendition.body()).isEqualTo(apps.body());
        assertThat(rendition.headers().firstValue("ETag")).hasValue(appsTag);
    }

    @Test
    void assetInfoOverHttpHasNoLocationForTheApp() throws Exception {
        for (String name : List.of("DSCN0012.jpg", "clip.mov")) {
            String id = idOf(name);
            JsonNode owners = JSON.readTree(get(owner, "/api/v1/assets/" + id).body());
            JsonNode apps = JSON.readTree(get(app, "/api/v1/assets/" + id).body());

            assertThat(owners.path("location").isObject())
                    .as("owner's location of %s", name)
                    .isTrue();
            assertThat(apps.path("location").isNull() || apps.path("location").isMissingNode())
                    .as("app's location of %s: %s", name, apps.path("location"))
                    .isTrue();
            String text = apps.toString();
            assertThat(text).doesNotContain("\"GPS").doesNotContain("48.8584").doesNotContain("ISO6709");
            assertThat(owners.toString()).containsAnyOf("\"GPS", "ISO6709");
        }
    }

    @Test
    void theVideoOverHttpHasNoPlace() throws Exception {
        String id = idOf("clip.mov");
        byte[] owners = get(owner, "/api/v1/assets/" + id + "/original").body();
        byte[] apps = get(app, "/api/v1/assets/" + id + "/original").body();
        assertThat(NoLocation.indexOf(owners, LocatedFiles.ISO6709.getBytes())).isPositive();
        assertThat(apps).hasSameSizeAs(owners);
        NoLocation.assertNoText(apps, LocatedFiles.ISO6709);
    }
}
