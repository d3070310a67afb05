package dev.camroll.server.http.oauth;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The bound on dynamic registration per client address: {@link #PER_MINUTE} requests in any
 * minute, then a wait until the oldest of them is a minute old. Registration is open to anyone
 * (RFC 7591); a real app registers once, so the bound only slows a script down. It is kept in
 * memory: a restart forgets it, which the cap of apps waiting for consent (kept in the index)
 * does not.
 */
public final class RegistrationThrottle {
    public static final int PER_MINUTE = 10;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** Past this many addresses, those idle for a window are dropped at the next request. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Function<Context, String> address;

    /**
     * @param address the client address of a request (behind the server's own proxy, the one the
     *     proxy saw; else the peer's, whatever a header says)
     */
    public RegistrationThrottle(Clock clock, Function<Context, String> address) {
        this.clock = clock;
        this.address = address;
    }

    /**
     * Counts a registration request of the caller's address; empty when it may go on, else how
     * long the address must wait (and the request is not counted).
     */
    Optional<Duration> take(Context ctx) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(WINDOW);
        AtomicReference<Duration> wait = new AtomicReference<>();
        recent.compute(address.apply(ctx), (key, times) -> {
            Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
            while (!kept.isEmpty() && !kept.peekFirst().isAfter(windowStart)) {
                kept.removeFirst();
            }
            if (kept.size() >= PER_MINUTE) {
                wait.set(Duration.between(windowStart, kept.peekFirst()));
            } else {
                kept.addLast(now);
            }
            return kept;
        });
        if (recent.size() > SWEEP_ABOVE) {
            // Through compute, as above: a deque is only touched under its key's lock.
            for (String key : recent.keySet()) {
                recent.computeIfPresent(
                        key, (k, times) -> times.isEmpty() || !times.peekLast().isAfter(windowStart) ? null : times);
            }
        }
        return Optional.ofNullable(wait.get());
    }
}
