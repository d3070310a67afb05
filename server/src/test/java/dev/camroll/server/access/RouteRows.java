package dev.camroll.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

/**
 * The matrix's row of each route of the API: where {@link ScopeMatrixTest} checks it. A route
 * registered in the server without a row here fails the matrix.
 */
final class RouteRows {
    private RouteRows() {}

    /** How the matrix reaches a route. */
    enum Row {
        /** Listed and counted: only what the scope sees. */
        LISTED,
        /** By a hidden id: as a made-up id, byte for byte. */
        BY_ID,
        /** A write naming a hidden id: refused as missing, nothing changes. */
        WRITE,
        /** A creation by the app itself (add-only's row). */
        CREATE,
        /** Changes since a token: a hidden asset's change is not in them. */
        CHANGES,
        /** Answers of the server itself (the document, its page, the upload limit): no asset in them. */
        PUBLIC,
        /** The server's own figures (the upload limit), for any caller with a valid token: no asset in them. */
        SERVER,
        /** The app's own permission state and its requests for more: they name no asset. */
        PERMISSIONS,
        /** The owner's own (sessions, the scan): an app's token opens nothing of them. */
        OWNER,
        /** Signing out: ends the session of a cookie, if any; for a token it ends nothing and says nothing. */
        SIGN_OUT
    }

    static final Map<String, Row> ROWS = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /api/v1/assets", Row.LISTED),
            Map.entry("POST /api/v1/assets", Row.CREATE),
            Map.entry("GET /api/v1/assets/months", Row.LISTED),
            Map.entry("GET /api/v1/assets/{id}", Row.BY_ID),
            Map.entry("PUT /api/v1/assets/{id}/favorite", Row.WRITE),
            Map.entry("GET /api/v1/assets/{id}/original", Row.BY_ID),
            Map.entry("HEAD /api/v1/assets/{id}/original", Row.BY_ID),
            Map.entry("GET /api/v1/assets/{id}/paired-video", Row.BY_ID),
            Map.entry("HEAD /api/v1/assets/{id}/paired-video", Row.BY_ID),
            Map.entry("GET /api/v1/assets/{id}/thumbnail", Row.BY_ID),
            Map.entry("HEAD /api/v1/assets/{id}/thumbnail", Row.BY_ID),
            Map.entry("GET /api/v1/assets/{id}/rendition", Row.BY_ID),
            Map.entry("HEAD /api/v1/assets/{id}/rendition", Row.BY_ID),
            Map.entry("POST /api/v1/assets/delete", Row.WRITE),
            Map.entry("GET /api/v1/trash", Row.LISTED),
            Map.entry("DELETE /api/v1/trash", Row.WRITE),
            Map.entry("GET /api/v1/trash/assets", Row.LISTED),
            Map.entry("POST /api/v1/trash/restore", Row.WRITE),
            Map.entry("GET /api/v1/albums", Row.LISTED),
            Map.entry("POST /api/v1/albums", Row.WRITE),
            Map.entry("POST /api/v1/albums/upload", Row.CREATE),
            Map.entry("GET /api/v1/albums/by-title", Row.LISTED),
            Map.entry("POST /api/v1/albums/delete", Row.WRITE),
            Map.entry("PATCH /api/v1/albums/{id}", Row.WRITE),
            Map.entry("POST /api/v1/albums/{id}/assets", Row.WRITE),
            Map.entry("POST /api/v1/albums/{id}/assets/remove", Row.WRITE),
            Map.entry("GET /api/v1/albums/{id}/migration", Row.BY_ID),
            Map.entry("POST /api/v1/albums/{id}/migration", Row.WRITE),
            Map.entry("GET /api/v1/moments", Row.LISTED),
            Map.entry("GET /api/v1/changes/token", Row.CHANGES),
            Map.entry("GET /api/v1/changes", Row.CHANGES),
            Map.entry("GET /api/v1/events", Row.CHANGES),
            Map.entry("POST /api/v1/scan", Row.OWNER),
            Map.entry("POST /api/v1/session", Row.OWNER),
            Map.entry("GET /api/v1/session", Row.OWNER),
            Map.entry("DELETE /api/v1/session", Row.SIGN_OUT),
            Map.entry("GET /api/v1/openapi.json", Row.PUBLIC),
            Map.entry("GET /api/v1/docs", Row.PUBLIC),
            Map.entry("GET /api/v1/docs/{file}", Row.PUBLIC),
            Map.entry("GET /api/v1/limits", Row.SERVER),
            Map.entry("GET /api/v1/permissions", Row.PERMISSIONS),
            Map.entry("POST /api/v1/permissions/request", Row.PERMISSIONS),
            Map.entry("POST /api/v1/permissions/picker", Row.PERMISSIONS)));

    /** A revoked app's token: every route but the public ones is a 401, whatever it names. */
    static void assertEveryRouteRefuses(MatrixLibrary matrix, String token, String assetId, String albumId) {
        ROWS.forEach((route, row) -> {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1)
                    .replace("{id}", route.contains("/albums/") ? albumId : assetId)
                    .replace("{file}", "swagger-ui-bundle.js");
            // The session is opened by the token in the body: the app's own, which opens none.
            String body = route.equals("POST /api/v1/session")
                    ? "{\"token\":\"" + token + "\"}"
                    : method.equals("GET") || method.equals("HEAD") || method.equals("DELETE") ? null : "{}";
            if (route.equals("GET /api/v1/events")) {
                path = path + "?since=x";
            }
            int status = body == null
                    ? matrix.bytes(token, method, path).statusCode()
                    : matrix.send(token, method, path, body).statusCode();
            assertThat(status)
                    .as(route)
                    .isEqualTo(
                            switch (row) {
                                case PUBLIC -> 200;
                                case SIGN_OUT -> 204;
                                default -> 401;
                            });
        });
    }
}
