package dev.camroll.server.http.oauth;

import dev.camroll.api.InvalidArgumentException;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.AppRegistry;
import dev.camroll.core.access.AppTokenException;
import dev.camroll.core.access.TokenError;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.Set;

/**
 * The token endpoint (RFC 6749 3.2: codes with their PKCE verifier, refresh tokens, and RFC
 * 8628's device codes), the revocation endpoint (RFC 7009) and the device authorization endpoint
 * (RFC 8628 3.1). Apps are public clients: they name themselves with {@code client_id} and hold
 * no secret, which is why a code needs its verifier and a refresh token replaces itself.
 */
final class TokenRoutes {
    static final String TOKEN = "/oauth/token";
    static final String REVOKE = "/oauth/revoke";
    static final String DEVICE_AUTHORIZATION = "/oauth/device_authorization";
    static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final AppRegistry apps;
    /** The grants apps hold: a refreshed token carries its app's grant as it stands. */
    private final AppGrants grants;

    private final Issuer issuer;

    TokenRoutes(AppRegistry apps, AppGrants grants, Issuer issuer) {
        this.apps = apps;
        this.grants = grants;
        this.issuer = issuer;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.post(TOKEN, this::token);
        routes.post(REVOKE, this::revoke);
        routes.post(DEVICE_AUTHORIZATION, this::deviceAuthorization);
    }

    private void token(Context ctx) {
        try {
            AppId app = client(ctx);
            String grantType = required(ctx, "grant_type");
            switch (grantType) {
                case "authorization_code" ->
                    OAuthResponses.tokens(
                            ctx,
                            apps.redeemCode(
                                    app,
                                    required(ctx, "code"),
                                    required(ctx, "redirect_uri"),
                                    required(ctx, "code_verifier")));
                case "refresh_token" ->
                    OAuthResponses.tokens(ctx, apps.refresh(app, required(ctx, "refresh_token"), grants.grant(app)));
                case DEVICE_CODE_GRANT ->
                    OAuthResponses.tokens(ctx, apps.pollDevice(app, required(ctx, "device_code")));
                default ->
                    throw new AppTokenException(
                            TokenError.UNSUPPORTED_GRANT_TYPE,
                            "grant_type " + grantType + " is not one this server takes");
            }
        } catch (AppTokenException e) {
            OAuthResponses.error(ctx, e.error(), e.getMessage());
        }
    }

    /** RFC 7009 2.2: the answer is 200 whether the token was valid or not, so it tells nothing. */
    private void revoke(Context ctx) {
        try {
            AppId app = client(ctx);
            apps.revokeToken(app, required(ctx, "token"));
            OAuthResponses.json(ctx, 200, Map.of());
        } catch (AppTokenException e) {
            OAuthResponses.error(ctx, e.error(), e.getMessage());
        }
    }

    private void deviceAuthorization(Context ctx) {
        try {
            AppId app = client(ctx);
            Set<String> scopes = RequestedScopes.parse(ctx.formParam("scope"));
            if (scopes == null) {
                throw new AppTokenException(TokenError.INVALID_SCOPE, "a scope asked for is not one this server knows");
            }
            var device = apps.startDevice(app, scopes);
            String page = issuer.url(ctx, DeviceRoutes.PATH);
            OAuthResponses.json(
                    ctx,
                    200,
                    Map.of(
                            "device_code", device.deviceCode(),
                            "user_code", device.userCode(),
                            "verification_uri", page,
                            "verification_uri_complete",
                                    AuthorizationRequest.withParameters(page, "user_code", device.userCode()),
                            "expires_in", device.expiresIn().toSeconds(),
                            "interval", device.interval().toSeconds()));
        } catch (AppTokenException e) {
            OAuthResponses.error(ctx, e.error(), e.getMessage());
        }
    }

    private AppId client(Context ctx) {
        String id = ctx.formParam("client_id");
        try {
            AppId app = id == null ? null : new AppId(id);
            if (app != null && apps.active(app).isPresent()) {
                return app;
            }
        } catch (InvalidArgumentException e) {
            // Not an id at all: the same answer as an unknown one.
        }
        throw new AppTokenException(
                TokenError.INVALID_CLIENT, "client_id names no app of this server (or a revoked one)");
    }

    private static String required(Context ctx, String name) {
        String value = ctx.formParam(name);
        if (value == null || value.isEmpty()) {
            throw new AppTokenException(TokenError.INVALID_REQUEST, name + " is required");
        }
        return value;
    }
}
