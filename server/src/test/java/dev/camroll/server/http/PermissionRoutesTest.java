package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camroll.core.access.App;
import dev.camroll.core.access.ConsentAnswer;
import dev.camroll.core.access.ConsentRequest;
import dev.camroll.core.testing.TestMedia;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * expo-media-library's permission calls over HTTP, for an app's token: its state, a request the
 * owner answers while the app's call waits, refusals, and the picker's reselection request.
 */
class PermissionRoutesTest {
    @TempDir
    Path root;

    private static String appToken(TestServer server, String name) {
        App app = server.apps().add(name);
        return server.apps().issue(app.id(), Set.of("library.read")).accessToken();
    }

    @Test
    void anAppNeverAskedIsUndeterminedInExposShape() {
        try (TestServer server = TestServer.start(root)) {
            String bearer = appToken(server, "Frame");
            HttpResponse<String> response = server.getAs(bearer, "/api/v1/permissions?writeOnly=false&granular=photo");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode state = TestServer.json(response);
            assertThat(state.path("status").asText()).isEqualTo("undetermined");
            assertThat(state.path("granted").asBoolean()).isFalse();
            assertThat(state.path("canAskAgain").asBoolean()).isTrue();
            assertThat(state.path("expires").asText()).isEqualTo("never");
            assertThat(state.path("accessPrivileges").asText()).isEqualTo("none");
        }
    }

    @Test
    void theOwnersTokenHasEverything() {
        try (TestServer server = TestServer.start(root)) {
            JsonNode state = TestServer.json(server.get("/api/v1/permissions"));
            assertThat(state.path("status").asText()).isEqualTo("granted");
            assertThat(state.path("accessPrivileges").asText()).isEqualTo("all");
            assertThat(state.path("location").asBoolean()).isTrue();
            JsonNode asked = TestServer.json(server.post("/api/v1/permissions/request", "{\"wait\":5}"));
            assertThat(asked.path("granted").asBoolean()).isTrue();
            assertThat(asked.path("consentUrl").isNull()).isTrue();
            assertThat(server.grants().pending()).isEmpty();
        }
    }

