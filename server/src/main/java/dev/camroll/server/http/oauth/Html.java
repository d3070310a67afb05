package dev.camroll.server.http.oauth;

import io.javalin.http.Context;

/** The plain HTML pages of the authorization server: escaped text, one style sheet, no script. */
final class Html {
    /**
     * No script at all, no framing (a consent page in a frame could be clicked through), no other
     * origin. Unlike the owner's pages there is no {@code form-action 'self'}: the consent form's
     * answer redirects to the app's own redirect URI, which browsers hold to that directive too.
     */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'";

    private Html() {}

    static String escape(String text) {
        return dev.camroll.server.http.owner.Html.escape(text);
    }

    static String hidden(String name, String value) {
        return dev.camroll.server.http.owner.Html.hidden(name, value);
    }

    /** Writes a page: a title and a body of HTML already escaped. */
    static void page(Context ctx, int status, String title, String body) {
        ctx.status(status);
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " · Camroll</title><link rel=\"stylesheet\" href=\"/web/style.css\">"
                + "<link rel=\"stylesheet\" href=\"/web/owner-pages.css\">"
                + "</head><body class=\"oauth-page\"><main class=\"oauth\"><h1>" + escape(title) + "</h1>"
                + body + "</main></body></html>");
    }
}
