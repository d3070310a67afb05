package dev.camroll.core.access;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import java.util.Map;

/**
 * An app's change of what it did not create was not done: the owner is asked to confirm it, by
 * the request named in the details ({@code request}).
 */
public final class ConfirmationRequiredException extends CamrollException {
    public ConfirmationRequiredException(ChangeRequest request) {
        super(
                ErrorCode.CONFIRMATION_REQUIRED,
                "the app " + request.app() + " may change only what it created: nothing was done, and the owner"
                        + " was asked to confirm (request " + request.id() + ")",
                Map.of("request", request.id()),
                null);
    }
}
