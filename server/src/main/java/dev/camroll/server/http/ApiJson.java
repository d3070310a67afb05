package dev.camroll.server.http;

import io.javalin.http.Context;

/**
 * The one way the API writes JSON: the wire form the command line's {@code --json} and the
 * client share (expo-media-library's field names), on one line.
 */
final class ApiJson {
    static final String CONTENT_TYPE = "application/json";

    private ApiJson() {}

    static void respond(Context ctx, Object value) {
        ctx.contentType(CONTENT_TYPE).result(dev.camroll.wire.ApiJson.writeLine(value));
    }
}
