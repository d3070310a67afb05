package dev.camroll.server.http;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.Set;

/**
 * Sign-in of the web pages: {@code POST /session} with the owner's token gives a session cookie
 * (HttpOnly, SameSite=Strict) and the CSRF token that requests changing state must carry;
 * {@code DELETE /session} signs out.
 */
final class SessionRoutes {
    private final Sessions sessions;
    private final Authentication authentication;

    SessionRoutes(Sessions sessions, Authentication authentication) {
        this.sessions = sessions;
        this.authentication = authentication;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.post(Api.ROOT + "/session", this::signIn);
        routes.delete(Api.ROOT + "/session", this::signOut);
    }

    private void signIn(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        String token = JsonBody.of(ctx, Set.of("token")).requiredString("token");
        if (!authentication.isOwnerToken(token)) {
            throw ApiException.unauthorized("the token is not valid");
        }
        Map.Entry<String, Sessions.Session> session = sessions.create(authentication.ownerIdentity());
        Cookie cookie = new Cookie(Sessions.COOKIE, session.getKey());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setSecure("https".equals(ctx.scheme()));
        cookie.setMaxAge((int) Sessions.LIFETIME.toSeconds());
        ctx.cookie(cookie);
        ctx.status(201);
        ApiJson.respond(ctx, Map.of("csrfToken", session.getValue().csrfToken(), "csrfHeader", Sessions.CSRF_HEADER));
    }

    private void signOut(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        sessions.remove(ctx.cookie(Sessions.COOKIE));
        ctx.removeCookie(Sessions.COOKIE, "/");
        ctx.status(204);
    }
}
