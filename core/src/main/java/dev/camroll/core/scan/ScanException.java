package dev.camroll.core.scan;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.core.store.StoreFailures;

/**
 * The scan as a whole could not run: the library folder is gone ({@link ErrorCode#UNAVAILABLE},
 * as is another scan holding the library too long), or it could not be read or watched ({@link
 * ErrorCode#IO_ERROR}); a failure of the engine below it keeps that failure's code.
 */
public class ScanException extends CamrollException {
    public ScanException(ErrorCode code, String message) {
        super(code, message);
    }

    public ScanException(String message, Throwable cause) {
        super(StoreFailures.codeOf(cause), message, cause);
    }
}
