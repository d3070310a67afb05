package dev.camroll.server.http.oauth;

import dev.camroll.api.InvalidArgumentException;
import dev.camroll.core.access.App;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.AppRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An authorization request (RFC 6749 4.1.1 with RFC 7636's S256 challenge), checked in the order
 * RFC 6749 4.1.2.1 asks: an unknown app or a redirect URI not registered exactly is told to the
 * person on the page, never redirected (that would make the server an open redirector); anything
 * else wrong is sent back to the app's redirect URI as an error.
 */
record AuthorizationRequest(App app, String redirectUri, String codeChallenge, Set<String> scopes, String state) {
    /** What a request turns out to be. */
    sealed interface Checked {}

    /** A request the owner can answer. */
    record Valid(AuthorizationRequest request) implements Checked {}

    /** A request that cannot be answered, and cannot safely be sent back: the page says why. */
    record Refused(String message) implements Checked {}

    /** A request of a known app to a redirect URI of its own, wrong otherwise: sent back with the error. */
    record Failed(String redirectUri, String error, String description, String state) implements Checked {
        String location() {
            return AuthorizationRequest.withParameters(
                    redirectUri, "error", error, "error_description", description, "state", state);
        }
    }

    static Checked check(Function<String, String> parameter, AppRegistry apps) {
        String clientId = parameter.apply("client_id");
        Optional<App> app;
        try {
            app = clientId == null ? Optional.empty() : apps.active(new AppId(clientId));
        } catch (InvalidArgumentException e) {
            app = Optional.empty();
        }
        if (app.isEmpty()) {
            return new Refused("No app is registered with this id (client_id), or it was revoked.");
        }
        String redirect = parameter.apply("redirect_uri");
        var registered = app.get().redirectUris().stream().map(URI::toString).toList();
        if (redirect == null && registered.size() == 1) {
            redirect = registered.getFirst();
        }
        if (redirect == null || !registered.contains(redirect)) {
            return new Refused("The redirect URI is not one the app registered.");
        }
        String state = parameter.apply("state");
        if (!"code".equals(parameter.apply("response_type"))) {
            return new Failed(redirect, "unsupported_response_type", "response_type must be code", state);
        }
        String challenge = parameter.apply("code_challenge");
        if (challenge == null || !challenge.matches("[A-Za-z0-9_-]{43}")) {
            return new Failed(redirect, "invalid_request", "a code_challenge (PKCE, S256) is required", state);
        }
        if (!"S256".equals(parameter.apply("code_challenge_method"))) {
            return new Failed(redirect, "invalid_request", "code_challenge_method must be S256", state);
        }
        Set<String> scopes = RequestedScopes.parse(parameter.apply("scope"));
        if (scopes == null) {
            return new Failed(redirect, "invalid_scope", "a scope asked for is not one this server knows", state);
        }
        return new Valid(new AuthorizationRequest(app.get(), redirect, challenge, scopes, state));
    }

    /** The redirect URI with parameters added (null values left out), keeping its own query. */
    static String withParameters(String uri, String... namesAndValues) {
        StringBuilder out = new StringBuilder(uri);
        char separator = uri.contains("?") ? '&' : '?';
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                continue;
            }
            out.append(separator)
                    .append(namesAndValues[i])
                    .append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
            separator = '&';
        }
        return out.toString();
    }
}
