package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camroll.core.scan.WriteTempFiles;
import dev.camroll.core.testing.TestMedia;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadRouteTest {
    @TempDir
    Path root;

    private static byte[] jpeg() {
        return TestMedia.jpegBytes(48, 32);
    }

    @Test
    void aRawBodyWithItsFileNameBecomesAnAsset() throws Exception {
        try (TestServer server = TestServer.start(root)) {
            HttpResponse<String> created = server.send(server.request("/api/v1/assets?filename=beach.jpg")
                    .header("Content-Type", "image/jpeg")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg()))
                    .build());
            assertThat(created.statusCode()).isEqualTo(201);
            JsonNode asset = TestServer.json(created);
            assertThat(asset.path("filename").asText()).isEqualTo("beach.jpg");
            assertThat(asset.path("width").asInt()).isEqualTo(48);
            assertThat(Files.readAllBytes(root.resolve("Pictures/beach.jpg"))).isEqualTo(jpeg());
            assertThat(leftovers(server)).isEmpty();
        }
    }

    @Test
    void aMultipartFormWithAFilePartBecomesAnAsset() throws Exception {
        try (TestServer server = TestServer.start(root)) {
            String boundary = "camroll-boundary";
            byte[] head = ("--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"form.jpg\"\r\n"
                            + "Content-Type: image/jpeg\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> created = server.send(server.request("/api/v1/assets")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(
                            HttpRequest.BodyPublishers.ofByteArray(head),
                            HttpRequest.BodyPublishers.ofByteArray(jpeg()),
                            HttpRequest.BodyPublishers.ofByteArray(tail)))
                    .build());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(TestServer.json(created).path("filename").asText()).isEqualTo("form.jpg");
            assertThat(leftovers(server)).isEmpty();
        }
    }

    @Test
    void refusedUploadsLeaveNothingBehind() throws Exception {
        try (TestServer server = TestServer.start(root, ServerOptions.defaults().withUploadLimit(100_000))) {
            // The limit a page checks before sending.
            assertThat(TestServer.json(server.get("/api/v1/limits"))
                            .path("uploadMaxBytes")
                            .asLong())
                    .isEqualTo(100_000);
            assertThat(server.get("/api/v1/limits?x=1").statusCode()).isEqualTo(400);
            HttpResponse<String> tooLarge = server.send(server.request("/api/v1/assets?filename=big.jpg")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[200_000]))
                    .build());
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(TestServer.errorCode(tooLarge)).isEqualTo("too_large");

            HttpResponse<String> notMedia = server.send(server.request("/api/v1/assets?filename=note.jpg")
                    .POST(HttpRequest.BodyPublishers.ofString("just text"))
                    .build());
            assertThat(notMedia.statusCode()).isEqualTo(415);
            assertThat(TestServer.errorCode(notMedia)).isEqualTo("not_media");

            HttpResponse<String> noName = server.send(server.request("/api/v1/assets")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg()))
                    .build());
            assertThat(noName.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(noName).path("error").path("parameter").asText())
                    .isEqualTo("filename");
            HttpResponse<String> path = server.send(server.request("/api/v1/assets?filename=../x.jpg")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg()))
                    .build());
            assertThat(path.statusCode()).isEqualTo(400);
            assertThat(leftovers(server)).isEmpty();
            assertThat(TestServer.json(server.get("/api/v1/assets"))
                            .path("totalCount")
                            .asLong())
                    .isZero();
        }
    }

    @Test
    void anUploadCutOffHalfWayLeavesNothingBehind() throws Exception {
        try (TestServer server = TestServer.start(root)) {
            byte[] photo = jpeg();
            try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/assets?filename=cut.jpg HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Authorization: Bearer " + server.token + "\r\n"
                                + "Content-Length: " + (photo.length + 1_000_000) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(photo);
                out.flush();
                Thread.sleep(300);
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!leftovers(server).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(leftovers(server)).isEmpty();
            assertThat(Files.exists(root.resolve("Pictures/cut.jpg"))).isFalse();
            assertThat(TestServer.json(server.get("/api/v1/assets"))
                            .path("totalCount")
                            .asLong())
                    .isZero();
        }
    }

    /** The temporary files of writes anywhere under the library, and anything left in DATA/uploads. */
    private static java.util.List<Path> leftovers(TestServer server) throws Exception {
        Path uploads = server.data.resolve(UploadRoute.UPLOADS);
        try (Stream<Path> files = Files.walk(server.root)) {
            return files.filter(file -> file.getFileName().toString().startsWith(WriteTempFiles.PREFIX)
                            || (file.startsWith(uploads) && !file.equals(uploads) && Files.isRegularFile(file)))
                    .toList();
        }
    }
}
