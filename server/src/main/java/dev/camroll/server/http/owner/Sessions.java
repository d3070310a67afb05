package dev.camroll.server.http.owner;

import dev.camroll.server.http.SecretFiles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Signed-in browsers: a session cookie names one (256 random bits), which holds who it acts for
 * and its CSRF token. A session ends after {@link #IDLE} without a request, {@link #ABSOLUTE}
 * after sign-in whatever it did, at sign-out, and when the password changes (each session keeps
 * the password's {@link OwnerPassword#stamp()} of its sign-in, so a change made by
 * {@code camroll owner password} in another process ends them too). Sessions live in memory:
 * a restart signs every browser out, which costs the owner one sign-in and keeps no session
 * secret on disk.
 */
public final class Sessions {
    public static final String COOKIE = "camroll_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final Duration IDLE = Duration.ofHours(12);
    public static final Duration ABSOLUTE = Duration.ofDays(7);

    /** One signed-in browser: who it acts for and its CSRF token. */
    public record Session(String identity, String csrfToken, Instant created, String passwordStamp) {}

    /** The session with the time of its last request, the one part that changes. */
    private static final class Entry {
        final Session session;
        volatile Instant lastSeen;

        Entry(Session session) {
            this.session = session;
            this.lastSeen = session.created();
        }
    }

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Supplier<String> passwordStamp;

    public Sessions(Clock clock, Supplier<String> passwordStamp) {
        this.clock = clock;
        this.passwordStamp = passwordStamp;
    }

    /** A new session for the identity: the cookie's value and the session. */
    public Map.Entry<String, Session> create(String identity) {
        String id = SecretFiles.randomToken(32);
        Session session = new Session(identity, SecretFiles.randomToken(24), clock.instant(), passwordStamp.get());
        sessions.put(id, new Entry(session));
        return Map.entry(id, session);
    }

    /** The live session of this cookie value; finding it counts as a request, so it keeps it from going idle. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Entry entry = sessions.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(entry.lastSeen.plus(IDLE))
                || !now.isBefore(entry.session.created().plus(ABSOLUTE))
                || !entry.session.passwordStamp().equals(passwordStamp.get())) {
            sessions.remove(id);
            return Optional.empty();
        }
        entry.lastSeen = now;
        return Optional.of(entry.session);
    }

    public void remove(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session (a new password), so a browser signed in by someone else is out too. */
    public void removeAll() {
        sessions.clear();
    }
}
