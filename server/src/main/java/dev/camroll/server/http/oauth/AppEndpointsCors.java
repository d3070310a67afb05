package dev.camroll.server.http.oauth;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;

/**
 * CORS for the endpoints a browser app calls with fetch from its own origin: the metadata,
 * registration, token, revocation and device authorization endpoints. Any origin may read their
 * answers, errors included, and never with credentials: they take no cookie, only what the app
 * sends in the form (its client_id, codes and tokens), so another site's page learns nothing it
 * did not hold already. The owner's pages are left out on purpose: they work by the owner's
 * cookie and stay same-origin.
 */
final class AppEndpointsCors {
    /** The paths an app's page fetches. */
    static final List<String> PATHS = List.of(
            OAuthServer.METADATA,
            RegistrationRoute.PATH,
            TokenRoutes.TOKEN,
            TokenRoutes.REVOKE,
            TokenRoutes.DEVICE_AUTHORIZATION);

    /** How long a browser may keep a preflight's answer. */
    private static final String PREFLIGHT_MAX_AGE_SECONDS = "600";

    private AppEndpointsCors() {}

    static void register(JavalinDefaultRoutingApi routes) {
        for (String path : PATHS) {
            routes.before(path, AppEndpointsCors::allowAnyOrigin);
            routes.options(path, AppEndpointsCors::preflight);
        }
    }

    private static void allowAnyOrigin(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        // A refused registration says when to try again (RFC 6585); the page must be able to read it.
        ctx.header("Access-Control-Expose-Headers", "Retry-After, WWW-Authenticate");
    }

    private static void preflight(Context ctx) {
        ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
        ctx.header("Access-Control-Max-Age", PREFLIGHT_MAX_AGE_SECONDS);
        ctx.status(204);
    }
}
