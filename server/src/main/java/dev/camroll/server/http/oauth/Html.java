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
        page(ctx, status, title, body, null);
    }

    /**
     * Writes a page with one module of the web library ({@code /web/js/NAME}), which may call this
     * server's API (through the owner's session cookie); null for a page without a script.
     */
    static void page(Context ctx, int status, String title, String body, String module) {
        ctx.status(status);
        ctx.header(
                "Content-Security-Policy",
                module == null
                        ? CONTENT_SECURITY_POLICY
                        : CONTENT_SECURITY_POLICY + "; script-src 'self'; connect-src 'self'");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"color-scheme\" content=\"light dark\">"
                + "<title>" + escape(title) + " · Camroll</title>"
                + "<link rel=\"icon\" href=\"/web/icon.svg\" type=\"image/svg+xml\">"
                + "<link rel=\"stylesheet\" href=\"/web/style.css\">"
                + "<link rel=\"stylesheet\" href=\"/web/owner-pages.css\">"
                + (module == null ? "" : "<script type=\"module\" src=\"/web/js/" + escape(module) + "\"></script>")
                + "</head><body class=\"owner-page\">" + OwnerHeader.of(ctx.path())
                + "<main class=\"oauth\" id=\"main\"><h1>" + escape(title) + "</h1>"
                + body + "</main></body></html>");
    }
}
