package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.GranularPermission;
import dev.camroll.core.access.AppRegistry;
import dev.camroll.core.access.Grant;
import dev.camroll.server.http.oauth.RegistrationThrottle;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /oauth/register} is open to anyone, so it is bounded: ten registrations a minute
 * per client address, then 429 with Retry-After (RFC 6585); and at most a hundred registered apps
 * waiting for the owner's consent, then 429 until the oldest of them expires.
 */
class RegistrationLimitsTest {
    private static final String APP = "{\"client_name\":\"Web app\",\"redirect_uris\":[\"https://spa.example/cb\"]}";

    @TempDir
    Path root;

    @Test
    void tenRegistrationsAMinuteFromOneAddressThenTooManyRequests() {
        MovableClock clock = new MovableClock();
        try (TestServer server = TestServer.start(root, ServerOptions.defaults(), clock)) {
            for (int i = 0; i < RegistrationThrottle.PER_MINUTE; i++) {
                assertThat(register(server, APP, null).statusCode()).isEqualTo(201);
            }
            HttpResponse<String> refused = register(server, APP, null);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
                    .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 60L));
            assertThat(TestServer.json(refused).path("error").asText()).isEqualTo("temporarily_unavailable");
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin"))
                    .as("a browser app reads why")
                    .hasValue("*");
            HttpResponse<String> spoofed = register(server, APP, "203.0.113.9");
            assertThat(spoofed.statusCode())
                    .as("X-Forwarded-For counts only behind the server's own proxy")
                    .isEqualTo(429);
            assertThat(server.apps().list()).hasSize(RegistrationThrottle.PER_MINUTE);

            clock.advance(Duration.ofSeconds(61));
            assertThat(register(server, APP, null).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void pastAHundredAppsWaitingForConsentARegistrationWaitsForTheOldestToExpire() {
        try (TestServer server = TestServer.start(root)) {
            for (int i = 0; i < AppRegistry.WAITING_REGISTRATIONS; i++) {
                server.apps().register("Waiting " + i, List.of("https://app.example/cb"));
            }
            HttpResponse<String> refused = register(server, APP, null);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
                    .hasValueSatisfying(seconds -> assertThat(seconds)
                            .isBetween(
                                    Duration.ofHours(23).toSeconds(),
                                    Duration.ofDays(1).toSeconds()));
            HttpResponse<String> device = register(
                    server,
                    "{\"client_name\":\"Frame\",\"grant_types\":[\"urn:ietf:params:oauth:grant-type:device_code\"]}",
                    null);
            assertThat(device.statusCode()).isEqualTo(429);
            assertThat(server.apps().list()).hasSize(AppRegistry.WAITING_REGISTRATIONS);

            // The owner answering one of them makes room.
            server.grants()
                    .set(server.apps().list().getFirst().id(), Grant.limited(Set.of(GranularPermission.PHOTO), false));
            assertThat(register(server, APP, null).statusCode()).isEqualTo(201);
        }
    }

    private static HttpResponse<String> register(TestServer server, String json, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/oauth/register"))
                .header("Content-Type", "application/json")
                .header("Origin", "https://spa.example")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return server.send(request.build());
    }
}
