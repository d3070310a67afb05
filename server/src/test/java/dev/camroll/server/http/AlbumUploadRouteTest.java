package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.testing.TestMedia;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/v1/albums/upload: an album whose first asset is the upload, under its own name. */
class AlbumUploadRouteTest {
    @TempDir
    Path root;

    @Test
    void anUploadBecomesTheFirstAssetOfANewAlbumUnderItsOwnName() throws Exception {
        TestMedia.jpeg(root.resolve("Pictures/a.jpg"), 10, 10);
        byte[] jpeg = TestMedia.jpegBytes(20, 12);
        try (TestServer server = TestServer.start(root)) {
            HttpResponse<String> created = upload(server, "/api/v1/albums/upload?name=Trips&filename=a.jpg", jpeg);
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(TestServer.json(created).path("title").asText()).isEqualTo("Trips");
            assertThat(TestServer.json(created).path("assetCount").asInt()).isEqualTo(1);
            // Not "a (1).jpg": the name is taken in the default album, not in the new one.
            assertThat(root.resolve("Trips/a.jpg")).hasBinaryContent(jpeg);

            HttpResponse<String> taken = upload(server, "/api/v1/albums/upload?name=Trips&filename=b.jpg", jpeg);
            assertThat(taken.statusCode()).isEqualTo(409);
            assertThat(TestServer.errorCode(taken)).isEqualTo("conflict");
            HttpResponse<String> noName = upload(server, "/api/v1/albums/upload?filename=b.jpg", jpeg);
            assertThat(noName.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(noName).path("error").path("parameter").asText())
                    .isEqualTo("name");
            HttpResponse<String> notMedia = upload(
                    server, "/api/v1/albums/upload?name=Notes&filename=n.jpg", "text".getBytes(StandardCharsets.UTF_8));
            assertThat(notMedia.statusCode()).isEqualTo(415);
            assertThat(root.resolve("Notes")).doesNotExist();
            try (var left = Files.list(server.data.resolve(UploadRoute.UPLOADS))) {
                assertThat(left).as("nothing of the uploads is left behind").isEmpty();
            }
        }
    }

    private static HttpResponse<String> upload(TestServer server, String path, byte[] body) {
        return server.send(server.request(path)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }
}
