package dev.camroll.server.http.owner;

import io.javalin.http.Context;

/**
 * The owner's pages are HTML made on the server: forms that work without a script, styled by
 * the web library's style sheet. Every value put into a page goes through {@link #escape}.
 */
public final class Html {
    /**
     * Nothing but this server's style sheet and icon, forms only to this server, and no frame of
     * another site may hold the page (a consent page in a hidden frame could be clicked blind).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private Html() {}

    /** The text with the characters HTML gives a meaning escaped; null is the empty text. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A hidden field of a form. */
    public static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
    }

    /** Answers with a page of one card: a title and its content (HTML already escaped). */
    static void respond(Context ctx, int status, String title, String content) {
        ctx.status(status);
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        // A page with a form token or a one-time code is not kept by any cache.
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"color-scheme\" content=\"light dark\">\n"
                + "<title>" + escape(title) + " · Camroll</title>\n"
                + "<link rel=\"icon\" href=\"/web/icon.svg\" type=\"image/svg+xml\">\n"
                + "<link rel=\"stylesheet\" href=\"/web/style.css\">\n</head>\n<body>\n"
                + "<section class=\"signin\"><div class=\"signin-card\">\n"
                + "<h1><img src=\"/web/icon.svg\" alt=\"\" width=\"40\" height=\"40\"> " + escape(title) + "</h1>\n"
                + content + "\n</div></section>\n</body>\n</html>\n");
    }
}
