package dev.camroll.server.http;

import dev.camroll.api.ScanProgress;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.Set;

/** The library as a whole: its change token, the changes since a token, and a scan. */
final class LibraryRoutes {
    private final Callers callers;

    LibraryRoutes(Callers callers) {
        this.callers = callers;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get(Api.ROOT + "/changes/token", this::token);
        routes.get(Api.ROOT + "/changes", this::changes);
        routes.post(Api.ROOT + "/scan", this::scan);
    }

    private void token(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        ApiJson.respond(ctx, Map.of("token", callers.library(ctx).changeToken()));
    }

    private void changes(Context ctx) {
        String since = QueryParameters.of(ctx, Set.of("since")).get("since");
        if (since == null) {
            throw ApiException.badParameter("since", "since (a change token) is required");
        }
        try {
            ApiJson.respond(ctx, callers.library(ctx).changesSince(since));
        } catch (dev.camroll.api.InvalidArgumentException e) {
            throw ApiException.badParameter("since", e.getMessage());
        }
    }

    private void scan(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        ApiJson.respond(ctx, callers.library(ctx).scan(ScanProgress.NONE));
    }
}
