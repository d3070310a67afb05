package dev.camroll.server.http.owner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The waits of the sign-in's slow-down: none at first, then doubling, never a lock-out. */
class SignInThrottleTest {
    @Test
    void theWaitDoublesAfterTheFreeFailuresUpToOneMinute() {
        assertThat(SignInThrottle.delayAfter(1)).isZero();
        assertThat(SignInThrottle.delayAfter(SignInThrottle.FREE_FAILURES - 1)).isZero();
        assertThat(SignInThrottle.delayAfter(SignInThrottle.FREE_FAILURES)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInThrottle.delayAfter(SignInThrottle.FREE_FAILURES + 1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SignInThrottle.delayAfter(SignInThrottle.FREE_FAILURES + 5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(SignInThrottle.delayAfter(SignInThrottle.FREE_FAILURES + 6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SignInThrottle.delayAfter(10_000)).isEqualTo(SignInThrottle.LONGEST_WAIT);
    }
}
