package dev.camroll.server.http.oauth;

import io.javalin.http.Context;

/** The short pages of the authorization server that only say something. */
final class OAuthPages {
    private OAuthPages() {}

    static void message(Context ctx, int status, String title, String message) {
        Html.page(ctx, status, title, "<p class=\"oauth-message\">" + Html.escape(message) + "</p>");
    }

    /** The owner is not signed in: the web library signs in, then this page works when opened again. */
    static void signInFirst(Context ctx) {
        Html.page(
                ctx,
                401,
                "Sign in first",
                "<p class=\"oauth-message\">Only the owner of this library answers an app's request. <a href=\"/\">Sign"
                        + " in to Camroll</a> in this browser, then open this page again.</p>");
    }
}
