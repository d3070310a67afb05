package dev.camroll.server.http.owner;

import dev.camroll.api.InvalidArgumentException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Signing in to the web pages with the owner's password, and choosing it the first time through
 * the one-time link: {@code GET|POST /owner/sign-in} (then back to {@code next}, a path of this
 * server), {@code GET|POST /owner/welcome?code=} and {@code POST /owner/sign-out}.
 */
public final class SignInPages {
    private final OwnerPassword password;
    private final Sessions sessions;
    private final SessionCookie cookie;
    private final SignInThrottle throttle;
    private final FirstSignIn firstSignIn;
    private final OwnerPages pages;
    private final URI baseUrl;
    private final Supplier<String> ownerIdentity;

    public SignInPages(
            OwnerPassword password,
            Sessions sessions,
            SignInThrottle throttle,
            FirstSignIn firstSignIn,
            OwnerPages pages,
            URI baseUrl,
            Supplier<String> ownerIdentity) {
        this.password = password;
        this.sessions = sessions;
        this.cookie = new SessionCookie(baseUrl);
        this.throttle = throttle;
        this.firstSignIn = firstSignIn;
        this.pages = pages;
        this.baseUrl = baseUrl;
        this.ownerIdentity = ownerIdentity;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(OwnerPages.SIGN_IN, this::signInPage);
        routes.post(OwnerPages.SIGN_IN, this::signIn);
        routes.get(FirstSignIn.PATH, this::welcomePage);
        routes.post(FirstSignIn.PATH, this::choosePassword);
        routes.post("/owner/sign-out", this::signOut);
    }

    private void signInPage(Context ctx) {
        String note = ctx.queryParam("ended") != null
                ? "Your session has ended. Sign in again to go back where you were."
                : "";
        signInForm(ctx, 200, OwnerPages.safeNext(ctx.queryParam("next")), note);
    }

    private void signIn(Context ctx) {
        pages.guard().checkSameOrigin(ctx);
        String next = OwnerPages.safeNext(ctx.formParam("next"));
        String address = ClientAddress.of(ctx, baseUrl);
        Optional<java.time.Duration> wait = throttle.waitFor(address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            signInForm(ctx, 429, next, "Too many wrong passwords: wait " + seconds + " s before trying again.");
            return;
        }
        if (!password.isSet()) {
            signInForm(ctx, 409, next, "No password is set yet.");
            return;
        }
        if (!password.matches(ctx.formParam("password"))) {
            throttle.failed(address);
            signInForm(ctx, 401, next, "This is not the owner's password.");
            return;
        }
        throttle.succeeded(address);
        startSession(ctx);
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private void signInForm(Context ctx, int status, String next, String error) {
        String content;
        if (password.isSet()) {
            content = "<form method=\"post\" action=\"" + OwnerPages.SIGN_IN + "\" class=\"signin-form\">"
                    + Html.hidden("next", next)
                    + "<label for=\"password\">Password</label>"
                    + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\""
                    + " required autofocus>"
                    + "<p id=\"signin-error\" class=\"error\" role=\"alert\">" + Html.escape(error) + "</p>"
                    + "<button type=\"submit\" class=\"primary\">Sign in</button></form>"
                    + "<p class=\"hint\"><code>camroll owner password LIBRARY</code> sets a new password.</p>";
        } else {
            content = "<p id=\"signin-error\" class=\"error\" role=\"alert\">" + Html.escape(error) + "</p>"
                    + "<p id=\"no-password\">No password is set yet. Open the link <code>camroll serve</code>"
                    + " printed at its start to choose one, or run <code>camroll owner password LIBRARY</code>.</p>";
        }
        Html.respond(ctx, status, "Camroll", content);
    }

    private void welcomePage(Context ctx) {
        String code = ctx.queryParam("code");
        if (!firstSignIn.accepts(code) || password.isSet()) {
            linkGone(ctx);
            return;
        }
        choosePasswordForm(ctx, 200, code, "");
    }

    private void choosePassword(Context ctx) {
        pages.guard().checkSameOrigin(ctx);
        String code = ctx.formParam("code");
        // A password set meanwhile (camroll owner password) is not replaced through the link.
        if (!firstSignIn.accepts(code) || password.isSet()) {
            linkGone(ctx);
            return;
        }
        String chosen = ctx.formParam("password");
        if (chosen == null || !chosen.equals(ctx.formParam("repeat"))) {
            choosePasswordForm(ctx, 400, code, "The two passwords differ.");
            return;
        }
        try {
            password.set(chosen);
        } catch (InvalidArgumentException e) {
            choosePasswordForm(ctx, 400, code, capitalized(e.getMessage()) + ".");
            return;
        }
        firstSignIn.used();
        sessions.removeAll();
        startSession(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void choosePasswordForm(Context ctx, int status, String code, String error) {
        Html.respond(
                ctx,
                status,
                "Welcome",
                "<form method=\"post\" action=\"" + FirstSignIn.PATH + "\" class=\"signin-form\">"
                        + Html.hidden("code", code)
                        + "<p>Choose the owner's password of this library: the web pages ask for it.</p>"
                        + PasswordPage.newPasswordFields(error)
                        + "<button type=\"submit\" class=\"primary\">Choose this password</button></form>");
    }

    private void linkGone(Context ctx) {
        // 410 rather than 404: the API's 404 handler would answer in its JSON error shape.
        Html.respond(
                ctx,
                410,
                "Link used",
                "<p id=\"link-gone\">This link has been used, has expired, or a password is set already."
                        + " <a href=\"" + OwnerPages.SIGN_IN + "\">Sign in</a>, or set a new password with"
                        + " <code>camroll owner password LIBRARY</code>.</p>");
    }

    private void signOut(Context ctx) {
        Sessions.Session session = pages.requireOwner(ctx);
        pages.checkForm(ctx, session);
        sessions.remove(ctx.cookie(Sessions.COOKIE));
        cookie.clear(ctx);
        ctx.redirect(OwnerPages.SIGN_IN, HttpStatus.SEE_OTHER);
    }

    /** A new session for this browser, in its cookie. */
    void startSession(Context ctx) {
        sessions.remove(ctx.cookie(Sessions.COOKIE));
        Map.Entry<String, Sessions.Session> session = sessions.create(ownerIdentity.get());
        cookie.set(ctx, session.getKey());
    }

    static String capitalized(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
