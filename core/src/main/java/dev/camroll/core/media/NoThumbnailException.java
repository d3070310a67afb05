package dev.camroll.core.media;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import java.util.Map;

/**
 * An asset has no thumbnail: its format is not one the bundled libraries decode, it holds no
 * picture (audio without cover art), it is damaged, or its header claims more pixels than the
 * limit. The message says which; {@link #reason()} says it for programs.
 */
public class NoThumbnailException extends CamrollException {

    /** Why there is no thumbnail. */
    public enum Reason {
        /** The format or codec is not one the bundled libraries decode (or this version knows). */
        UNSUPPORTED_FORMAT,
        /** Audio without cover art, a video without a video stream, a raw file without a usable preview. */
        NO_PICTURE,
        /** The file could not be decoded. */
        UNREADABLE,
        /** The header claims more pixels than the limit; nothing was decoded. */
        TOO_LARGE
    }

    private final Reason reason;

    public NoThumbnailException(Reason reason, String message) {
        super(
                ErrorCode.NO_THUMBNAIL,
                message,
                Map.of("reason", reason.name().toLowerCase(java.util.Locale.ROOT)),
                null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
