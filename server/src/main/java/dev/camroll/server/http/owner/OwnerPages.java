package dev.camroll.server.http.owner;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What every page of the owner (consent, apps, selection, password) asks before it answers:
 * {@link #requireOwner} lets a signed-in owner through and sends anyone else to sign in and
 * then back; {@link #checkForm} refuses a form post of another site. A page calls both:
 *
 * <pre>{@code
 * Sessions.Session owner = pages.requireOwner(ctx);
 * pages.checkForm(ctx, owner);          // in a POST handler, before changing anything
 * ... "<form method=post>" + OwnerPages.formToken(owner) + ...
 * }</pre>
 */
public final class OwnerPages {
    static final String SIGN_IN = "/owner/sign-in";

    private final Sessions sessions;
    private final FormGuard guard;

    public OwnerPages(Sessions sessions, URI baseUrl) {
        this.sessions = sessions;
        this.guard = new FormGuard(baseUrl);
    }

    /**
     * The owner's session of this request; without one a {@link SignInRequired}, which
     * {@link #register} turns into a redirect to the sign-in page that comes back here after.
     */
    public Sessions.Session requireOwner(Context ctx) {
        return sessions.find(ctx.cookie(Sessions.COOKIE)).orElseThrow(() -> {
            String query = ctx.queryString();
            return new SignInRequired(
                    ctx.method() == HandlerType.GET
                            ? ctx.path() + (query == null ? "" : "?" + query)
                            // After signing in, a post is not repeated: the page it came from is shown again.
                            : ctx.path());
        });
    }

    /** Refuses (403, nothing changed) a form post of another site or without this session's form token. */
    public void checkForm(Context ctx, Sessions.Session session) {
        guard.checkForm(ctx, session);
    }

    /** The hidden field every form of an owner's page carries, for {@link #checkForm}. */
    public static String formToken(Sessions.Session session) {
        return Html.hidden(FormGuard.FIELD, session.csrfToken());
    }

    FormGuard guard() {
        return guard;
    }

    /** The answers to pages' refusals: a redirect to sign in, and a page saying a cross-site post was refused. */
    public void register(JavalinDefaultRoutingApi routes) {
        routes.exception(
                SignInRequired.class,
                (required, ctx) -> ctx.redirect(signInPath(required.next()), HttpStatus.SEE_OTHER));
        routes.exception(
                CrossSiteRequestRefused.class,
                (refused, ctx) -> Html.respond(
                        ctx, 403, "Refused", "<p class=\"error\">" + Html.escape(refused.getMessage()) + "</p>"));
    }

    static String signInPath(String next) {
        String safe = safeNext(next);
        return safe.equals("/") ? SIGN_IN : SIGN_IN + "?next=" + URLEncoder.encode(safe, StandardCharsets.UTF_8);
    }

    /**
     * Where to go after signing in: a path of this server only, never another site (no open
     * redirect): it must start with one slash, not two ("//evil.example" is another host) nor a
     * slash and a backslash (which browsers read as two slashes), and hold no control character.
     */
    static String safeNext(String next) {
        if (next == null
                || next.length() > 2000
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return next;
    }
}
