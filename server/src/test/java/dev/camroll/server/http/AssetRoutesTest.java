package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camroll.core.testing.TestMedia;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetRoutesTest {
    @TempDir
    Path root;

    private TestServer threePhotosAndAVideo() throws Exception {
        Files.createDirectories(root.resolve("Trip"));
        long day = 86_400_000L;
        for (int i = 0; i < 3; i++) {
            Path photo = TestMedia.jpeg(root.resolve("Trip/p" + i + ".jpg"), 40 + i, 30);
            Files.setLastModifiedTime(photo, FileTime.fromMillis(1_700_000_000_000L + i * day));
        }
        TestMedia.video(root.resolve("clip.mp4"), 1, 64, 48);
        return TestServer.start(root);
    }

    @Test
    void listsPagesWithEveryQueryOption() throws Exception {
        try (TestServer server = threePhotosAndAVideo()) {
            JsonNode first = TestServer.json(server.get("/api/v1/assets?first=2&sortBy=width:asc"));
            assertThat(first.path("totalCount").asLong()).isEqualTo(3);
            assertThat(first.path("hasNextPage").asBoolean()).isTrue();
            assertThat(first.path("assets")).hasSize(2);
            assertThat(first.path("assets").get(0).path("width").asInt()).isEqualTo(40);
            assertThat(first.path("assets").get(0).path("mediaType").asText()).isEqualTo("photo");
            String cursor = first.path("endCursor").asText();
            JsonNode next = TestServer.json(server.get("/api/v1/assets?first=2&sortBy=width:asc&after=" + cursor));
            assertThat(next.path("assets")).hasSize(1);
            assertThat(next.path("assets").get(0).path("width").asInt()).isEqualTo(42);

            JsonNode all = TestServer.json(server.get("/api/v1/assets?mediaType=photo,video"));
            assertThat(all.path("totalCount").asLong()).isEqualTo(4);
            JsonNode videos = TestServer.json(server.get("/api/v1/assets?mediaType=video"));
            assertThat(videos.path("assets").get(0).path("filename").asText()).isEqualTo("clip.mp4");

            String album = videos.path("assets").get(0).path("albumId").asText();
            String tripAlbum = TestServer.json(server.get("/api/v1/assets?first=1"))
                    .path("assets")
                    .get(0)
                    .path("albumId")
                    .asText();
            assertThat(TestServer.json(server.get("/api/v1/assets?album=" + tripAlbum))
                            .path("totalCount")
                            .asLong())
                    .isEqualTo(3);
            assertThat(album).isNotEqualTo(tripAlbum);

            JsonNode range = TestServer.json(server.get("/api/v1/assets?createdAfter=" + (1_700_000_000_000L + 1000)
                    + "&createdBefore=2030-01-01T00:00:00Z"));
            assertThat(range.path("totalCount").asLong()).isEqualTo(2);
            assertThat(range.path("assets").get(0).path("uri").asText())
                    .startsWith("http://127.0.0.1:" + server.server.port() + "/api/v1/assets/")
                    .contains("/original?expires=");
        }
    }

    @Test
    void assetsAreReadByTheirIdsAlone() throws Exception {
        try (TestServer server = threePhotosAndAVideo()) {
            JsonNode all = TestServer.json(server.get("/api/v1/assets?first=10&mediaType=photo,video"))
                    .path("assets");
            String first = all.get(0).path("id").asText();
            String last = all.get(3).path("id").asText();

            JsonNode page = TestServer.json(server.get("/api/v1/assets?id=" + last + "&id=AAAAAAAAAAAAA&id=" + first));
            assertThat(page.path("assets").findValuesAsText("id")).containsExactly(last, first);
            assertThat(page.path("totalCount").asInt()).isEqualTo(2);
            assertThat(page.path("hasNextPage").asBoolean()).isFalse();
            assertThat(page.path("assets").get(0).path("uri").asText()).contains("/original?");

            HttpResponse<String> mixed = server.get("/api/v1/assets?id=" + first + "&first=10");
            assertThat(mixed.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(mixed).path("error").path("parameter").asText())
                    .isEqualTo("first");
            String many = "id=" + first + ("&id=" + first).repeat(400);
            HttpResponse<String> tooMany = server.get("/api/v1/assets?" + many);
            assertThat(tooMany.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(tooMany).path("error").path("parameter").asText())
                    .isEqualTo("id");
        }
    }

    @Test
    void aBadOrUnknownParameterIsA400NamingIt() throws Exception {
        try (TestServer server = threePhotosAndAVideo()) {
            for (String[] asked : new String[][] {
                {"first=0", "first"},
                {"first=many", "first"},
                {"mediaType=picture", "mediaType"},
                {"sortBy=size", "sortBy"},
                {"sortBy=width,width", "sortBy"},
                {"createdAfter=yesterday", "createdAfter"},
                {"after=not-a-cursor", null},
                {"colour=red", "colour"},
            }) {
                HttpResponse<String> response = server.get("/api/v1/assets?" + asked[0]);
                assertThat(response.statusCode()).as(asked[0]).isEqualTo(400);
                JsonNode error = TestServer.json(response).path("error");
                assertThat(error.path("code").asText()).isEqualTo("invalid_argument");
                assertThat(error.path("message").asText()).isNotBlank();
                if (asked[1] != null) {
                    assertThat(error.path("parameter").asText()).as(asked[0]).isEqualTo(asked[1]);
                }
            }
        }
    }

    @Test
    void infoFavoriteTrashRestoreAndPurge() throws Exception {
        try (TestServer server = threePhotosAndAVideo()) {
            String id = TestServer.json(server.get("/api/v1/assets?first=1"))
                    .path("assets")
                    .get(0)
                    .path("id")
                    .asText();
            JsonNode info = TestServer.json(server.get("/api/v1/assets/" + id));
            assertThat(info.path("id").asText()).isEqualTo(id);
            assertThat(info.path("mimeType").asText()).isEqualTo("image/jpeg");
            assertThat(info.path("localUri").asText()).contains("/original?");

            HttpResponse<String> missing = server.get("/api/v1/assets/AAAAAAAAAAAAA");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(TestServer.errorCode(missing)).isEqualTo("not_found");

            assertThat(server.put("/api/v1/assets/" + id + "/favorite", "{\"favorite\":true}")
                            .statusCode())
                    .isEqualTo(204);
            assertThat(TestServer.json(server.get("/api/v1/assets/" + id))
                            .path("isFavorite")
                            .asBoolean())
                    .isTrue();
            HttpResponse<String> noFlag = server.put("/api/v1/assets/" + id + "/favorite", "{\"favourite\":true}");
            assertThat(noFlag.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(noFlag).path("error").path("parameter").asText())
                    .isEqualTo("favourite");
            HttpResponse<String> unknownFavorite =
                    server.put("/api/v1/assets/AAAAAAAAAAAAA/favorite", "{\"favorite\":true}");
            assertThat(unknownFavorite.statusCode()).isEqualTo(404);

            HttpResponse<String> unknownDelete =
                    server.post("/api/v1/assets/delete", "{\"ids\":[\"" + id + "\",\"AAAAAAAAAAAAA\"]}");
            assertThat(unknownDelete.statusCode()).isEqualTo(404);
            assertThat(TestServer.json(unknownDelete)
                            .path("error")
                            .path("ids")
                            .get(0)
                            .asText())
                    .isEqualTo("AAAAAAAAAAAAA");
            assertThat(server.post("/api/v1/assets/delete", "{\"ids\":[\"" + id + "\"]}")
                            .statusCode())
                    .isEqualTo(204);
            assertThat(TestServer.json(server.get("/api/v1/trash"))
                            .path("ids")
                            .get(0)
                            .asText())
                    .isEqualTo(id);
            assertThat(server.get("/api/v1/assets/" + id).statusCode()).isEqualTo(404);
            assertThat(server.post("/api/v1/trash/restore", "{\"ids\":[\"" + id + "\"]}")
                            .statusCode())
                    .isEqualTo(204);
            assertThat(server.get("/api/v1/assets/" + id).statusCode()).isEqualTo(200);
            assertThat(server.post("/api/v1/assets/delete", "{\"ids\":[\"" + id + "\"]}")
                            .statusCode())
                    .isEqualTo(204);
            assertThat(server.delete("/api/v1/trash").statusCode()).isEqualTo(204);
            assertThat(TestServer.json(server.get("/api/v1/trash")).path("ids")).isEmpty();
            assertThat(server.post("/api/v1/assets/delete", "not json").statusCode())
                    .isEqualTo(400);
        }
    }

    @Test
    void changesTokenScanAndUnknownRoutesAnswerInTheErrorShape() throws Exception {
        try (TestServer server = threePhotosAndAVideo()) {
            String token = TestServer.json(server.get("/api/v1/changes/token"))
                    .path("token")
                    .asText();
            TestMedia.jpeg(root.resolve("new.jpg"), 20, 20);
            JsonNode report = TestServer.json(server.post("/api/v1/scan", ""));
            assertThat(report.has("added")).isTrue();
            JsonNode changes = TestServer.json(server.get("/api/v1/changes?since=" + token));
            assertThat(changes.path("hasIncrementalChanges").asBoolean()).isTrue();
            assertThat(changes.path("insertedAssets")).hasSize(1);
            HttpResponse<String> badToken = server.get("/api/v1/changes?since=garbage");
            assertThat(badToken.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(badToken).path("error").path("parameter").asText())
                    .isEqualTo("since");

            HttpResponse<String> noRoute = server.get("/api/v1/nothing-here");
            assertThat(noRoute.statusCode()).isEqualTo(404);
            assertThat(TestServer.errorCode(noRoute)).isEqualTo("not_found");
        }
    }

    @Test
    void jsonIsGzippedWhenTheClientAcceptsIt() throws Exception {
        try (TestServer server = threePhotosAndAVideo()) {
            HttpResponse<byte[]> response = server.http.send(
                    server.request("/api/v1/assets?first=100&mediaType=photo,video")
                            .header("Accept-Encoding", "gzip")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
            String body = new String(
                    new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(TestServer.JSON.readTree(body).path("assets")).hasSize(4);
            HttpResponse<String> plain =
                    server.send(server.request("/api/v1/assets").build());
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        }
    }

    @Test
    void corsAllowsTheConfiguredOriginsOnly() throws Exception {
        try (TestServer server = TestServer.start(
                root, ServerOptions.defaults().withCorsOrigins(java.util.List.of("https://app.example")))) {
            HttpResponse<String> allowed = server.send(server.request("/api/v1/assets")
                    .header("Origin", "https://app.example")
                    .build());
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue("https://app.example");
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials"))
                    .isEmpty();
            HttpResponse<String> other = server.send(server.request("/api/v1/assets")
                    .header("Origin", "https://evil.example")
                    .build());
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
            HttpResponse<String> preflight = server.send(HttpRequest.newBuilder(server.uri("/api/v1/assets/delete"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://app.example")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type")
                    .build());
            assertThat(preflight.statusCode()).isEqualTo(200);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue("https://app.example");
        }
    }
}
