package dev.camroll.server.http.oauth;

import io.javalin.http.Context;

/** The short pages of the authorization server that only say something. */
final class OAuthPages {
    private OAuthPages() {}

    static void message(Context ctx, int status, String title, String message) {
        Html.page(ctx, status, title, "<p class=\"oauth-message\">" + Html.escape(message) + "</p>");
    }
}
