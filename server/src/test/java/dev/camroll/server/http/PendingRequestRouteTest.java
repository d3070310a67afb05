package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camroll.core.access.App;
import dev.camroll.core.access.ConsentAnswer;
import dev.camroll.core.access.ConsentRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/permissions/request} while the app's request is pending: the same request
 * again is that request (one for the owner to answer), another one replaces it, and a call waiting
 * on the replaced one is answered with the new request's id and outcome.
 */
class PendingRequestRouteTest {
    private static final String PHOTOS = "{\"granularPermissions\":[\"photo\"]}";
    private static final String PHOTOS_AND_VIDEOS = "{\"granularPermissions\":[\"photo\",\"video\"]}";

    @TempDir
    Path root;

    @Test
    void askingTwiceGivesOneRequestForTheOwner() {
        try (TestServer server = TestServer.start(root)) {
            String bearer = appToken(server, "Frame");
            JsonNode first = TestServer.json(server.postAs(bearer, "/api/v1/permissions/request", PHOTOS));
            JsonNode second = TestServer.json(server.postAs(bearer, "/api/v1/permissions/request", PHOTOS));
            assertThat(second.path("pending").asBoolean()).isTrue();
            assertThat(second.path("requestId").asText())
                    .isEqualTo(first.path("requestId").asText());
            assertThat(second.path("consentUrl").asText())
                    .isEqualTo(first.path("consentUrl").asText());
            assertThat(server.grants().pending())
                    .extracting(ConsentRequest::id)
                    .containsExactly(first.path("requestId").asText());
        }
    }

    @Test
    void askingSomethingElseReplacesThePendingRequest() {
        try (TestServer server = TestServer.start(root)) {
            String bearer = appToken(server, "Frame");
            String first = TestServer.json(server.postAs(bearer, "/api/v1/permissions/request", PHOTOS))
                    .path("requestId")
                    .asText();
            JsonNode wider = TestServer.json(server.postAs(bearer, "/api/v1/permissions/request", PHOTOS_AND_VIDEOS));
            String replacing = wider.path("requestId").asText();
            assertThat(replacing).isNotEqualTo(first);
            assertThat(server.grants().pending()).extracting(ConsentRequest::id).containsExactly(replacing);

            JsonNode followed = TestServer.json(
                    server.postAs(bearer, "/api/v1/permissions/request", "{\"requestId\":\"" + first + "\"}"));
            assertThat(followed.path("requestId").asText())
                    .as("waiting again on the replaced request names the one that stands")
                    .isEqualTo(replacing);
            assertThat(followed.path("pending").asBoolean()).isTrue();
            assertThat(followed.path("consentUrl").asText()).endsWith("/oauth/selection/" + replacing);

            OwnerBrowser owner = OwnerBrowser.signIn(server);
            HttpResponse<String> stale = owner.get(server.uri("/oauth/selection/" + first));
            assertThat(stale.statusCode()).isEqualTo(303);
            assertThat(stale.headers().firstValue("Location")).hasValue("/oauth/selection/" + replacing);
            String page = owner.get(server.uri("/oauth/selection/" + replacing)).body();
            HttpResponse<String> staleAnswer =
                    owner.post("/oauth/selection/" + first, OwnerBrowser.answer(page, "all", false), "same-origin");
            assertThat(staleAnswer.statusCode()).isEqualTo(409);
            assertThat(server.grants().find(replacing).orElseThrow().pending())
                    .as("an answer on the replaced request's page changes nothing")
                    .isTrue();
        }
    }

    @Test
    void aCallWaitingOnTheReplacedRequestGetsTheNewOnesOutcome() throws Exception {
        try (TestServer server = TestServer.start(root)) {
            String bearer = appToken(server, "Frame");
            String first = TestServer.json(server.postAs(bearer, "/api/v1/permissions/request", PHOTOS))
                    .path("requestId")
                    .asText();
            CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> server.postAs(
                    bearer, "/api/v1/permissions/request", "{\"requestId\":\"" + first + "\",\"wait\":30}"));
            Thread.sleep(300);
            String replacing = TestServer.json(server.postAs(bearer, "/api/v1/permissions/request", PHOTOS_AND_VIDEOS))
                    .path("requestId")
                    .asText();
            Thread.sleep(300);
            assertThat(waiting)
                    .as("replaced is not answered: the call waits on")
                    .isNotDone();

            server.grants().answer(replacing, new ConsentAnswer.AllowAll(false));
            JsonNode answered = TestServer.json(waiting.get(20, TimeUnit.SECONDS));
            assertThat(answered.path("status").asText()).isEqualTo("granted");
            assertThat(answered.path("pending").asBoolean()).isFalse();
            assertThat(answered.path("requestId").asText()).isEqualTo(replacing);
            assertThat(answered.path("granularPermissions").toString()).isEqualTo("[\"photo\",\"video\"]");
        }
    }

    private static String appToken(TestServer server, String name) {
        App app = server.apps().add(name);
        return server.apps().issue(app.id(), Set.of("library.read")).accessToken();
    }
}
