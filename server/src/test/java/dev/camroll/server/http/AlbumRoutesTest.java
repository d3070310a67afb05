package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camroll.core.testing.TestMedia;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlbumRoutesTest {
    @TempDir
    Path root;

    @Test
    void renamingAnAlbumKeepsItsIdAndItsAssetsAndRefusesBadOrTakenTitles() throws Exception {
        TestMedia.jpeg(root.resolve("Trips/a.jpg"), 40, 30);
        TestMedia.jpeg(root.resolve("Work/b.jpg"), 50, 30);
        try (TestServer server = TestServer.start(root)) {
            String trips = TestServer.json(server.get("/api/v1/albums/by-title?title=Trips"))
                    .path("id")
                    .asText();
            String asset = TestServer.json(server.get("/api/v1/assets?album=" + trips))
                    .path("assets")
                    .get(0)
                    .path("id")
                    .asText();

            HttpResponse<String> renamed = server.patch("/api/v1/albums/" + trips, "{\"title\":\"Italy 2024\"}");
            assertThat(renamed.statusCode()).isEqualTo(200);
            assertThat(TestServer.json(renamed).path("id").asText()).isEqualTo(trips);
            assertThat(TestServer.json(renamed).path("title").asText()).isEqualTo("Italy 2024");
            assertThat(TestServer.json(renamed).path("assetCount").asInt()).isEqualTo(1);
            assertThat(root.resolve("Italy 2024/a.jpg")).exists();
            assertThat(TestServer.json(server.get("/api/v1/assets/" + asset))
                            .path("albumId")
                            .asText())
                    .isEqualTo(trips);

            HttpResponse<String> taken = server.patch("/api/v1/albums/" + trips, "{\"title\":\"Work\"}");
            assertThat(taken.statusCode()).isEqualTo(409);
            assertThat(TestServer.errorCode(taken)).isEqualTo("conflict");
            HttpResponse<String> slash = server.patch("/api/v1/albums/" + trips, "{\"title\":\"a/b\"}");
            assertThat(slash.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(slash).path("error").path("parameter").asText())
                    .isEqualTo("title");
            HttpResponse<String> none = server.patch("/api/v1/albums/" + trips, "{}");
            assertThat(none.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(none).path("error").path("parameter").asText())
                    .isEqualTo("title");
            HttpResponse<String> other = server.patch("/api/v1/albums/" + trips, "{\"title\":\"X\",\"name\":\"Y\"}");
            assertThat(other.statusCode()).isEqualTo(400);
            assertThat(server.patch("/api/v1/albums/AAAAAAAAAAAAA", "{\"title\":\"X\"}")
                            .statusCode())
                    .isEqualTo(404);
            assertThat(root.resolve("Italy 2024/a.jpg")).exists();
        }
    }

    @Test
    void everyAlbumOperation() throws Exception {
        TestMedia.jpeg(root.resolve("a.jpg"), 40, 30);
        TestMedia.jpeg(root.resolve("b.jpg"), 50, 30);
        try (TestServer server = TestServer.start(root)) {
            JsonNode assets = TestServer.json(server.get("/api/v1/assets")).path("assets");
            String a = assets.get(0).path("id").asText();
            String b = assets.get(1).path("id").asText();

            HttpResponse<String> created =
                    server.post("/api/v1/albums", "{\"name\":\"Trip\",\"assetId\":\"" + a + "\",\"copy\":false}");
            assertThat(created.statusCode()).isEqualTo(201);
            String album = TestServer.json(created).path("id").asText();
            assertThat(TestServer.json(created).path("title").asText()).isEqualTo("Trip");

            HttpResponse<String> taken = server.post("/api/v1/albums", "{\"name\":\"Trip\",\"assetId\":\"" + b + "\"}");
            assertThat(taken.statusCode()).isEqualTo(409);
            assertThat(TestServer.errorCode(taken)).isEqualTo("conflict");
            HttpResponse<String> unknownAsset =
                    server.post("/api/v1/albums", "{\"name\":\"Other\",\"assetId\":\"AAAAAAAAAAAAA\"}");
            assertThat(unknownAsset.statusCode()).isEqualTo(404);
            HttpResponse<String> noName = server.post("/api/v1/albums", "{\"assetId\":\"" + b + "\"}");
            assertThat(noName.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(noName).path("error").path("parameter").asText())
                    .isEqualTo("name");

            assertThat(TestServer.json(server.get("/api/v1/albums/by-title?title=Trip"))
                            .path("id")
                            .asText())
                    .isEqualTo(album);
            assertThat(server.get("/api/v1/albums/by-title?title=Nowhere").statusCode())
                    .isEqualTo(404);
            JsonNode albums = TestServer.json(server.get("/api/v1/albums"));
            assertThat(albums.findValuesAsText("title")).contains("Trip");
            JsonNode withSmart = TestServer.json(server.get("/api/v1/albums?includeSmartAlbums=true"));
            assertThat(withSmart.size()).isGreaterThan(albums.size());
            assertThat(server.get("/api/v1/albums?includeSmartAlbums=maybe").statusCode())
                    .isEqualTo(400);

            assertThat(server.post(
                                    "/api/v1/albums/" + album + "/assets",
                                    "{\"assetIds\":[\"" + b + "\"],\"copy\":false}")
                            .statusCode())
                    .isEqualTo(204);
            assertThat(TestServer.json(server.get("/api/v1/assets?album=" + album))
                            .path("totalCount")
                            .asLong())
                    .isEqualTo(2);
            assertThat(server.post("/api/v1/albums/" + album + "/assets/remove", "{\"assetIds\":[\"" + b + "\"]}")
                            .statusCode())
                    .isEqualTo(204);
            assertThat(TestServer.json(server.get("/api/v1/assets?album=" + album))
                            .path("totalCount")
                            .asLong())
                    .isEqualTo(1);
            assertThat(TestServer.json(server.get("/api/v1/albums/" + album + "/migration"))
                            .path("needsMigration")
                            .asBoolean())
                    .isFalse();
            assertThat(server.post("/api/v1/albums/" + album + "/migration", "").statusCode())
                    .isEqualTo(204);

            HttpResponse<String> unknownAlbum =
                    server.post("/api/v1/albums/delete", "{\"albumIds\":[\"AAAAAAAAAAAAA\"]}");
            assertThat(unknownAlbum.statusCode()).isEqualTo(404);
            assertThat(server.post("/api/v1/albums/delete", "{\"albumIds\":[\"" + album + "\"],\"assetRemove\":true}")
                            .statusCode())
                    .isEqualTo(204);
            assertThat(TestServer.json(server.get("/api/v1/trash")).path("ids").findValuesAsText(""))
                    .isEmpty();
            assertThat(TestServer.json(server.get("/api/v1/trash")).path("ids")).hasSize(1);
        }
    }
}
