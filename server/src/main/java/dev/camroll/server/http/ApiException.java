package dev.camroll.server.http;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import java.util.List;
import java.util.Map;

/**
 * A request the server refuses before it reaches the library (a bad parameter, a missing
 * token, a range outside the file): its error code and details, and the HTTP status when it is
 * not the one the code maps to (416 for a range, 405 for a method).
 */
final class ApiException extends CamrollException {
    private final int status;

    ApiException(int status, ErrorCode code, String message, Map<String, ?> details) {
        super(code, message, details, null);
        this.status = status;
    }

    ApiException(ErrorCode code, String message, Map<String, ?> details) {
        this(ApiErrors.statusOf(code), code, message, details);
    }

    static ApiException badParameter(String parameter, String message) {
        return new ApiException(ErrorCode.INVALID_ARGUMENT, message, Map.of("parameter", parameter));
    }

    static ApiException unauthorized(String message) {
        return new ApiException(ErrorCode.UNAUTHORIZED, message, Map.of());
    }

    static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message, Map.of());
    }

    static ApiException notFound(String what, String id) {
        // The kind beside the ids, as the library's NotFoundException carries them: a client makes the same one back.
        return new ApiException(
                ErrorCode.NOT_FOUND, "no " + what + " with id " + id, Map.of("kind", what, "ids", List.of(id)));
    }

    static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, message, Map.of());
    }

    int status() {
        return status;
    }
}
