package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camroll.core.media.Thumbnailer;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailRouteTest {
    @TempDir
    Path root;

    private static String idOf(TestServer server, String filename) {
        for (JsonNode asset : TestServer.json(server.get("/api/v1/assets?first=100&mediaType=photo,video,audio"))
                .path("assets")) {
            if (asset.path("filename").asText().equals(filename)) {
                return asset.path("id").asText();
            }
        }
        throw new AssertionError("no asset " + filename);
    }

    private static HttpResponse<byte[]> bytes(TestServer server, HttpRequest request) throws Exception {
        return server.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> thumbnail(TestServer server, String id, String query) throws Exception {
        return bytes(
                server,
                server.request("/api/v1/assets/" + id + "/thumbnail" + query).build());
    }

    private static BufferedImage image(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image).as("a picture ImageIO decodes").isNotNull();
        return image;
    }

    @Test
    void aTrashedAssetKeepsItsThumbnailAndTheTrashListsItsFields() throws Exception {
        TestMedia.jpeg(root.resolve("Trips/beach.jpg"), 64, 48);
        TestMedia.jpeg(root.resolve("Trips/never-shown.jpg"), 48, 64);
        TestMedia.jpeg(root.resolve("kept.jpg"), 20, 20);
        try (TestServer server = TestServer.start(root)) {
            String beach = idOf(server, "beach.jpg");
            String neverShown = idOf(server, "never-shown.jpg");
            // One thumbnail made while in the library, one never made before the delete.
            BufferedImage before = image(thumbnail(server, beach, ""));
            assertThat(server.post("/api/v1/assets/delete", "{\"ids\":[\"" + beach + "\",\"" + neverShown + "\"]}")
                            .statusCode())
                    .isEqualTo(204);

            HttpResponse<byte[]> kept = thumbnail(server, beach, "");
            assertThat(image(kept).getWidth()).isEqualTo(before.getWidth());
            assertThat(image(thumbnail(server, neverShown, "")).getHeight()).isEqualTo(64);

            JsonNode page = TestServer.json(server.get("/api/v1/trash/assets?first=1"));
            assertThat(page.path("totalCount").asInt()).isEqualTo(2);
            assertThat(page.path("hasNextPage").asBoolean()).isTrue();
            JsonNode first = page.path("assets").get(0);
            assertThat(first.path("filename").asText()).isIn("beach.jpg", "never-shown.jpg");
            assertThat(first.path("mediaType").asText()).isEqualTo("photo");
            assertThat(first.path("uri").isNull()).isTrue();
            JsonNode next = TestServer.json(server.get("/api/v1/trash/assets?first=1&after="
                    + page.path("endCursor").asText()));
            assertThat(next.path("assets").get(0).path("filename").asText())
                    .isNotEqualTo(first.path("filename").asText());
            assertThat(next.path("hasNextPage").asBoolean()).isFalse();

            HttpResponse<String> badFirst = server.get("/api/v1/trash/assets?first=0");
            assertThat(badFirst.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(badFirst).path("error").path("parameter").asText())
                    .isEqualTo("first");
            assertThat(server.get("/api/v1/trash/assets?sortBy=width").statusCode())
                    .isEqualTo(400);
            assertThat(server.get("/api/v1/trash/assets?after=nonsense").statusCode())
                    .isEqualTo(400);

            // Purged: no thumbnail any more, as for an unknown id.
            assertThat(server.delete("/api/v1/trash").statusCode()).isEqualTo(204);
            assertThat(thumbnail(server, beach, "").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aRotatedCameraPhotoIsShownUprightAtTheSizeAskedFor() throws Exception {
        // Stored 450 x 600 with EXIF orientation 6: shown 600 x 450.
        Files.copy(TestMedia.corpus("exif-samples/jpg/orientation/landscape_6.jpg"), root.resolve("landscape_6.jpg"));
        Files.copy(TestMedia.corpus("exif-samples/jpg/Canon_40D.jpg"), root.resolve("Canon_40D.jpg"));
        try (TestServer server = TestServer.start(root)) {
            String rotated = idOf(server, "landscape_6.jpg");
            HttpResponse<byte[]> grid = thumbnail(server, rotated, "?size=grid");
            BufferedImage gridImage = image(grid);
            assertThat(gridImage.getWidth()).isEqualTo(256);
            assertThat(gridImage.getHeight()).isEqualTo(192);
            assertThat(grid.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(grid.headers().firstValue("Cache-Control")).hasValue("private, max-age=2592000");

            // No size is the grid; the preview is never larger than the picture.
            assertThat(image(thumbnail(server, rotated, "")).getWidth()).isEqualTo(256);
            BufferedImage preview = image(thumbnail(server, rotated, "?size=preview"));
            assertThat(preview.getWidth()).isEqualTo(600);
            assertThat(preview.getHeight()).isEqualTo(450);

            JsonNode camera = TestServer.json(server.get("/api/v1/assets/" + idOf(server, "Canon_40D.jpg")));
            int longEdge =
                    Math.max(camera.path("width").asInt(), camera.path("height").asInt());
            BufferedImage cameraGrid = image(thumbnail(server, idOf(server, "Canon_40D.jpg"), "?size=grid"));
            assertThat(Math.max(cameraGrid.getWidth(), cameraGrid.getHeight())).isEqualTo(Math.min(256, longEdge));
        }
    }

    @Test
    void aVideoShowsAFrameAndAudioItsCoverArtOrNoThumbnail() throws Exception {
        TestMedia.video(root.resolve("clip.mp4"), 2, 320, 240);
        TestMedia.audio(root.resolve("cover.m4a"), 1, TestMedia.AudioSpec.PLAIN.withCoverArt());
        TestMedia.audio(root.resolve("plain.mp3"), 1);
        try (TestServer server = TestServer.start(root)) {
            BufferedImage frame = image(thumbnail(server, idOf(server, "clip.mp4"), "?size=grid"));
            assertThat(frame.getWidth()).isEqualTo(256);
            assertThat(frame.getHeight()).isEqualTo(192);

            BufferedImage cover = image(thumbnail(server, idOf(server, "cover.m4a"), "?size=grid"));
            assertThat(cover.getWidth()).isEqualTo(64);
            assertThat(cover.getHeight()).isEqualTo(64);

            HttpResponse<String> none =
                    server.get("/api/v1/assets/" + idOf(server, "plain.mp3") + "/thumbnail?size=grid");
            assertThat(none.statusCode()).isEqualTo(404);
            assertThat(TestServer.errorCode(none)).isEqualTo("no_thumbnail");
            assertThat(TestServer.json(none).path("error").path("reason").asText())
                    .isEqualTo("no_picture");
        }
    }

    @Test
    void badInputGetsTheApisErrors() throws Exception {
        TestMedia.jpeg(root.resolve("photo.jpg"), 64, 48);
        try (TestServer server = TestServer.start(root)) {
            String id = idOf(server, "photo.jpg");

            HttpResponse<String> unknown = server.get("/api/v1/assets/no-such-asset/thumbnail?size=grid");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(TestServer.errorCode(unknown)).isEqualTo("not_found");

            HttpResponse<String> badSize = server.get("/api/v1/assets/" + id + "/thumbnail?size=huge");
            assertThat(badSize.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(badSize).path("error").path("parameter").asText())
                    .isEqualTo("size");

            HttpResponse<String> badFormat = server.get("/api/v1/assets/" + id + "/thumbnail?format=gif");
            assertThat(badFormat.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(badFormat)
                            .path("error")
                            .path("parameter")
                            .asText())
                    .isEqualTo("format");

            HttpResponse<String> extra = server.get("/api/v1/assets/" + id + "/thumbnail?size=grid&width=10");
            assertThat(extra.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(extra).path("error").path("parameter").asText())
                    .isEqualTo("width");

            HttpResponse<String> noToken =
                    server.send(HttpRequest.newBuilder(server.uri("/api/v1/assets/" + id + "/thumbnail"))
                            .build());
            assertThat(noToken.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void theETagAnswersWith304AndTheSignedUriOfTheOriginalOpensTheThumbnail() throws Exception {
        TestMedia.jpeg(root.resolve("photo.jpg"), 640, 480);
        try (TestServer server = TestServer.start(root)) {
            String id = idOf(server, "photo.jpg");
            HttpResponse<byte[]> first = thumbnail(server, id, "?size=grid");
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).startsWith("\"").endsWith("\"");

            HttpResponse<byte[]> again = bytes(
                    server,
                    server.request("/api/v1/assets/" + id + "/thumbnail?size=grid")
                            .header("If-None-Match", etag)
                            .build());
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.headers().firstValue("ETag")).hasValue(etag);

            // The preview is another entry with its own tag.
            HttpResponse<byte[]> preview = bytes(
                    server,
                    server.request("/api/v1/assets/" + id + "/thumbnail?size=preview")
                            .header("If-None-Match", etag)
                            .build());
            assertThat(preview.statusCode()).isEqualTo(200);

            String uri = TestServer.json(server.get("/api/v1/assets"))
                    .path("assets")
                    .get(0)
                    .path("uri")
                    .asText();
            URI signed = URI.create(uri.replace("/original?", "/thumbnail?size=grid&"));
            HttpResponse<byte[]> byUrl =
                    server.http.send(HttpRequest.newBuilder(signed).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(byUrl.statusCode()).isEqualTo(200);
            assertThat(byUrl.body()).isEqualTo(first.body());

            URI forged = URI.create(
                    uri.replace("/original?", "/thumbnail?size=grid&").replaceAll("signature=[^&]+", "signature=AAAA"));
            HttpResponse<byte[]> byForged =
                    server.http.send(HttpRequest.newBuilder(forged).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(byForged.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aPurgedAssetsThumbnailIsGoneAndARestartedServerServesTheCachedOne() throws Exception {
        TestMedia.jpeg(root.resolve("kept.jpg"), 640, 480);
        TestMedia.jpeg(root.resolve("gone.jpg"), 640, 480);
        TestServer server = TestServer.start(root);
        try {
            String kept = idOf(server, "kept.jpg");
            String gone = idOf(server, "gone.jpg");
            String etag = thumbnail(server, kept, "?size=grid")
                    .headers()
                    .firstValue("ETag")
                    .orElseThrow();
            assertThat(thumbnail(server, gone, "?size=grid").statusCode()).isEqualTo(200);
            Path keptEntry = entryOf(kept);
            Path goneEntry = entryOf(gone);
            FileTime written = Files.getLastModifiedTime(keptEntry);

            assertThat(server.post("/api/v1/assets/delete", "{\"ids\":[\"" + gone + "\"]}")
                            .statusCode())
                    .isLessThan(300);
            assertThat(server.delete("/api/v1/trash").statusCode()).isLessThan(300);
            assertThat(goneEntry).doesNotExist();
            assertThat(server.get("/api/v1/assets/" + gone + "/thumbnail").statusCode())
                    .isEqualTo(404);

            Thread.sleep(Duration.ofMillis(50));
            server = server.restart(ServerOptions.defaults());
            HttpResponse<byte[]> cached = thumbnail(server, kept, "?size=grid");
            assertThat(cached.statusCode()).isEqualTo(200);
            assertThat(cached.headers().firstValue("ETag")).hasValue(etag);
            assertThat(Files.getLastModifiedTime(keptEntry)).isEqualTo(written);
        } finally {
            server.close();
        }
    }

    @Test
    void webpIsAnotherEntryWithItsOwnTypeAndTag() throws Exception {
        Assumptions.assumeTrue(Thumbnailer.webpAvailable(), "the bundled FFmpeg has no WebP encoder here");
        TestMedia.jpeg(root.resolve("photo.jpg"), 640, 480);
        try (TestServer server = TestServer.start(root)) {
            String id = idOf(server, "photo.jpg");
            HttpResponse<byte[]> jpeg = thumbnail(server, id, "?size=grid&format=jpeg");
            HttpResponse<byte[]> webp = thumbnail(server, id, "?size=grid&format=webp");
            assertThat(webp.statusCode()).isEqualTo(200);
            assertThat(webp.headers().firstValue("Content-Type")).hasValue("image/webp");
            assertThat(new String(webp.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            assertThat(new String(webp.body(), 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
            assertThat(webp.headers().firstValue("ETag"))
                    .isNotEqualTo(jpeg.headers().firstValue("ETag"));
        }
    }

    private Path entryOf(String id) throws Exception {
        try (Stream<Path> files = Files.walk(root.resolve(".camroll/thumbnails"))) {
            return files.filter(
                            file -> file.getParent().getFileName().toString().equals(id))
                    .filter(file -> file.getFileName().toString().startsWith("grid-"))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
