package dev.camroll.core.metadata;

import dev.camroll.api.CamrollException;

/** FFmpeg's libraries cannot be loaded in this process; the message says why. */
public class FfmpegUnavailableException extends CamrollException {
    public FfmpegUnavailableException(String message) {
        super(message);
    }
}
