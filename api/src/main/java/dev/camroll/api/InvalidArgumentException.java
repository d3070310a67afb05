package dev.camroll.api;

/** A caller passed a value Camroll cannot use: the message names the value and what was expected. */
public class InvalidArgumentException extends CamrollException {
    public InvalidArgumentException(String message) {
        super(message);
    }
}
