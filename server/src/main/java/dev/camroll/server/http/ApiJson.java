package dev.camroll.server.http;

import dev.camroll.server.cli.Json;
import io.javalin.http.Context;

/**
 * The one way the API writes JSON: the form of the command line's {@code --json}
 * (expo-media-library's field names), on one line.
 */
final class ApiJson {
    static final String CONTENT_TYPE = "application/json";

    private ApiJson() {}

    static void respond(Context ctx, Object value) {
        ctx.contentType(CONTENT_TYPE).result(Json.writeLine(value));
    }
}
