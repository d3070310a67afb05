package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camroll.core.testing.TestMedia;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginalRouteTest {
    @TempDir
    Path root;

    private byte[] bytes;

    private TestServer serveOnePhoto(ServerOptions options) throws Exception {
        Path photo = TestMedia.jpeg(root.resolve("Été à Nice.jpg"), 64, 48);
        bytes = Files.readAllBytes(photo);
        return TestServer.start(root, options);
    }

    private static String firstId(TestServer server) {
        return TestServer.json(server.get("/api/v1/assets"))
                .path("assets")
                .get(0)
                .path("id")
                .asText();
    }

    private HttpResponse<byte[]> bytes(TestServer server, HttpRequest request) throws Exception {
        return server.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void servesTheBytesWithTypeNameTagAndPrivateCaching() throws Exception {
        try (TestServer server = serveOnePhoto(ServerOptions.defaults())) {
            String path = "/api/v1/assets/" + firstId(server) + "/original";
            HttpResponse<byte[]> whole = bytes(server, server.request(path).build());
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(whole.body()).isEqualTo(bytes);
            assertThat(whole.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("image/jpeg"));
            assertThat(whole.headers().firstValue("Cache-Control")).hasValue("private");
            assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
            assertThat(whole.headers().firstValue("Content-Disposition"))
                    .hasValue(
                            "inline; filename=\"_t_ _ Nice.jpg\"; filename*=UTF-8''%C3%89t%C3%A9%20%C3%A0%20Nice.jpg");
            String etag = whole.headers().firstValue("ETag").orElseThrow();
            String lastModified = whole.headers().firstValue("Last-Modified").orElseThrow();

            HttpResponse<byte[]> cached = bytes(
                    server, server.request(path).header("If-None-Match", etag).build());
            assertThat(cached.statusCode()).isEqualTo(304);
            assertThat(cached.body()).isEmpty();
            HttpResponse<byte[]> since = bytes(
                    server,
                    server.request(path)
                            .header("If-Modified-Since", lastModified)
                            .build());
            assertThat(since.statusCode()).isEqualTo(304);
            HttpResponse<byte[]> otherTag = bytes(
                    server,
                    server.request(path).header("If-None-Match", "\"other\"").build());
            assertThat(otherTag.statusCode()).isEqualTo(200);

            HttpResponse<byte[]> head = bytes(
                    server,
                    server.request(path)
                            .method("HEAD", HttpRequest.BodyPublishers.noBody())
                            .build());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(bytes.length));

            assertThat(server.get("/api/v1/assets/AAAAAAAAAAAAA/original").statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void oneRangeIsA206AndARangeOutsideTheFileA416() throws Exception {
        try (TestServer server = serveOnePhoto(ServerOptions.defaults())) {
            String path = "/api/v1/assets/" + firstId(server) + "/original";
            HttpResponse<byte[]> part = bytes(
                    server, server.request(path).header("Range", "bytes=10-19").build());
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(bytes, 10, 20));
            assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 10-19/" + bytes.length);
            HttpResponse<byte[]> tail = bytes(
                    server, server.request(path).header("Range", "bytes=-5").build());
            assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 5, bytes.length));
            HttpResponse<byte[]> open = bytes(
                    server, server.request(path).header("Range", "bytes=100-").build());
            assertThat(open.body()).isEqualTo(Arrays.copyOfRange(bytes, 100, bytes.length));

            HttpResponse<String> outside = server.send(server.request(path)
                    .header("Range", "bytes=" + bytes.length + "-")
                    .build());
            assertThat(outside.statusCode()).isEqualTo(416);
            assertThat(outside.headers().firstValue("Content-Range")).hasValue("bytes */" + bytes.length);
            assertThat(TestServer.errorCode(outside)).isEqualTo("invalid_argument");
            assertThat(server.send(server.request(path)
                                    .header("Range", "bytes=9-3")
                                    .build())
                            .statusCode())
                    .isEqualTo(416);

            String etag = part.headers().firstValue("ETag").orElseThrow();
            HttpResponse<byte[]> staleIfRange = bytes(
                    server,
                    server.request(path)
                            .header("Range", "bytes=0-1")
                            .header("If-Range", "\"old\"")
                            .build());
            assertThat(staleIfRange.statusCode()).isEqualTo(200);
            HttpResponse<byte[]> currentIfRange = bytes(
                    server,
                    server.request(path)
                            .header("Range", "bytes=0-1")
                            .header("If-Range", etag)
                            .build());
            assertThat(currentIfRange.statusCode()).isEqualTo(206);
        }
    }

    @Test
    void theAssetsUriIsASignedUrlThatLoadsWithoutHeadersUntilItExpires() throws Exception {
        try (TestServer server = serveOnePhoto(ServerOptions.defaults().withMediaUrlLifetime(Duration.ofSeconds(2)))) {
            JsonNode asset =
                    TestServer.json(server.get("/api/v1/assets")).path("assets").get(0);
            URI uri = URI.create(asset.path("uri").asText());
            HttpResponse<byte[]> loaded =
                    bytes(server, HttpRequest.newBuilder(uri).build());
            assertThat(loaded.statusCode()).isEqualTo(200);
            assertThat(loaded.body()).isEqualTo(bytes);

            String tampered =
                    uri.toString().replace("/original?", "/original?x=1&").replaceAll("signature=.", "signature=A");
            assertThat(bytes(
                                    server,
                                    HttpRequest.newBuilder(URI.create(tampered)).build())
                            .statusCode())
                    .isIn(400, 401);
            // Not valid for another route.
            String elsewhere = uri.toString().replace("/original?", "?");
            assertThat(bytes(
                                    server,
                                    HttpRequest.newBuilder(URI.create(elsewhere))
                                            .build())
                            .statusCode())
                    .isEqualTo(401);
            // Nor after its lifetime.
            Thread.sleep(2_100);
            HttpResponse<String> expired =
                    server.send(HttpRequest.newBuilder(uri).build());
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(TestServer.errorCode(expired)).isEqualTo("unauthorized");
        }
    }

    @Test
    void aSymbolicLinkPutInTheFilesPlaceIsNotFollowed() throws Exception {
        try (TestServer server = serveOnePhoto(ServerOptions.defaults())) {
            String path = "/api/v1/assets/" + firstId(server) + "/original";
            Path secret = Files.writeString(
                    Files.createTempDirectory("camroll-secret").resolve("secret.txt"), "secret");
            Path photo = root.resolve("Été à Nice.jpg");
            Files.delete(photo);
            Files.createSymbolicLink(photo, secret);
            HttpResponse<String> response = server.get(path);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("secret\"");
        }
    }

    @Test
    void aSignedUrlDiesWithTheTokenItWasMadeFor() throws Exception {
        try (TestServer server = serveOnePhoto(ServerOptions.defaults())) {
            URI uri = URI.create(TestServer.json(server.get("/api/v1/assets"))
                    .path("assets")
                    .get(0)
                    .path("uri")
                    .asText());
            OwnerToken.reset(server.data);
            assertThat(bytes(server, HttpRequest.newBuilder(uri).build()).statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void theBaseUrlMakesEveryLinkRightBehindAProxy() throws Exception {
        try (TestServer server =
                serveOnePhoto(ServerOptions.defaults().withBaseUrl(URI.create("https://photos.example/camroll/")))) {
            String uri = TestServer.json(server.get("/api/v1/assets"))
                    .path("assets")
                    .get(0)
                    .path("uri")
                    .asText();
            assertThat(uri).startsWith("https://photos.example/camroll/api/v1/assets/");
        }
    }
}
