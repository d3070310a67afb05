package dev.camroll.core.metadata;

import dev.camroll.api.CamrollException;

/** Neither the bundled FFmpeg nor one on the PATH can be started; the message says what to install. */
public class FfmpegUnavailableException extends CamrollException {
    public FfmpegUnavailableException(String message) {
        super(message);
    }
}
