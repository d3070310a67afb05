package dev.camroll.core.access;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import java.time.Duration;
import java.util.Map;

/**
 * A self-registration refused because {@link AppRegistry#WAITING_REGISTRATIONS} apps already
 * wait for the owner's consent: nothing was kept, and after {@link #retryAfter()} the oldest of
 * them has expired and made room.
 */
public final class RegistrationsFullException extends CamrollException {
    private final Duration retryAfter;

    public RegistrationsFullException(Duration retryAfter) {
        super(
                ErrorCode.UNAVAILABLE,
                "too many apps wait for the owner's consent; try again later",
                Map.of("retryAfterSeconds", retryAfter.toSeconds()),
                null);
        this.retryAfter = retryAfter;
    }

    /** When the oldest waiting registration expires, making room. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
