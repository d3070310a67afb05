package dev.camroll.server.http.oauth;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.camroll.core.access.IssuedTokens;
import dev.camroll.core.access.TokenError;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON answers of the token endpoints (RFC 6749 5.1 and 5.2), never cached. */
final class OAuthResponses {
    private static final JsonMapper JSON = new JsonMapper();

    private OAuthResponses() {}

    static void json(Context ctx, int status, Map<String, ?> body) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
        try {
            ctx.contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers is JSON", e);
        }
    }

    static void tokens(Context ctx, IssuedTokens issued) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.expiresIn().toSeconds());
        if (issued.refreshToken() != null) {
            body.put("refresh_token", issued.refreshToken());
        }
        body.put("scope", String.join(" ", issued.scopes()));
        json(ctx, 200, body);
    }

    /** An error of the token endpoint: 401 for the client (RFC 6749 5.2), else 400. */
    static void error(Context ctx, TokenError error, String description) {
        if (error == TokenError.INVALID_CLIENT) {
            ctx.header("WWW-Authenticate", "Basic realm=\"camroll\"");
        }
        json(
                ctx,
                error == TokenError.INVALID_CLIENT ? 401 : 400,
                Map.of("error", error.wireName(), "error_description", description));
    }
}
