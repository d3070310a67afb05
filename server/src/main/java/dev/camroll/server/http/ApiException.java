package dev.camroll.server.http;

import dev.camroll.api.CamrollException;
import java.util.Map;

/**
 * A request the server refuses before it reaches the library (a bad parameter, a missing
 * token, a range outside the file): its HTTP status, its error code and the details the error
 * body carries besides code and message.
 */
final class ApiException extends CamrollException {
    private final int status;
    private final String code;
    private final Map<String, Object> details;

    ApiException(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    static ApiException badParameter(String parameter, String message) {
        return new ApiException(400, "invalid_argument", message, Map.of("parameter", parameter));
    }

    static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message, Map.of());
    }

    static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message, Map.of());
    }

    static ApiException notFound(String what, String id) {
        return new ApiException(
                404, "not_found", "no " + what + " with id " + id, Map.of("ids", java.util.List.of(id)));
    }

    static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message, Map.of());
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, Object> details() {
        return details;
    }
}
