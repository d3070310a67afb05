package dev.camroll.server.http.owner;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URI;

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax, and Secure when the page came
 * over TLS. Lax rather than Strict: an app's authorization request reaches the consent page as a
 * top-level navigation from the app's site, and a Strict cookie would not ride along with it, so
 * the owner would be asked to sign in every time; Lax sends it with such navigations (GET) but
 * never with another site's form post, fetch or frame, and every post of a session is checked
 * besides (the CSRF header of the API, {@link FormGuard} for forms).
 */
public final class SessionCookie {
    private final URI baseUrl;

    /** {@code baseUrl}: the server's {@code --base-url}, or null. */
    public SessionCookie(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    public void set(Context ctx, String sessionId) {
        Cookie cookie = new Cookie(Sessions.COOKIE, sessionId);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        cookie.setSecure(overTls(ctx));
        cookie.setMaxAge((int) Sessions.ABSOLUTE.toSeconds());
        ctx.cookie(cookie);
    }

    public void clear(Context ctx) {
        Cookie cookie = new Cookie(Sessions.COOKIE, "");
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        cookie.setSecure(overTls(ctx));
        cookie.setMaxAge(0);
        ctx.cookie(cookie);
    }

    /**
     * Whether the browser reached the server over TLS: directly, or through a proxy that says so
     * ({@code X-Forwarded-Proto: https}) in front of a server whose {@code --base-url} is https.
     * The header alone is not believed: anyone can send it to a server that has no proxy.
     */
    boolean overTls(Context ctx) {
        if ("https".equals(ctx.scheme())) {
            return true;
        }
        return baseUrl != null
                && "https".equals(baseUrl.getScheme())
                && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
