package dev.camroll.server.http;

import dev.camroll.api.CamrollException;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.NotFoundException;
import dev.camroll.core.store.DataFolderException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.io.EofException;

/**
 * The one place exceptions become HTTP statuses and the error body
 * {@code {"error": {"code", "message", ...details}}}.
 */
final class ApiErrors {
    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

    private ApiErrors() {}

    /** The status, code, message and details of an exception. */
    record ApiError(int status, String code, String message, Map<String, Object> details) {
        Map<String, Object> body() {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", code);
            error.put("message", message);
            error.putAll(details);
            return Map.of("error", error);
        }
    }

    static ApiError of(Exception exception) {
        return switch (exception) {
            case ApiException api -> new ApiError(api.status(), api.code(), api.getMessage(), api.details());
            case NotFoundException notFound ->
                new ApiError(404, "not_found", notFound.getMessage(), Map.of("ids", notFound.ids()));
            case InvalidArgumentException invalid ->
                new ApiError(400, "invalid_argument", invalid.getMessage(), Map.of());
            // The client went away mid-request (an upload cut off): nothing to tell, and no one to tell it.
            case EofException aborted -> new ApiError(400, "aborted", "the request ended early", Map.of());
            case DataFolderException unavailable ->
                new ApiError(503, "unavailable", unavailable.getMessage(), Map.of());
            case CamrollException failed -> new ApiError(500, "internal", failed.getMessage(), Map.of());
            default -> {
                LOG.log(Level.WARNING, "unexpected error", exception);
                yield new ApiError(500, "internal", "unexpected error: " + exception, Map.of());
            }
        };
    }

    /** Writes the error of an exception as the response. */
    static void respond(Exception exception, Context ctx) {
        ApiError error = of(exception);
        respond(ctx, error);
    }

    static void respond(Context ctx, ApiError error) {
        ctx.status(error.status());
        ApiJson.respond(ctx, error.body());
    }

    /** The error body of a status Javalin answers itself (no route, wrong method). */
    static ApiError ofStatus(int status, String path) {
        return switch (status) {
            case 404 -> new ApiError(404, "not_found", "no route " + path, Map.of());
            case 405 -> new ApiError(405, "method_not_allowed", "method not allowed on " + path, Map.of());
            default -> new ApiError(status, "http_" + status, "HTTP status " + status, Map.of());
        };
    }
}
