package dev.camroll.core.library;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.core.store.StoreFailures;

/**
 * A file operation of a write failed; nothing of it was kept. A full disk is {@link
 * ErrorCode#NO_SPACE}, a failure of the engine's own below it keeps its code, anything else is
 * {@link ErrorCode#IO_ERROR}.
 */
final class WriteException extends CamrollException {
    WriteException(String message) {
        super(ErrorCode.IO_ERROR, message);
    }

    WriteException(String message, Throwable cause) {
        super(StoreFailures.codeOf(cause), message, cause);
    }
}
