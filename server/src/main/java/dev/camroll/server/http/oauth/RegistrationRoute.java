package dev.camroll.server.http.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.core.access.App;
import dev.camroll.core.access.AppRegistry;
import dev.camroll.core.access.RegistrationsFullException;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dynamic registration (RFC 7591): an app names itself and the redirect URIs it will use, which
 * are bound to it from then on, and gets its {@code client_id}. It is a public client (no secret)
 * and has no access until the owner allows it on the consent page. An app of the device flow only
 * (a TV, a frame) registers without redirect URIs. Open to anyone, so bounded twice, each a 429
 * with Retry-After: per client address ({@link RegistrationThrottle}), and by the number of apps
 * that wait for the owner's consent ({@code AppRegistry.WAITING_REGISTRATIONS}, which expire after
 * a day).
 */
final class RegistrationRoute {
    static final String PATH = "/oauth/register";
    private static final JsonMapper JSON = new JsonMapper();

    private final AppRegistry apps;
    private final RegistrationThrottle throttle;

    RegistrationRoute(AppRegistry apps, RegistrationThrottle throttle) {
        this.apps = apps;
        this.throttle = throttle;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.post(PATH, this::register);
    }

    private void register(Context ctx) {
        Optional<Duration> wait = throttle.take(ctx);
        if (wait.isPresent()) {
            tooMany(ctx, wait.get(), "too many registrations from this address; try again later");
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(ctx.bodyInputStream());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            refuse(ctx, "invalid_client_metadata", "the body is a JSON object of client metadata");
            return;
        }
        String method = body.path("token_endpoint_auth_method").asText("none");
        if (!method.equals("none")) {
            refuse(ctx, "invalid_client_metadata", "apps are public clients: token_endpoint_auth_method is none");
            return;
        }
        List<String> grantTypes = strings(body.path("grant_types"));
        if (grantTypes.isEmpty()) {
            grantTypes = List.of("authorization_code", "refresh_token");
        }
        List<String> redirects = strings(body.path("redirect_uris"));
        String name = body.path("client_name").asText("");
        App app;
        try {
            boolean deviceOnly = redirects.isEmpty() && grantTypes.contains(TokenRoutes.DEVICE_CODE_GRANT);
            app = deviceOnly ? apps.registerForDevice(name) : apps.register(name, redirects);
        } catch (RegistrationsFullException e) {
            tooMany(ctx, e.retryAfter(), e.getMessage());
            return;
        } catch (InvalidArgumentException e) {
            refuse(
                    ctx,
                    "redirect_uris".equals(e.details().get("parameter"))
                            ? "invalid_redirect_uri"
                            : "invalid_client_metadata",
                    e.getMessage());
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("client_id", app.id().value());
        answer.put("client_id_issued_at", app.added().getEpochSecond());
        answer.put("client_name", app.name());
        answer.put(
                "redirect_uris", app.redirectUris().stream().map(URI::toString).toList());
        answer.put("grant_types", grantTypes);
        answer.put("response_types", List.of("code"));
        answer.put("token_endpoint_auth_method", "none");
        OAuthResponses.json(ctx, 201, answer);
    }

    /** RFC 6585's 429, with when to try again; RFC 7591 has no error of its own for it. */
    private static void tooMany(Context ctx, Duration wait, String description) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
        OAuthResponses.json(ctx, 429, Map.of("error", "temporarily_unavailable", "error_description", description));
    }

    private static void refuse(Context ctx, String error, String description) {
        OAuthResponses.json(ctx, 400, Map.of("error", error, "error_description", description));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }
}
