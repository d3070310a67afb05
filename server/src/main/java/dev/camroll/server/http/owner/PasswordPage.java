package dev.camroll.server.http.owner;

import dev.camroll.api.InvalidArgumentException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URI;
import java.util.Optional;

/**
 * The owner's page that changes the password ({@code GET|POST /owner/password}): a signed-in
 * owner only, the current password asked again (a browser left signed in is not enough), the
 * form checked against other sites. A change ends every session, this browser gets a new one.
 */
public final class PasswordPage {
    static final String PATH = "/owner/password";

    private final OwnerPassword password;
    private final Sessions sessions;
    private final SignInThrottle throttle;
    private final OwnerPages pages;
    private final SignInPages signIn;
    private final URI baseUrl;

    public PasswordPage(
            OwnerPassword password,
            Sessions sessions,
            SignInThrottle throttle,
            OwnerPages pages,
            SignInPages signIn,
            URI baseUrl) {
        this.password = password;
        this.sessions = sessions;
        this.throttle = throttle;
        this.pages = pages;
        this.signIn = signIn;
        this.baseUrl = baseUrl;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(PATH, this::page);
        routes.post(PATH, this::change);
    }

    private void page(Context ctx) {
        Sessions.Session owner = pages.requireOwner(ctx);
        form(ctx, 200, owner, ctx.queryParam("changed") != null ? "The password has been changed." : "", "");
    }

    private void change(Context ctx) {
        Sessions.Session owner = pages.requireOwner(ctx);
        pages.checkForm(ctx, owner);
        String address = ClientAddress.of(ctx, baseUrl);
        Optional<java.time.Duration> wait = throttle.waitFor(address);
        if (wait.isPresent()) {
            ctx.header("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
            form(ctx, 429, owner, "", "Too many wrong passwords: wait before trying again.");
            return;
        }
        if (password.isSet() && !password.matches(ctx.formParam("current"))) {
            throttle.failed(address);
            form(ctx, 401, owner, "", "The current password is not right.");
            return;
        }
        String chosen = ctx.formParam("password");
        if (chosen == null || !chosen.equals(ctx.formParam("repeat"))) {
            form(ctx, 400, owner, "", "The two new passwords differ.");
            return;
        }
        try {
            password.set(chosen);
        } catch (InvalidArgumentException e) {
            form(ctx, 400, owner, "", SignInPages.capitalized(e.getMessage()) + ".");
            return;
        }
        throttle.succeeded(address);
        sessions.removeAll();
        signIn.startSession(ctx);
        ctx.redirect(PATH + "?changed", HttpStatus.SEE_OTHER);
    }

    private void form(Context ctx, int status, Sessions.Session owner, String done, String error) {
        Html.respond(
                ctx,
                status,
                "Password",
                "<form method=\"post\" action=\"" + PATH + "\" class=\"signin-form\">"
                        + OwnerPages.formToken(owner)
                        + "<p id=\"password-done\" role=\"status\">" + Html.escape(done) + "</p>"
                        + "<label for=\"current\">Current password</label>"
                        + "<input id=\"current\" name=\"current\" type=\"password\" autocomplete=\"current-password\">"
                        + newPasswordFields(error)
                        + "<button type=\"submit\" class=\"primary\">Change the password</button></form>"
                        + "<p class=\"hint\"><a href=\"/\">Back to the library</a></p>");
    }

    /** The new password twice, with the error of the last try. */
    static String newPasswordFields(String error) {
        return "<label for=\"new-password\">New password (at least " + PasswordRules.MIN_LENGTH
                + " characters)</label>"
                + "<input id=\"new-password\" name=\"password\" type=\"password\" autocomplete=\"new-password\""
                + " minlength=\"" + PasswordRules.MIN_LENGTH + "\" required>"
                + "<label for=\"repeat\">The same again</label>"
                + "<input id=\"repeat\" name=\"repeat\" type=\"password\" autocomplete=\"new-password\" required>"
                + "<p id=\"password-error\" class=\"error\" role=\"alert\">" + Html.escape(error) + "</p>";
    }
}
