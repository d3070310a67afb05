package dev.camroll.core.store;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;

/**
 * The index could not be read or written (a damaged file, a full disk, a newer schema); the code
 * says which, from SQLite's own result code where there is one ({@link StoreFailures#codeOf}).
 */
public class StoreException extends CamrollException {
    public StoreException(ErrorCode code, String message) {
        super(code, message);
    }

    public StoreException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
