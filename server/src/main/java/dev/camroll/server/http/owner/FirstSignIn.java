package dev.camroll.server.http.owner;

import dev.camroll.server.http.SecretFiles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one-time link {@code camroll serve} prints while no password is set: a random code (128
 * bits) in the URL of the "choose a password" page, valid until a password is chosen with it,
 * until the server stops (it lives only in memory), or for 24 hours.
 */
public final class FirstSignIn {
    static final Duration LIFETIME = Duration.ofHours(24);
    public static final String PATH = "/owner/welcome";

    private final Clock clock;
    private final Instant expires;
    private volatile String code;

    private FirstSignIn(Clock clock, String code) {
        this.clock = clock;
        this.code = code;
        this.expires = clock.instant().plus(LIFETIME);
    }

    /** A link when no password is set, else none. */
    public static FirstSignIn forServer(OwnerPassword password, Clock clock) {
        return new FirstSignIn(clock, password.isSet() ? null : SecretFiles.randomToken(16));
    }

    /** The code to print, while it is still good. */
    public Optional<String> code() {
        String current = code;
        return current != null && clock.instant().isBefore(expires) ? Optional.of(current) : Optional.empty();
    }

    /** Whether this is the code and it is still good; compared in constant time. */
    boolean accepts(String presented) {
        Optional<String> current = code();
        return presented != null
                && current.isPresent()
                && MessageDigest.isEqual(
                        current.get().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The link has been used: it opens nothing any more. */
    void used() {
        code = null;
    }
}
