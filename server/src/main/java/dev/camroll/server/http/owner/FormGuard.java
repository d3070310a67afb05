package dev.camroll.server.http.owner;

import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The defence of HTML form posts against other sites (OWASP's two layers): the browser's own
 * word on where the post came from ({@code Sec-Fetch-Site}, else {@code Origin}) must be this
 * server, and a form of a signed-in page must carry its session's token in a hidden field. A
 * post with neither header is a program's, not a browser's: another site cannot make it in the
 * owner's browser, and it still needs the token.
 */
final class FormGuard {
    /** The name of the hidden field that carries the session's form token. */
    static final String FIELD = "csrf";

    private final URI baseUrl;

    FormGuard(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Refuses a post a browser says came from another site (sign-in and the first password, which have no session yet). */
    void checkSameOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) {
            if (!site.equals("same-origin")) {
                throw new CrossSiteRequestRefused("a form of another site (Sec-Fetch-Site: " + site + ") is refused");
            }
            return;
        }
        String origin = ctx.header("Origin");
        if (origin != null && !isThisServer(ctx, origin)) {
            throw new CrossSiteRequestRefused("a form of another origin (" + origin + ") is refused");
        }
    }

    /** {@link #checkSameOrigin} and the session's token in the form, compared in constant time. */
    void checkForm(Context ctx, Sessions.Session session) {
        checkSameOrigin(ctx);
        String token = ctx.formParam(FIELD);
        if (token == null
                || !MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.UTF_8),
                        session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new CrossSiteRequestRefused("the form's token is missing or not this session's: reload the page");
        }
    }

    private boolean isThisServer(Context ctx, String origin) {
        if (baseUrl != null && origin.equalsIgnoreCase(originOf(baseUrl))) {
            return true;
        }
        String host = ctx.header("Host");
        return host != null && origin.equalsIgnoreCase(ctx.scheme() + "://" + host);
    }

    private static String originOf(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
