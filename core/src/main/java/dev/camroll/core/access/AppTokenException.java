package dev.camroll.core.access;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;

/** A token, code or registration request of an app refused, saying why in OAuth's own terms. */
public final class AppTokenException extends CamrollException {
    private final TokenError error;

    public AppTokenException(TokenError error, String message) {
        super(
                error == TokenError.INVALID_REQUEST || error == TokenError.INVALID_SCOPE
                        ? ErrorCode.INVALID_ARGUMENT
                        : ErrorCode.UNAUTHORIZED,
                message);
        this.error = error;
    }

    public TokenError error() {
        return error;
    }
}
