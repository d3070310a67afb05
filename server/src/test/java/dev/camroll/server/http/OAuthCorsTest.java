package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A single-page app on any origin calls the authorization server's endpoints with fetch: their
 * preflights are answered and their answers readable by every origin (no credentials: they take
 * no cookie). The owner's pages stay same-origin, whatever origin asks.
 */
class OAuthCorsTest {
    private static final String APP_ORIGIN = "https://spa.example";

    @TempDir
    Path root;

    @Test
    void theEndpointsAnAppCallsAnswerPreflightsForAnyOrigin() throws Exception {
        try (TestServer server = TestServer.start(root)) {
            for (String path : List.of(
                    "/oauth/token",
                    "/oauth/revoke",
                    "/oauth/register",
                    "/oauth/device_authorization",
                    "/.well-known/oauth-authorization-server")) {
                HttpResponse<String> preflight = server.send(preflight(server, path, "POST"));
                assertThat(preflight.statusCode()).as(path).isIn(200, 204);
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                        .as(path)
                        .hasValue("*");
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                        .as(path)
                        .isEmpty();
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                        .as(path)
                        .hasValueSatisfying(methods -> assertThat(methods).contains("POST"));
                assertThat(preflight
                                .headers()
                                .firstValue("Access-Control-Allow-Headers")
                                .orElse("")
                                .toLowerCase(java.util.Locale.ROOT))
                        .as(path)
                        .contains("authorization")
                        .contains("content-type");
            }
        }
    }

    @Test
    void theirAnswersAreReadableByAnyOriginErrorsIncluded() throws Exception {
        try (TestServer server = TestServer.start(root)) {
            HttpResponse<String> metadata =
                    server.send(HttpRequest.newBuilder(server.uri("/.well-known/oauth-authorization-server"))
                            .header("Origin", APP_ORIGIN)
                            .GET()
                            .build());
            assertThat(metadata.statusCode()).isEqualTo(200);
            assertThat(metadata.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue("*");

            HttpResponse<String> refused = server.send(HttpRequest.newBuilder(server.uri("/oauth/token"))
                    .header("Origin", APP_ORIGIN)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=nobody"))
                    .build());
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin"))
                    .as("the app reads why it was refused")
                    .hasValue("*");

            HttpResponse<String> registered = server.send(HttpRequest.newBuilder(server.uri("/oauth/register"))
                    .header("Origin", APP_ORIGIN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"client_name\":\"Web app\",\"redirect_uris\":[\"https://spa.example/cb\"]}"))
                    .build());
            assertThat(registered.statusCode()).isEqualTo(201);
            assertThat(registered.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue("*");
        }
    }

    @Test
    void theOwnersPagesGiveNoOtherOriginAccess() throws Exception {
        try (TestServer server = TestServer.start(root)) {
            for (String path : List.of(
                    "/oauth/authorize",
                    "/oauth/device",
                    "/oauth/selection/some-request",
                    "/oauth/changes/some-request",
                    "/apps",
                    "/owner/sign-in")) {
                HttpResponse<String> preflight = server.send(preflight(server, path, "POST"));
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                        .as(path)
                        .isEmpty();
                HttpResponse<String> page = server.send(HttpRequest.newBuilder(server.uri(path))
                        .header("Origin", APP_ORIGIN)
                        .GET()
                        .build());
                assertThat(page.headers().firstValue("Access-Control-Allow-Origin"))
                        .as(path)
                        .isEmpty();
            }
        }
    }

    private static HttpRequest preflight(TestServer server, String path, String method) {
        return HttpRequest.newBuilder(server.uri(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", APP_ORIGIN)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .build();
    }
}
