package dev.camroll.api;

/**
 * The one base of every exception Camroll throws. Each feature owns its subclasses; all are
 * unchecked so that callers handle them where they can do something about them.
 */
public class CamrollException extends RuntimeException {
    public CamrollException(String message) {
        super(message);
    }

    public CamrollException(String message, Throwable cause) {
        super(message, cause);
    }
}
