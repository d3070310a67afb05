package dev.camroll.core.metadata;

import java.util.Map;

/**
 * One stream of a video or audio container, as FFmpeg's demuxer describes it.
 *
 * @param attachedPicture cover art (an MP3's or M4A's picture), not a video
 * @param rotation the display matrix's counter-clockwise rotation in degrees, NaN when there is none
 * @param durationSeconds NaN when the container does not say
 */
record AvStream(
        int index,
        Kind kind,
        String codec,
        String codecLongName,
        boolean attachedPicture,
        boolean defaultStream,
        int width,
        int height,
        double rotation,
        String colorTransfer,
        double durationSeconds,
        String frameRate,
        int sampleRate,
        int channels,
        Map<String, String> tags) {

    enum Kind {
        VIDEO,
        AUDIO,
        OTHER
    }

    AvStream {
        tags = Map.copyOf(tags);
    }

    /** A picture that plays: a video stream that is not cover art. */
    boolean isMovingPicture() {
        return kind == Kind.VIDEO && !attachedPicture;
    }
}
