package dev.camroll.server.http.oauth;

import dev.camroll.api.MediaLibrary;
import dev.camroll.core.access.AccessLog;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppRegistry;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's OAuth 2.0 authorization server, so that app developers use the libraries they
 * know: its metadata (RFC 8414), dynamic registration (RFC 7591), the authorization code grant
 * with PKCE (RFC 7636) whose authorization page is the consent page, the device flow (RFC 8628),
 * refresh tokens and revocation (RFC 7009). Apps, tokens and codes live in the library's {@link
 * AppRegistry}; the owner's session comes from the server's web sign-in through {@link OwnerCheck}.
 */
public final class OAuthServer {
    static final String METADATA = "/.well-known/oauth-authorization-server";

    private final AppRegistry apps;
    private final Consents consents;
    private final OwnerCheck owner;
    private final Issuer issuer;
    /** The owner's library, which the selection page shows. */
    private final MediaLibrary library;
    /** What apps read and changed, shown on each app's page. */
    private final AccessLog accessLog;
    /** The bound on registrations per client address. */
    private final RegistrationThrottle registrations;

    /** {@code onceLifetime}: how long "Allow this time only" lasts (the lifetime of an access token). */
    public OAuthServer(
            AppRegistry apps,
            AppGrants grants,
            Duration onceLifetime,
            OwnerCheck owner,
            Issuer issuer,
            MediaLibrary library,
            AccessLog accessLog,
            RegistrationThrottle registrations) {
        this.apps = apps;
        this.registrations = registrations;
        this.library = library;
        this.accessLog = accessLog;
        this.consents = new Consents(grants, onceLifetime);
        this.owner = owner;
        this.issuer = issuer;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        AppEndpointsCors.register(routes);
        routes.get(METADATA, this::metadata);
        new RegistrationRoute(apps, registrations).register(routes);
        new AuthorizeRoutes(apps, consents, owner, library).register(routes);
        new AppPages(apps, consents.grants(), accessLog, owner, library).register(routes);
        new ConfirmationRoutes(apps, consents.grants(), owner).register(routes);
        new SelectionRoutes(apps, consents.grants(), owner, library).register(routes);
        new TokenRoutes(apps, consents.grants(), issuer).register(routes);
        new DeviceRoutes(apps, consents, owner, library).register(routes);
    }

    private void metadata(Context ctx) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        String base = issuer.url(ctx, "");
        metadata.put("issuer", base);
        metadata.put("authorization_endpoint", issuer.url(ctx, AuthorizeRoutes.PATH));
        metadata.put("token_endpoint", issuer.url(ctx, TokenRoutes.TOKEN));
        metadata.put("registration_endpoint", issuer.url(ctx, RegistrationRoute.PATH));
        metadata.put("revocation_endpoint", issuer.url(ctx, TokenRoutes.REVOKE));
        metadata.put("device_authorization_endpoint", issuer.url(ctx, TokenRoutes.DEVICE_AUTHORIZATION));
        metadata.put("response_types_supported", List.of("code"));
        metadata.put(
                "grant_types_supported", List.of("authorization_code", "refresh_token", TokenRoutes.DEVICE_CODE_GRANT));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("none"));
        metadata.put("revocation_endpoint_auth_methods_supported", List.of("none"));
        metadata.put("scopes_supported", RequestedScopes.ALL);
        OAuthResponses.json(ctx, 200, metadata);
    }
}
