package dev.camroll.core.media;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import java.util.Locale;
import java.util.Map;

/**
 * An asset cannot be shown in a browser and no rendition can be made of it: its format is one the
 * bundled libraries cannot decode (HEIC, for now), it is damaged, or converting it took longer
 * than the limit. The message says which; {@link #reason()} says it for programs.
 */
public class NoRenditionException extends CamrollException {

    /** Why there is no rendition. */
    public enum Reason {
        /** The format or codec is not one the bundled libraries decode. */
        UNSUPPORTED_FORMAT,
        /** The file could not be decoded: damaged, truncated, or no stream in it. */
        UNREADABLE,
        /** Converting it took longer than the time limit (a very long video on a busy machine). */
        TIME_LIMIT
    }

    private final Reason reason;

    public NoRenditionException(Reason reason, String message) {
        super(ErrorCode.NO_RENDITION, message, Map.of("reason", reason.name().toLowerCase(Locale.ROOT)), null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
