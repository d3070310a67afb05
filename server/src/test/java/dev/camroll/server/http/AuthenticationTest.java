package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camroll.core.testing.TestMedia;
import dev.camroll.server.http.owner.Sessions;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticationTest {
    @TempDir
    Path root;

    @Test
    void everyCallNeedsTheOwnersTokenAsABearerToken() throws Exception {
        TestMedia.jpeg(root.resolve("a.jpg"), 40, 30);
        try (TestServer server = TestServer.start(root)) {
            HttpResponse<String> none = server.send(
                    HttpRequest.newBuilder(server.uri("/api/v1/assets")).build());
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(TestServer.errorCode(none)).isEqualTo("unauthorized");
            assertThat(TestServer.json(none).path("error").path("message").asText())
                    .contains("Bearer");

            HttpResponse<String> wrong = server.send(HttpRequest.newBuilder(server.uri("/api/v1/assets"))
                    .header("Authorization", "Bearer " + server.token.substring(1) + "x")
                    .build());
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(TestServer.errorCode(wrong)).isEqualTo("unauthorized");

            HttpResponse<String> right = server.get("/api/v1/assets");
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(TestServer.json(right).path("assets")).hasSize(1);
        }
    }

    @Test
    void theTokenIsRandomAndOnlyItsHashIsStoredReadableByTheOwnerOnly() throws Exception {
        try (TestServer server = TestServer.start(root)) {
            assertThat(Base64.getUrlDecoder().decode(server.token)).hasSize(32);
            Path stored = server.data.resolve(OwnerToken.FILE);
            String content = Files.readString(stored, StandardCharsets.UTF_8);
            assertThat(content).doesNotContain(server.token);
            assertThat(content.strip()).hasSize(64);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(server.data.resolve(UrlSigner.FILE))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aResetTokenEndsTheOldOneInARunningServer() throws Exception {
        try (TestServer server = TestServer.start(root)) {
            String fresh = OwnerToken.reset(server.data);
            assertThat(server.get("/api/v1/changes/token").statusCode()).isEqualTo(401);
            HttpResponse<String> withNew = server.send(HttpRequest.newBuilder(server.uri("/api/v1/changes/token"))
                    .header("Authorization", "Bearer " + fresh)
                    .build());
            assertThat(withNew.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSessionCookieNeedsTheCsrfHeaderForChangesButNotForReads() throws Exception {
        TestMedia.jpeg(root.resolve("a.jpg"), 40, 30);
        try (TestServer server = TestServer.start(root)) {
            HttpResponse<String> refused = server.send(HttpRequest.newBuilder(server.uri("/api/v1/session"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"nope\"}"))
                    .build());
            assertThat(refused.statusCode()).isEqualTo(401);

            HttpResponse<String> signIn = server.send(HttpRequest.newBuilder(server.uri("/api/v1/session"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + server.token + "\"}"))
                    .build());
            assertThat(signIn.statusCode()).isEqualTo(201);
            String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));
            String csrf = TestServer.json(signIn).path("csrfToken").asText();

            HttpResponse<String> read = server.send(HttpRequest.newBuilder(server.uri("/api/v1/assets"))
                    .header("Cookie", cookie)
                    .build());
            assertThat(read.statusCode()).isEqualTo(200);
            String id = TestServer.json(read).path("assets").get(0).path("id").asText();

            HttpRequest.Builder favorite = HttpRequest.newBuilder(server.uri("/api/v1/assets/" + id + "/favorite"))
                    .header("Cookie", cookie)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"favorite\":true}"));
            HttpResponse<String> withoutCsrf = server.send(favorite.build());
            assertThat(withoutCsrf.statusCode()).isEqualTo(403);
            assertThat(TestServer.errorCode(withoutCsrf)).isEqualTo("forbidden");
            HttpResponse<String> wrongCsrf = server.send(
                    favorite.header(Sessions.CSRF_HEADER, csrf + "x").build());
            assertThat(wrongCsrf.statusCode()).isEqualTo(403);
            HttpResponse<String> withCsrf =
                    server.send(HttpRequest.newBuilder(server.uri("/api/v1/assets/" + id + "/favorite"))
                            .header("Cookie", cookie)
                            .header(Sessions.CSRF_HEADER, csrf)
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"favorite\":true}"))
                            .build());
            assertThat(withCsrf.statusCode()).isEqualTo(204);
            JsonNode info = TestServer.json(server.get("/api/v1/assets/" + id));
            assertThat(info.path("isFavorite").asBoolean()).isTrue();

            HttpResponse<String> unknownSession = server.send(HttpRequest.newBuilder(server.uri("/api/v1/assets"))
                    .header("Cookie", "camroll_session=forged")
                    .build());
            assertThat(unknownSession.statusCode()).isEqualTo(401);
        }
    }
}
