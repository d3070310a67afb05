package dev.camroll.server.http;

import dev.camroll.server.http.owner.Sessions;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, checked before every route of the API: the owner's token or an app's access
 * token as a bearer token, a session cookie of the web pages (with the CSRF header for anything
 * that changes state), or a signed media URL (GET and HEAD of that one URL, for the caller it was
 * signed for). Anything else is a 401 with the error body. The caller found is kept on the request
 * for {@link Callers}, which gives it its library.
 */
final class Authentication {
    /** Paths anyone may read: the description of the API and its page, and signing in. */
    private static final Set<String> PUBLIC =
            Set.of(Api.ROOT + "/openapi.json", Api.ROOT + "/docs", Api.ROOT + "/session");

    private final OwnerToken token;
    private final Sessions sessions;
    private final MediaUrls urls;
    private final Callers callers;

    Authentication(OwnerToken token, Sessions sessions, MediaUrls urls, Callers callers) {
        this.token = token;
        this.sessions = sessions;
        this.urls = urls;
        this.callers = callers;
    }

    void check(Context ctx) {
        String path = ctx.path();
        if (ctx.method() == HandlerType.OPTIONS || PUBLIC.contains(path) || path.startsWith(Api.ROOT + "/docs/")) {
            return;
        }
        Optional<Caller> caller = bearer(ctx).or(() -> session(ctx)).or(() -> signedUrl(ctx));
        if (caller.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"camroll\"");
            throw ApiException.unauthorized("this call needs a token as 'Authorization: Bearer TOKEN': the owner's"
                    + " (camroll token --reset makes a new one) or an app's");
        }
        ctx.attribute(Callers.ATTRIBUTE, caller.get());
    }

    /** Whether the token is the owner's, for signing in. */
    boolean isOwnerToken(String presented) {
        return token.matches(presented);
    }

    String ownerIdentity() {
        return token.identity();
    }

    private Optional<Caller> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("the bearer token is not valid");
        }
        String presented = header.substring(7).strip();
        if (token.matches(presented)) {
            return Optional.of(new Caller.Owner(token.identity()));
        }
        Optional<Caller> app = callers.apps()
                .authenticate(presented)
                .map(found -> new Caller.OfApp(found.app(), found.authorization()));
        if (app.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"camroll\", error=\"invalid_token\"");
            throw ApiException.unauthorized("the bearer token is not valid (unknown, expired or revoked)");
        }
        return app;
    }

    private Optional<Caller> session(Context ctx) {
        String id = ctx.cookie(Sessions.COOKIE);
        if (id == null) {
            return Optional.empty();
        }
        Optional<Sessions.Session> session = sessions.find(id);
        if (session.isEmpty()) {
            throw ApiException.unauthorized("the session has ended: sign in again");
        }
        if (!ctx.method().isHttpMethod() || changesState(ctx.method())) {
            String csrf = ctx.header(Sessions.CSRF_HEADER);
            if (csrf == null
                    || !MessageDigest.isEqual(
                            csrf.getBytes(StandardCharsets.UTF_8),
                            session.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw ApiException.forbidden("a request of a session that changes state needs the "
                        + Sessions.CSRF_HEADER + " header given at sign-in");
            }
        }
        return Optional.of(new Caller.Owner(session.get().identity()));
    }

    private Optional<Caller> signedUrl(Context ctx) {
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            return Optional.empty();
        }
        String expires = ctx.queryParam(UrlSigner.EXPIRES);
        String signature = ctx.queryParam(UrlSigner.SIGNATURE);
        if (expires == null && signature == null) {
            return Optional.empty();
        }
        String app = ctx.queryParam(UrlSigner.APP);
        Caller caller = app == null ? new Caller.Owner(token.identity()) : Caller.OfApp.fromSignedName(app);
        if (caller == null
                || !urls.verify(MediaUrls.signedPathOf(ctx.path()), caller.identity(), expires, signature)
                || !callers.stillValid(caller)) {
            throw ApiException.unauthorized("the signed URL is not valid or has expired: ask the API for a new one");
        }
        return Optional.of(caller);
    }

    private static boolean changesState(HandlerType method) {
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }
}
