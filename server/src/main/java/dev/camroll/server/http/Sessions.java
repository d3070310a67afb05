package dev.camroll.server.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in of the web pages: a page trades the owner's token once for a session cookie (HttpOnly,
 * SameSite=Strict) and a CSRF token that it sends back in a header with every request that
 * changes something. Sessions live in memory: a restart signs the pages out.
 */
final class Sessions {
    static final String COOKIE = "camroll_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final Duration LIFETIME = Duration.ofDays(7);

    /** One signed-in page: who it acts for and its CSRF token. */
    record Session(String identity, String csrfToken, Instant expires) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    /** A new session for the identity: the cookie's value and the session. */
    Map.Entry<String, Session> create(String identity) {
        String id = SecretFiles.randomToken(32);
        Session session = new Session(
                identity, SecretFiles.randomToken(24), clock.instant().plus(LIFETIME));
        sessions.put(id, session);
        return Map.entry(id, session);
    }

    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (session.expires().isBefore(clock.instant())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    void remove(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }
}