    @Test
    void aRequestWithoutWaitingGivesTheConsentUrlAndTheAnswerShowsLater() {
        try (TestServer server = TestServer.start(root)) {
            String bearer = appToken(server, "Frame");
            HttpResponse<String> response =
                    server.postAs(bearer, "/api/v1/permissions/request", "{\"granularPermissions\":[\"photo\"]}");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode asked = TestServer.json(response);
            assertThat(asked.path("status").asText()).isEqualTo("undetermined");
            assertThat(asked.path("pending").asBoolean()).isTrue();
            String requestId = asked.path("requestId").asText();
            assertThat(asked.path("consentUrl").asText())
                    .isEqualTo(server.uri("/oauth/selection/" + requestId).toString());
            // The consent URL is a page of the owner: anyone else is sent to sign in first.
            HttpResponse<String> opened = server.send(
                    HttpRequest.newBuilder(URI.create(asked.path("consentUrl").asText()))
                            .build());
            assertThat(opened.statusCode()).isBetween(301, 303);
            assertThat(opened.headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).contains("/owner/sign-in"));
            List<ConsentRequest> pending = server.grants().pending();
            assertThat(pending).extracting(ConsentRequest::id).containsExactly(requestId);

            server.grants().answer(requestId, new ConsentAnswer.AllowAll(false));
            JsonNode state = TestServer.json(server.getAs(bearer, "/api/v1/permissions?granular=photo"));
            assertThat(state.path("status").asText()).isEqualTo("granted");
            assertThat(state.path("accessPrivileges").asText()).isEqualTo("all");
            assertThat(state.path("granularPermissions").toString()).isEqualTo("[\"photo\"]");
            assertThat(state.path("location").asBoolean()).isFalse();
        }
    }

    @Test
    void aWaitingRequestAnswersWhenTheOwnerSelects() throws Exception {
        TestMedia.jpeg(root.resolve("a.jpg"), 40, 30);
        TestMedia.jpeg(root.resolve("b.jpg"), 30, 40);
        try (TestServer server = TestServer.start(root)) {
            String chosen = TestServer.json(server.get("/api/v1/assets"))
                    .path("assets")
                    .get(0)
                    .path("id")
                    .asText();
            String bearer = appToken(server, "Frame");
            long started = System.nanoTime();
            CompletableFuture<HttpResponse<String>> call = CompletableFuture.supplyAsync(
                    () -> server.postAs(bearer, "/api/v1/permissions/request", "{\"wait\":30}"));
            ConsentRequest request = awaitPending(server);
            assertThat(call).as("the app's call waits for the owner").isNotDone();
            server.grants().answer(request.id(), new ConsentAnswer.AllowSelected(Set.of(chosen), Set.of(), true));

            HttpResponse<String> response = call.get(20, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            JsonNode answered = TestServer.json(response);
            assertThat(answered.path("status").asText()).isEqualTo("granted");
            assertThat(answered.path("accessPrivileges").asText()).isEqualTo("limited");
            assertThat(answered.path("pending").asBoolean()).isFalse();
            assertThat(answered.path("requestId").asText()).isEqualTo(request.id());
            JsonNode seen = TestServer.json(server.getAs(bearer, "/api/v1/assets"));
            assertThat(seen.path("totalCount").asInt()).isEqualTo(1);
            assertThat(seen.path("assets").get(0).path("id").asText()).isEqualTo(chosen);
        }
    }

    @Test
    void anAppWaitsAgainOnItsOwnRequestAndNotOnAnothers() {
        try (TestServer server = TestServer.start(root)) {
            String bearer = appToken(server, "Frame");
            String requestId = TestServer.json(server.postAs(bearer, "/api/v1/permissions/request", "{}"))
                    .path("requestId")
                    .asText();
            server.grants().answer(requestId, new ConsentAnswer.AllowAll(false));
            JsonNode again = TestServer.json(server.postAs(
                    bearer, "/api/v1/permissions/request", "{\"requestId\":\"" + requestId + "\",\"wait\":10}"));
            assertThat(again.path("pending").asBoolean()).isFalse();
            assertThat(again.path("status").asText()).isEqualTo("granted");
            assertThat(server.grants().pending()).as("no second request").isEmpty();

            String other = appToken(server, "Other");
            HttpResponse<String> refused =
                    server.postAs(other, "/api/v1/permissions/request", "{\"requestId\":\"" + requestId + "\"}");
            assertThat(refused.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aWaitThatEndsGivesTheStateAsItIs() {
        try (TestServer server = TestServer.start(root)) {
            String bearer = appToken(server, "Frame");
            long started = System.nanoTime();
            JsonNode asked = TestServer.json(server.postAs(bearer, "/api/v1/permissions/request", "{\"wait\":0.5}"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
            assertThat(asked.path("status").asText()).isEqualTo("undetermined");
            assertThat(asked.path("pending").asBoolean()).isTrue();
        }
    }

    @Test
    void refusedTwiceTheAppMayNotAskAgain() {
        try (TestServer server = TestServer.start(root)) {
            String bearer = appToken(server, "Frame");
            for (int refusal = 1; refusal <= 2; refusal++) {
                JsonNode asked = TestServer.json(server.postAs(bearer, "/api/v1/permissions/request", "{}"));
                server.grants().answer(asked.path("requestId").asText(), new ConsentAnswer.Deny(false));
            }
            JsonNode state = TestServer.json(server.getAs(bearer, "/api/v1/permissions"));
            assertThat(state.path("status").asText()).isEqualTo("denied");
            assertThat(state.path("canAskAgain").asBoolean()).isFalse();
            JsonNode again = TestServer.json(server.postAs(bearer, "/api/v1/permissions/request", "{\"wait\":10}"));
            assertThat(again.path("pending").asBoolean()).as("answered at once").isFalse();
            assertThat(server.grants().pending()).isEmpty();
        }
    }

    @Test
    void thePickerOpensAReselectionForALimitedAppAndNothingForAnAppThatSeesAll() {
        try (TestServer server = TestServer.start(root)) {
            String limited = appToken(server, "Frame");
            String requestId = TestServer.json(server.postAs(limited, "/api/v1/permissions/request", "{}"))
                    .path("requestId")
                    .asText();
            server.grants().answer(requestId, new ConsentAnswer.AllowSelected(Set.of(), Set.of(), false));
            JsonNode picker = TestServer.json(
                    server.postAs(limited, "/api/v1/permissions/picker", "{\"mediaTypes\":[\"photo\",\"video\"]}"));
            assertThat(picker.path("pending").asBoolean()).isTrue();
            assertThat(picker.path("consentUrl").asText())
                    .endsWith("/oauth/selection/" + picker.path("requestId").asText());
            assertThat(server.grants().find(picker.path("requestId").asText()))
                    .hasValueSatisfying(
                            request -> assertThat(request.kind()).isEqualTo(ConsentRequest.Kind.RESELECTION));

            String all = appToken(server, "Backup");
            String allId = TestServer.json(server.postAs(all, "/api/v1/permissions/request", "{}"))
                    .path("requestId")
                    .asText();
            server.grants().answer(allId, new ConsentAnswer.AllowAll(true));
            JsonNode nothing = TestServer.json(server.postAs(all, "/api/v1/permissions/picker", "{}"));
            assertThat(nothing.path("requestId").isNull()).isTrue();
            assertThat(nothing.path("consentUrl").isNull()).isTrue();
            assertThat(nothing.path("accessPrivileges").asText()).isEqualTo("all");
        }
    }

    @Test
    void wrongArgumentsAreRefusedByName() {
        try (TestServer server = TestServer.start(root)) {
            String bearer = appToken(server, "Frame");
            assertThat(parameterOf(server.getAs(bearer, "/api/v1/permissions?granular=photo,sound")))
                    .isEqualTo("granular");
            assertThat(parameterOf(server.postAs(bearer, "/api/v1/permissions/request", "{\"wait\":3600}")))
                    .isEqualTo("wait");
            assertThat(parameterOf(server.postAs(bearer, "/api/v1/permissions/request", "{\"always\":true}")))
                    .isEqualTo("always");
            assertThat(parameterOf(server.postAs(bearer, "/api/v1/permissions/picker", "{\"mediaTypes\":[\"sound\"]}")))
                    .isEqualTo("mediaTypes");
            assertThat(server.grants().pending()).isEmpty();
        }
    }

    private static String parameterOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return TestServer.json(response).path("error").path("parameter").asText();
    }

    private static ConsentRequest awaitPending(TestServer server) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            List<ConsentRequest> pending = server.grants().pending();
            if (!pending.isEmpty()) {
                return pending.getFirst();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no request reached the owner");
    }
}
