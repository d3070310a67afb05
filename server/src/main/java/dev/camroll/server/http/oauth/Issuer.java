package dev.camroll.server.http.oauth;

import io.javalin.http.Context;

/** The server's own URL as apps reach it (its {@code --base-url}, else the request's host). */
@FunctionalInterface
public interface Issuer {
    /** The absolute URL of a path of this server. */
    String url(Context ctx, String path);
}
