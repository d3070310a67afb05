package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camroll.core.metadata.MediaFacts;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.metadata.ProbeOutcome;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/assets/{id}/rendition} over a real server, library and media made here. */
class RenditionRouteTest {
    @TempDir
    Path root;

    @TempDir
    Path scratch;

    private static JsonNode assetNamed(TestServer server, String filename) {
        for (JsonNode asset : TestServer.json(server.get("/api/v1/assets?first=100&mediaType=photo,video,audio"))
                .path("assets")) {
            if (asset.path("filename").asText().equals(filename)) {
                return asset;
            }
        }
        throw new AssertionError("no asset " + filename);
    }

    private static String idOf(TestServer server, String filename) {
        return assetNamed(server, filename).path("id").asText();
    }

    private static HttpResponse<byte[]> rendition(TestServer server, String id, String... headers) throws Exception {
        HttpRequest.Builder request = server.request("/api/v1/assets/" + id + "/rendition");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return server.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private MediaFacts probe(byte[] bytes, String name) throws Exception {
        Path file = Files.write(scratch.resolve(name), bytes);
        ProbeOutcome outcome = new MediaProbe(ZoneOffset.UTC).probe(file);
        assertThat(outcome).isInstanceOf(ProbeOutcome.Media.class);
        return ((ProbeOutcome.Media) outcome).facts();
    }

    private static boolean contains(byte[] bytes, String fourcc) {
        byte[] wanted = fourcc.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void anMpeg2VideoIsServedAsAnH264Mp4WithRangesAndValidators() throws Exception {
        TestMedia.video(root.resolve("camcorder.mts"), 3, 640, 360, "mpegts", "mpeg2video", "mp2");
        try (TestServer server = TestServer.start(root)) {
            String id = idOf(server, "camcorder.mts");

            HttpResponse<byte[]> whole = rendition(server, id);

            assertThat(whole.statusCode())
                    .as(new String(whole.body(), StandardCharsets.UTF_8))
                    .isEqualTo(200);
            assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/mp4");
            assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
            assertThat(whole.headers().firstValue("Content-Disposition").orElseThrow())
                    .contains("camcorder.mp4");
            assertThat(contains(whole.body(), "avc1")).as("an H.264 track").isTrue();
            assertThat(contains(whole.body(), "mp4a")).as("an AAC track").isTrue();
            MediaFacts facts = probe(whole.body(), "made.mp4");
            assertThat(facts.width()).isEqualTo(640);
            assertThat(facts.height()).isEqualTo(360);
            assertThat(facts.durationSeconds()).isCloseTo(3.0, Offset.offset(0.15));

            String etag = whole.headers().firstValue("ETag").orElseThrow();
            HttpResponse<byte[]> part = rendition(server, id, "Range", "bytes=100-1099");
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-1099/" + whole.body().length);
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(whole.body(), 100, 1100));
            assertThat(part.headers().firstValue("ETag")).hasValue(etag);

            HttpResponse<byte[]> tail = rendition(server, id, "Range", "bytes=-500");
            assertThat(tail.statusCode()).isEqualTo(206);
            assertThat(tail.body())
                    .isEqualTo(Arrays.copyOfRange(whole.body(), whole.body().length - 500, whole.body().length));

            assertThat(rendition(server, id, "Range", "bytes=" + whole.body().length + "-")
                            .statusCode())
                    .isEqualTo(416);
            assertThat(rendition(server, id, "If-None-Match", etag).statusCode())
                    .isEqualTo(304);

            HttpResponse<Void> head = server.http.send(
                    server.request("/api/v1/assets/" + id + "/rendition")
                            .method("HEAD", HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(whole.body().length);
        }
    }

    @Test
    void anH264Mp4IsItsOwnOriginalByteForByte() throws Exception {
        Path original = TestMedia.video(root.resolve("phone.mp4"), 1, 320, 240, "mp4", "libopenh264", "aac");
        try (TestServer server = TestServer.start(root)) {
            String id = idOf(server, "phone.mp4");

            HttpResponse<byte[]> response = rendition(server, id);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(Files.readAllBytes(original));
            assertThat(response.headers().firstValue("Content-Type")).hasValue("video/mp4");
            HttpResponse<String> originalResponse = server.get("/api/v1/assets/" + id + "/original");
            assertThat(response.headers().firstValue("ETag"))
                    .isEqualTo(originalResponse.headers().firstValue("ETag"));
            assertThat(server.data.resolve("renditions")).doesNotExist();
        }
    }

    @Test
    void aTiffIsShownAsAJpegOfItsSize() throws Exception {
        TestMedia.tiff(root.resolve("scan.tif"), 800, 600);
        try (TestServer server = TestServer.start(root)) {
            HttpResponse<byte[]> response = rendition(server, idOf(server, "scan.tif"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(response.body()));
            assertThat(picture.getWidth()).isEqualTo(800);
            assertThat(picture.getHeight()).isEqualTo(600);
        }
    }

    @Test
    void aCorruptVideoIsNoRenditionAndAnUnknownIdNotFound() throws Exception {
        byte[] bytes = Files.readAllBytes(
                TestMedia.video(scratch.resolve("good.mts"), 2, 320, 240, "mpegts", "mpeg2video", null));
        java.util.Random noise = new java.util.Random(11);
        for (int i = 0; i < bytes.length; i++) {
            if (i % 188 != 0) {
                bytes[i] = (byte) noise.nextInt();
            }
        }
        Files.write(root.resolve("corrupt.mts"), bytes);
        TestMedia.jpeg(root.resolve("photo.jpg"), 64, 48);
        try (TestServer server = TestServer.start(root)) {
            HttpResponse<String> corrupt = server.get("/api/v1/assets/" + idOf(server, "corrupt.mts") + "/rendition");
            assertThat(corrupt.statusCode()).isEqualTo(404);
            assertThat(TestServer.errorCode(corrupt)).isEqualTo("no_rendition");
            assertThat(TestServer.json(corrupt).path("error").path("reason").asText())
                    .isEqualTo("unreadable");

            HttpResponse<String> unknown = server.get("/api/v1/assets/no-such-asset/rendition");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(TestServer.errorCode(unknown)).isEqualTo("not_found");

            HttpResponse<String> extra =
                    server.get("/api/v1/assets/" + idOf(server, "photo.jpg") + "/rendition?size=huge");
            assertThat(extra.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aRequestThatCannotWaitGets503WithRetryAfterAndTheRenditionLater() throws Exception {
        TestMedia.video(root.resolve("long.mts"), 4, 1280, 720, "mpegts", "mpeg2video", "mp2");
        try (TestServer server = TestServer.start(root, ServerOptions.defaults(), Duration.ZERO)) {
            String id = idOf(server, "long.mts");

            HttpResponse<String> pending = server.get("/api/v1/assets/" + id + "/rendition");

            assertThat(pending.statusCode()).isEqualTo(503);
            assertThat(TestServer.errorCode(pending)).isEqualTo("unavailable");
            long retryAfter =
                    Long.parseLong(pending.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isPositive();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            HttpResponse<byte[]> done;
            do {
                Thread.sleep(500);
                done = rendition(server, id);
            } while (done.statusCode() == 503 && System.nanoTime() < deadline);
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.headers().firstValue("Content-Type")).hasValue("video/mp4");
        }
    }

    @Test
    void theAssetsSignedUriOpensItsRenditionWithoutTheToken() throws Exception {
        TestMedia.tiff(root.resolve("scan.tif"), 64, 48);
        try (TestServer server = TestServer.start(root)) {
            String uri = assetNamed(server, "scan.tif").path("uri").asText();
            assertThat(uri).contains("/original?");

            HttpResponse<byte[]> signed = server.http.send(
                    HttpRequest.newBuilder(URI.create(uri.replace("/original?", "/rendition?")))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(signed.statusCode()).isEqualTo(200);
            assertThat(signed.headers().firstValue("Content-Type")).hasValue("image/jpeg");

            HttpResponse<byte[]> unsigned = server.http.send(
                    HttpRequest.newBuilder(server.uri("/api/v1/assets/" + idOf(server, "scan.tif") + "/rendition"))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(unsigned.statusCode()).isEqualTo(401);
        }
    }
}
