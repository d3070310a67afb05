package dev.camroll.server.http;

import dev.camroll.server.http.owner.SessionCookie;
import dev.camroll.server.http.owner.Sessions;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The web pages' session through the API: {@code POST /session} with the owner's token gives a
 * session cookie and the CSRF token that requests changing state must carry (for scripts; people
 * sign in with the password at {@code /owner/sign-in}); {@code GET /session} gives a page signed
 * in by cookie its CSRF token again; {@code DELETE /session} signs out.
 */
final class SessionRoutes {
    private final Sessions sessions;
    private final Authentication authentication;
    private final SessionCookie cookie;

    SessionRoutes(Sessions sessions, Authentication authentication, SessionCookie cookie) {
        this.sessions = sessions;
        this.authentication = authentication;
        this.cookie = cookie;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.post(Api.ROOT + "/session", this::signIn);
        routes.get(Api.ROOT + "/session", this::current);
        routes.delete(Api.ROOT + "/session", this::signOut);
    }

    private void signIn(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        String token = JsonBody.of(ctx, Set.of("token")).requiredString("token");
        if (!authentication.isOwnerToken(token)) {
            throw ApiException.unauthorized("the token is not valid");
        }
        sessions.remove(ctx.cookie(Sessions.COOKIE));
        Map.Entry<String, Sessions.Session> session = sessions.create(authentication.ownerIdentity());
        cookie.set(ctx, session.getKey());
        ctx.status(201);
        respond(ctx, session.getValue());
    }

    /**
     * The CSRF token of the cookie's session, for a page that signed in elsewhere (the sign-in
     * page, the first-start link). Another site's page cannot read the answer (no CORS with
     * credentials), and a browser that says the call came from elsewhere gets nothing.
     */
    private void current(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        String site = ctx.header("Sec-Fetch-Site");
        // "none": an address typed by the person, whose answer only they see.
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw ApiException.forbidden("the session is told only to this server's own pages");
        }
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(Sessions.COOKIE));
        if (session.isEmpty()) {
            throw ApiException.unauthorized("not signed in");
        }
        respond(ctx, session.get());
    }

    private void signOut(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        sessions.remove(ctx.cookie(Sessions.COOKIE));
        cookie.clear(ctx);
        ctx.status(204);
    }

    private static void respond(Context ctx, Sessions.Session session) {
        ApiJson.respond(ctx, Map.of("csrfToken", session.csrfToken(), "csrfHeader", Sessions.CSRF_HEADER));
    }
}
