package dev.camroll.server.http;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
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

    /** The HTTP status of an error code: the one place codes become statuses. */
    static int statusOf(ErrorCode code) {
        return switch (code) {
            case INVALID_ARGUMENT -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND, NO_THUMBNAIL, NO_RENDITION -> 404;
            case CONFLICT, CONFIRMATION_REQUIRED -> 409;
            case TOO_LARGE -> 413;
            case NOT_MEDIA -> 415;
            case NO_SPACE -> 507;
            case READ_ONLY, DAMAGED_INDEX, BAD_DATA_FOLDER, UNAVAILABLE -> 503;
            case IO_ERROR, INTERNAL -> 500;
        };
    }

    static ApiError of(Exception exception) {
        return switch (exception) {
            case ApiException api -> new ApiError(api.status(), api.code().wireName(), api.getMessage(), api.details());
            // The client went away mid-request (an upload cut off): nothing to tell, and no one to tell it.
            case EofException aborted ->
                new ApiError(400, ErrorCode.INVALID_ARGUMENT.wireName(), "the request ended early", Map.of());
            case CamrollException failed ->
                new ApiError(statusOf(failed.code()), failed.code().wireName(), failed.getMessage(), failed.details());
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
            case 404 -> new ApiError(404, ErrorCode.NOT_FOUND.wireName(), "no route " + path, Map.of());
            case 405 ->
                new ApiError(405, ErrorCode.INVALID_ARGUMENT.wireName(), "method not allowed on " + path, Map.of());
            default -> new ApiError(status, ErrorCode.INTERNAL.wireName(), "HTTP status " + status, Map.of());
        };
    }
}
