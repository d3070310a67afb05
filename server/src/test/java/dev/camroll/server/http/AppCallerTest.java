package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camroll.core.access.App;
import dev.camroll.core.access.IssuedTokens;
import dev.camroll.core.testing.TestMedia;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app's access token is a caller of its own: every route gives it the app's library, never the
 * owner's. Until the app has a grant, that library sees nothing, exactly as if it were empty.
 */
class AppCallerTest {
    @TempDir
    Path root;

    @Test
    void anAppWithoutAGrantSeesNothingOfTheOwnersLibrary() throws Exception {
        TestMedia.jpeg(root.resolve("a.jpg"), 40, 30);
        TestMedia.jpeg(root.resolve("b.jpg"), 30, 40);
        try (TestServer server = TestServer.start(root)) {
            JsonNode owners = TestServer.json(server.get("/api/v1/assets"));
            assertThat(owners.path("totalCount").asInt()).isEqualTo(2);
            String id = owners.path("assets").get(0).path("id").asText();

            App app = server.apps().add("Frame");
            IssuedTokens tokens = server.apps().issue(app.id(), Set.of("library.read"));
            String bearer = tokens.accessToken();

            HttpResponse<String> list = server.getAs(bearer, "/api/v1/assets");
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(TestServer.json(list).path("totalCount").asInt()).isZero();
            assertThat(TestServer.json(list).path("assets")).isEmpty();
            for (String path : new String[] {
                "/api/v1/assets/" + id, "/api/v1/assets/" + id + "/original", "/api/v1/assets/" + id + "/thumbnail"
            }) {
                HttpResponse<String> byId = server.getAs(bearer, path);
                assertThat(byId.statusCode()).as(path).isEqualTo(404);
                assertThat(TestServer.errorCode(byId)).as(path).isEqualTo("not_found");
            }
            assertThat(TestServer.json(server.getAs(bearer, "/api/v1/albums")))
                    .as("no album holds an asset it sees")
                    .isEmpty();
            String token = TestServer.json(server.getAs(bearer, "/api/v1/changes/token"))
                    .path("token")
                    .asText();
            TestMedia.jpeg(root.resolve("c.jpg"), 20, 20);
            server.post("/api/v1/scan", "{}");
            JsonNode changes = TestServer.json(server.getAs(bearer, "/api/v1/changes?since=" + token));
            assertThat(changes.path("insertedAssets")).isEmpty();
        }
    }

    @Test
    void aRevokedAppsTokenIsRefusedAtOnce() {
        try (TestServer server = TestServer.start(root)) {
            App app = server.apps().add("Frame");
            IssuedTokens tokens = server.apps().issue(app.id(), Set.of("library.read"));
            assertThat(server.getAs(tokens.accessToken(), "/api/v1/assets").statusCode())
                    .isEqualTo(200);
            server.apps().revoke(app.id());
            HttpResponse<String> refused = server.getAs(tokens.accessToken(), "/api/v1/assets");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
        }
    }

    @Test
    void aMediaUrlSignedForTheOwnerDoesNotOpenForAnApp() throws Exception {
        TestMedia.jpeg(root.resolve("a.jpg"), 40, 30);
        try (TestServer server = TestServer.start(root)) {
            String uri = TestServer.json(server.get("/api/v1/assets"))
                    .path("assets")
                    .get(0)
                    .path("uri")
                    .asText();
            HttpResponse<String> owners =
                    server.send(HttpRequest.newBuilder(URI.create(uri)).build());
            assertThat(owners.statusCode()).isEqualTo(200);

            App app = server.apps().add("Frame");
            server.apps().issue(app.id(), Set.of("library.read"));
            HttpResponse<String> asApp = server.send(HttpRequest.newBuilder(URI.create(uri + "&app=" + app.id() + ".x"))
                    .build());
            assertThat(asApp.statusCode()).isEqualTo(401);
        }
    }
}
