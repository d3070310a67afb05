package dev.camroll.server.http;

import dev.camroll.server.http.owner.Sessions;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, checked before every route of the API: the owner's token as a bearer token, a
 * session cookie of the web pages (with the CSRF header for anything that changes state), or a
 * signed media URL (GET and HEAD of that one URL). Anything else is a 401 with the error body.
 */
final class Authentication {
    static final String IDENTITY = "camroll.identity";

    /** Paths anyone may read: the description of the API and its page, and signing in. */
    private static final Set<String> PUBLIC =
            Set.of(Api.ROOT + "/openapi.json", Api.ROOT + "/docs", Api.ROOT + "/session");

    private final OwnerToken token;
    private final Sessions sessions;
    private final MediaUrls urls;

    Authentication(OwnerToken token, Sessions sessions, MediaUrls urls) {
        this.token = token;
        this.sessions = sessions;
        this.urls = urls;
    }

    /** The identity the request was authenticated as. */
    static String identity(Context ctx) {
        String identity = ctx.attribute(IDENTITY);
        if (identity == null) {
            throw ApiException.unauthorized("not signed in");
        }
        return identity;
    }

    void check(Context ctx) {
        String path = ctx.path();
        if (ctx.method() == HandlerType.OPTIONS || PUBLIC.contains(path) || path.startsWith(Api.ROOT + "/docs/")) {
            return;
        }
        Optional<String> identity = bearer(ctx).or(() -> session(ctx)).or(() -> signedUrl(ctx));
        if (identity.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"camroll\"");
            throw ApiException.unauthorized(
                    "this call needs the owner's token as 'Authorization: Bearer TOKEN' (camroll token --reset makes a new one)");
        }
        ctx.attribute(IDENTITY, identity.get());
    }

    /** Whether the token is the owner's, for signing in. */
    boolean isOwnerToken(String presented) {
        return token.matches(presented);
    }

    String ownerIdentity() {
        return token.identity();
    }

    private Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)
                || !token.matches(header.substring(7).strip())) {
            throw ApiException.unauthorized("the bearer token is not valid");
        }
        return Optional.of(token.identity());
    }

    private Optional<String> session(Context ctx) {
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
        return Optional.of(session.get().identity());
    }

    private Optional<String> signedUrl(Context ctx) {
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            return Optional.empty();
        }
        String expires = ctx.queryParam(UrlSigner.EXPIRES);
        String signature = ctx.queryParam(UrlSigner.SIGNATURE);
        if (expires == null && signature == null) {
            return Optional.empty();
        }
        if (!urls.verify(MediaUrls.signedPathOf(ctx.path()), token.identity(), expires, signature)) {
            throw ApiException.unauthorized("the signed URL is not valid or has expired: ask the API for a new one");
        }
        return Optional.of(token.identity());
    }

    private static boolean changesState(HandlerType method) {
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }
}
