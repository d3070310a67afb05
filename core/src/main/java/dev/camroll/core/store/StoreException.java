package dev.camroll.core.store;

import dev.camroll.api.CamrollException;

/** The index could not be read or written (a damaged file, a full disk, a newer schema). */
public class StoreException extends CamrollException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
