package dev.camroll.core.library;

import dev.camroll.api.CamrollException;

/** A file operation of a write failed; nothing of it was kept. */
final class WriteException extends CamrollException {
    WriteException(String message) {
        super(message);
    }

    WriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
