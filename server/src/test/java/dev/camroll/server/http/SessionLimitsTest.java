package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.server.http.owner.OwnerPassword;
import dev.camroll.server.http.owner.Sessions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session ends after its idle limit without a request, and at its absolute limit whatever it did. */
class SessionLimitsTest {
    @TempDir
    Path root;

    @Test
    void aSessionLeftIdleEnds() {
        OwnerPassword.of(root.resolve(".camroll")).set(SignInPagesTest.PASSWORD);
        MovableClock clock = new MovableClock();
        try (TestServer server = TestServer.start(root, ServerOptions.defaults(), clock)) {
            PageClient owner = OwnerPagesTest.signedIn(server);
            clock.advance(Sessions.IDLE.minusMinutes(1));
            assertThat(owner.get("/api/v1/assets").statusCode()).isEqualTo(200);
            // The request just made counts: the idle time starts again from it.
            clock.advance(Sessions.IDLE.minusMinutes(1));
            assertThat(owner.get("/api/v1/assets").statusCode()).isEqualTo(200);

            clock.advance(Sessions.IDLE);
            assertThat(owner.get("/api/v1/assets").statusCode()).isEqualTo(401);
            assertThat(owner.get("/owner/password").statusCode()).isEqualTo(303);
        }
    }

    @Test
    void aSessionInUseEndsAtItsAbsoluteLimit() {
        OwnerPassword.of(root.resolve(".camroll")).set(SignInPagesTest.PASSWORD);
        MovableClock clock = new MovableClock();
        try (TestServer server = TestServer.start(root, ServerOptions.defaults(), clock)) {
            PageClient owner = OwnerPagesTest.signedIn(server);
            Duration step = Sessions.IDLE.minusHours(1);
            Duration used = Duration.ZERO;
            while (used.plus(step).compareTo(Sessions.ABSOLUTE) < 0) {
                clock.advance(step);
                used = used.plus(step);
                assertThat(owner.get("/api/v1/assets").statusCode())
                        .as("after %s", used)
                        .isEqualTo(200);
            }
            clock.advance(Sessions.ABSOLUTE.minus(used));
            assertThat(owner.get("/api/v1/assets").statusCode()).isEqualTo(401);
        }
    }
}
