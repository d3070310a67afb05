package dev.camroll.core.metadata;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;

/** FFmpeg's libraries cannot be loaded in this process; the message says why. */
public class FfmpegUnavailableException extends CamrollException {
    public FfmpegUnavailableException(String message) {
        super(ErrorCode.UNAVAILABLE, message);
    }
}
