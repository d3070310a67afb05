package dev.camroll.server.http;

import dev.camroll.api.GranularPermission;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaType;
import dev.camroll.api.PermissionResponse;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.ConsentRequest;
import dev.camroll.wire.PermissionRequest;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * expo-media-library's permission calls for the caller of a request: {@code GET /permissions}
 * (getPermissionsAsync), {@code POST /permissions/request} (requestPermissionsAsync, answered at
 * once or as a long poll until the owner answers on the consent page) and
 * {@code POST /permissions/picker} (presentPermissionsPicker). An app gets its own state from its
 * grant; the owner has everything and is never asked. An app has one pending request: asking
 * again what it asks returns it, asking something else replaces it, and a call on a replaced
 * request answers with the one that replaced it (its {@code requestId} and consent URL).
 */
final class PermissionRoutes {
    /** The longest a request waits for the owner: past it, the app asks again with the same request. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    /** Where the owner answers a consent request; the page of the request's id. */
    static final String CONSENT_PAGE = "/oauth/selection/";

    private final AppGrants grants;
    private final BiFunction<Context, String, String> absolute;

    /**
     * @param grants the grants of the served library
     * @param absolute the absolute URL of a path of this server, as the caller reaches it
     */
    PermissionRoutes(AppGrants grants, BiFunction<Context, String, String> absolute) {
        this.grants = grants;
        this.absolute = absolute;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get(Api.ROOT + "/permissions", this::permissions);
        routes.post(Api.ROOT + "/permissions/request", this::request);
        routes.post(Api.ROOT + "/permissions/picker", this::picker);
    }

    private void permissions(Context ctx) {
        QueryParameters query = QueryParameters.of(ctx, Set.of("writeOnly", "granular"));
        boolean writeOnly = flag("writeOnly", query.get("writeOnly"));
        Set<GranularPermission> granular = granular("granular", commaList(query.get("granular")));
        ApiJson.respond(
                ctx,
                switch (Callers.of(ctx)) {
                    case Caller.Owner ignored -> PermissionResponse.owner();
                    case Caller.OfApp app -> grants.permissions(app.app(), writeOnly, granular);
                });
    }

    private void request(Context ctx) {
        JsonBody body = JsonBody.of(ctx, Set.of("writeOnly", "granularPermissions", "wait", "requestId"));
        boolean writeOnly = body.bool("writeOnly", false);
        Set<GranularPermission> granular = granular("granularPermissions", body.strings("granularPermissions"));
        Duration wait = waitOf(body.number("wait", 0));
        if (!(Callers.of(ctx) instanceof Caller.OfApp caller)) {
            ApiJson.respond(ctx, PermissionRequest.none(PermissionResponse.owner()));
            return;
        }
        AppId app = caller.app();
        String requestId = body.string("requestId");
        // Waiting again on a request already open asks nothing new; only the app's own request is found.
        ConsentRequest request = requestId == null
                ? grants.request(app, writeOnly, granular)
                : grants.find(requestId)
                        .filter(open -> open.app().equals(app))
                        .orElseThrow(() -> ApiException.notFound("request", requestId));
        if (request.pending() && !wait.isZero()) {
            grants.await(request.id(), wait);
        }
        // A request the app replaced by asking something else is answered as the one that stands.
        ConsentRequest standing = grants.current(request.id()).orElse(request);
        ApiJson.respond(
                ctx, answer(ctx, standing.id(), grants.permissions(app, standing.writeOnly(), standing.granular())));
    }

    private void picker(Context ctx) {
        JsonBody body = JsonBody.of(ctx, Set.of("mediaTypes"));
        Set<GranularPermission> granular = ofMediaTypes(body.strings("mediaTypes"));
        if (!(Callers.of(ctx) instanceof Caller.OfApp caller)) {
            ApiJson.respond(ctx, PermissionRequest.none(PermissionResponse.owner()));
            return;
        }
        AppId app = caller.app();
        ConsentRequest request = grants.requestReselection(app, granular);
        PermissionResponse now = grants.permissions(app, false, granular);
        // An app that sees everything has nothing to select: no request for the owner to open.
        ApiJson.respond(ctx, request.pending() ? answer(ctx, request.id(), now) : PermissionRequest.none(now));
    }

    private PermissionRequest answer(Context ctx, String requestId, PermissionResponse now) {
        boolean pending = grants.find(requestId).map(ConsentRequest::pending).orElse(false);
        return new PermissionRequest(now, requestId, absolute.apply(ctx, CONSENT_PAGE + requestId), pending);
    }

    private static Duration waitOf(double seconds) {
        if (!(seconds >= 0) || seconds > LONGEST_WAIT.toSeconds()) {
            throw ApiException.badParameter(
                    "wait", "wait must be a number of seconds from 0 to " + LONGEST_WAIT.toSeconds());
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badParameter(name, name + " must be true or false");
        };
    }

    private static List<String> commaList(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.split(",", -1));
    }

    /** The media types named; none named is all of them, as expo asks when granular is left out. */
    private static Set<GranularPermission> granular(String parameter, List<String> names) {
        Set<GranularPermission> granular = EnumSet.noneOf(GranularPermission.class);
        if (names == null || names.isEmpty()) {
            return EnumSet.allOf(GranularPermission.class);
        }
        try {
            for (String name : names) {
                granular.add(GranularPermission.fromWireName(name.strip()));
            }
        } catch (InvalidArgumentException e) {
            throw ApiException.badParameter(parameter, e.getMessage());
        }
        return granular;
    }

    /** presentPermissionsPicker's media types (expo's "photo", "video"), as the permissions they open. */
    private static Set<GranularPermission> ofMediaTypes(List<String> names) {
        if (names == null || names.isEmpty()) {
            return EnumSet.allOf(GranularPermission.class);
        }
        Set<GranularPermission> granular = EnumSet.noneOf(GranularPermission.class);
        for (String name : names) {
            MediaType type;
            try {
                type = MediaType.fromWireName(name);
            } catch (InvalidArgumentException e) {
                throw ApiException.badParameter("mediaTypes", e.getMessage());
            }
            for (GranularPermission permission : GranularPermission.values()) {
                if (permission.mediaType() == type) {
                    granular.add(permission);
                }
            }
        }
        if (granular.isEmpty()) {
            throw ApiException.badParameter("mediaTypes", "mediaTypes names no photo, video or audio");
        }
        return granular;
    }
}
