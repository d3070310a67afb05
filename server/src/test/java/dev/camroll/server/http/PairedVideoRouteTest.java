package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camroll.api.GranularPermission;
import dev.camroll.core.access.App;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.OAuthScopes;
import dev.camroll.core.media.redact.LocatedFiles;
import dev.camroll.core.metadata.LiveIdentifier;
import dev.camroll.core.testing.LivePhotoFiles;
import dev.camroll.core.testing.MotionPhotoFiles;
import dev.camroll.core.testing.TestMedia;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Live Photo's video over HTTP, through the access scope: whoever sees the photo may fetch it
 * (ranges, its location taken out for a caller without it), no one else. The pair is the JPEG and
 * MOV an iPhone writes ({@link LivePhotoFiles}); the MOV also carries a place, as iPhones write it.
 */
class PairedVideoRouteTest {
    private static final String ID = "6C1D2E3F-4A5B-4C6D-8E7F-8091A2B3C4D5";

    @TempDir
    Path root;

    @Test
    void whoeverSeesThePhotoPlaysItsVideoAndNoOneElse() throws Exception {
        LivePhotoFiles.still(root.resolve("IMG_0001.JPG"), ID);
        Path mov = TestMedia.video(
                root.resolve("IMG_0001.MOV"),
                1.5,
                32,
                24,
                TestMedia.VideoSpec.PLAIN
                        .withTag(LiveIdentifier.QUICKTIME_KEY, ID)
                        .withTag("com.apple.quicktime.location.ISO6709", LocatedFiles.ISO6709));
        TestMedia.jpeg(root.resolve("plain.jpg"), 40, 30);
        byte[] onDisk = Files.readAllBytes(mov);
        try (TestServer server = TestServer.start(root, ServerOptions.defaults())) {
            JsonNode assets = TestServer.json(server.get("/api/v1/assets?mediaType=photo,video"))
                    .path("assets");
            assertThat(assets).hasSize(2);
            String photo = idOf(assets, "IMG_0001.JPG");
            String plain = idOf(assets, "plain.jpg");

            // The owner: the signed URL of asset info plays without headers, and seeks.
            String signed = TestServer.json(server.get("/api/v1/assets/" + photo))
                    .path("pairedVideoUri")
                    .asText();
            assertThat(signed).contains("/api/v1/assets/" + photo + "/paired-video?");
            HttpResponse<byte[]> whole = bytes(server, HttpRequest.newBuilder(URI.create(signed)));
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(whole.body()).isEqualTo(onDisk);
            assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/quicktime");
            HttpResponse<byte[]> range =
                    bytes(server, HttpRequest.newBuilder(URI.create(signed)).header("Range", "bytes=100-199"));
            assertThat(range.statusCode()).isEqualTo(206);
            assertThat(range.body()).isEqualTo(Arrays.copyOfRange(onDisk, 100, 200));
            assertThat(TestServer.json(server.get("/api/v1/assets/" + plain))
                            .path("pairedVideoUri")
                            .isNull())
                    .isTrue();
            HttpResponse<String> none = server.get("/api/v1/assets/" + plain + "/paired-video");
            assertThat(none.statusCode()).isEqualTo(404);
            assertThat(none.body()).contains("has no paired video");

            // An app that sees photos but not places: the video, without its place.
            String photos = appToken(server, Grant.all(Set.of(GranularPermission.PHOTO), false));
            HttpResponse<byte[]> redacted =
                    bytes(server, bearer(server, photos, "/api/v1/assets/" + photo + "/paired-video"));
            assertThat(redacted.statusCode()).isEqualTo(200);
            assertThat(redacted.body()).hasSameSizeAs(onDisk);
            assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).contains(LocatedFiles.ISO6709);
            assertThat(new String(redacted.body(), StandardCharsets.ISO_8859_1)).doesNotContain(LocatedFiles.ISO6709);

            // An app that sees videos only does not see the photo: its video is a made-up id's.
            String videos = appToken(server, Grant.all(Set.of(GranularPermission.VIDEO), true));
            HttpResponse<byte[]> hidden =
                    bytes(server, bearer(server, videos, "/api/v1/assets/" + photo + "/paired-video"));
            String madeUp = "a".repeat(13);
            HttpResponse<byte[]> missing =
                    bytes(server, bearer(server, videos, "/api/v1/assets/" + madeUp + "/paired-video"));
            assertThat(hidden.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
            assertThat(new String(hidden.body(), StandardCharsets.UTF_8).replace(photo, "ID"))
                    .isEqualTo(new String(missing.body(), StandardCharsets.UTF_8).replace(madeUp, "ID"));
        }
    }

    @Test
    void aMotionPhotosEmbeddedVideoIsServedWithRanges() throws Exception {
        Path scratch = Files.createDirectories(root.resolve(".scratch"));
        byte[] mp4 = MotionPhotoFiles.mp4(scratch.resolve("clip.mp4"));
        MotionPhotoFiles.google(root.resolve("PXL_0001.MP.jpg"), mp4, mp4.length);
        try (TestServer server = TestServer.start(root, ServerOptions.defaults())) {
            String photo = TestServer.json(server.get("/api/v1/assets"))
                    .path("assets")
                    .get(0)
                    .path("id")
                    .asText();
            String signed = TestServer.json(server.get("/api/v1/assets/" + photo))
                    .path("pairedVideoUri")
                    .asText();
            assertThat(signed).contains("/api/v1/assets/" + photo + "/paired-video?");
            HttpResponse<byte[]> whole = bytes(server, HttpRequest.newBuilder(URI.create(signed)));
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(whole.body()).isEqualTo(mp4);
            assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/mp4");
            HttpResponse<byte[]> tail =
                    bytes(server, HttpRequest.newBuilder(URI.create(signed)).header("Range", "bytes=-64"));
            assertThat(tail.statusCode()).isEqualTo(206);
            assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(mp4, mp4.length - 64, mp4.length));
            assertThat(tail.headers().firstValue("Content-Range"))
                    .hasValue("bytes " + (mp4.length - 64) + "-" + (mp4.length - 1) + "/" + mp4.length);
        }
    }

    private static String appToken(TestServer server, Grant grant) {
        App app = server.apps().add("Viewer " + grant.mediaTypes());
        server.grants().set(app.id(), grant);
        return server.apps()
                .issue(app.id(), OAuthScopes.of(server.grants().grant(app.id())))
                .accessToken();
    }

    private static HttpRequest.Builder bearer(TestServer server, String token, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server.port() + path))
                .header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<byte[]> bytes(TestServer server, HttpRequest.Builder request) throws Exception {
        return server.http.send(
                request.timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String idOf(JsonNode assets, String filename) {
        for (JsonNode asset : assets) {
            if (asset.path("filename").asText().equals(filename)) {
                return asset.path("id").asText();
            }
        }
        throw new AssertionError(filename + " not listed: " + assets);
    }
}
