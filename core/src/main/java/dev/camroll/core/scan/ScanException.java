package dev.camroll.core.scan;

import dev.camroll.api.CamrollException;

/** The scan as a whole could not run (the library folder is missing or unreadable). */
public class ScanException extends CamrollException {
    public ScanException(String message) {
        super(message);
    }

    public ScanException(String message, Throwable cause) {
        super(message, cause);
    }
}
