package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.GranularPermission;
import dev.camroll.core.access.App;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.IssuedTokens;
import dev.camroll.core.access.OAuthScopes;
import dev.camroll.core.testing.TestMedia;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app that revokes its own token (RFC 7009) changes nothing in the library, so no change wakes
 * the event hub: its open stream ends at the next heartbeat, which checks each stream's
 * authorization.
 */
class RevokedTokenStreamTest {
    @TempDir
    Path root;

    @Test
    void theStreamOfATokenItsAppRevokedEndsAtTheNextHeartbeat() throws Exception {
        TestMedia.jpeg(root.resolve("a.jpg"), 40, 30);
        try (TestServer server =
                TestServer.start(root, ServerOptions.defaults().withHeartbeat(Duration.ofMillis(200)))) {
            App app = server.apps().add("Frame");
            server.grants().set(app.id(), Grant.all(Set.of(GranularPermission.values()), false));
            IssuedTokens tokens =
                    server.apps().issue(app.id(), OAuthScopes.of(server.grants().grant(app.id())));
            HttpResponse<InputStream> response = server.http.send(
                    HttpRequest.newBuilder(server.uri("/api/v1/events"))
                            .header("Authorization", "Bearer " + tokens.accessToken())
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            CompletableFuture<Integer> heartbeats = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                int beats = 0;
                try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    for (String line; (line = reader.readLine()) != null; ) {
                        beats += line.startsWith(": heartbeat") || line.equals(":heartbeat") ? 1 : 0;
                    }
                } catch (Exception closed) {
                    // The stream ended.
                }
                heartbeats.complete(beats);
            });
            Thread.sleep(700);
            assertThat(heartbeats).as("open while its token stands").isNotDone();

            server.apps().revokeToken(app.id(), tokens.accessToken());
            assertThat(heartbeats.get(5, TimeUnit.SECONDS))
                    .as("heartbeats before it ended")
                    .isPositive();
        }
    }
}
