package dev.camroll.core.media;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import java.time.Duration;
import java.util.Map;

/**
 * A rendition is being made and was not ready within the time a caller waits: it goes on being
 * made, and asking again after {@link #retryAfter()} finds it (or finds it still going).
 */
public class RenditionPendingException extends CamrollException {
    private final Duration retryAfter;

    public RenditionPendingException(String message, Duration retryAfter) {
        super(ErrorCode.UNAVAILABLE, message, Map.of("retryAfterSeconds", retryAfter.toSeconds()), null);
        this.retryAfter = retryAfter;
    }

    /** When asking again is worth it. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
