package dev.camroll.server.http.owner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The slow-down of password guessing, per client address: after {@link #FREE_FAILURES} wrong
 * passwords in a row, each further attempt from that address must wait 1 s, then 2 s, doubling
 * up to {@link #LONGEST_WAIT}; an attempt that comes early is refused without looking at the
 * password, so guessing in parallel gains nothing. There is no lock-out: someone guessing from
 * one address never keeps the owner at another address out, and at the same address for a
 * minute at most. A right password clears the address's count; counts are forgotten a day after
 * their last failure.
 */
public final class SignInThrottle {
    static final int FREE_FAILURES = 5;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(1);
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    /** Past this many addresses, those forgotten by now are dropped at the next failure. */
    private static final int SWEEP_ABOVE = 10_000;

    private record Failures(int count, Instant last, Instant notBefore) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the address must still wait before its next attempt is looked at; empty when it may try now. */
    public Optional<Duration> waitFor(String address) {
        Failures known = failures.get(address);
        Instant now = clock.instant();
        if (known == null || !known.notBefore().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, known.notBefore()));
    }

    public void failed(String address) {
        Instant now = clock.instant();
        failures.compute(address, (key, known) -> {
            int count = known == null || known.last().plus(FORGET_AFTER).isBefore(now) ? 1 : known.count() + 1;
            return new Failures(count, now, now.plus(delayAfter(count)));
        });
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().removeIf(old -> old.last().plus(FORGET_AFTER).isBefore(now));
        }
    }

    public void succeeded(String address) {
        failures.remove(address);
    }

    /** The wait after the {@code count}-th failure in a row. */
    static Duration delayAfter(int count) {
        if (count < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - FREE_FAILURES, 10);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : delay;
    }
}
