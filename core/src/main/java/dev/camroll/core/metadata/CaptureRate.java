package dev.camroll.core.metadata;

import dev.camroll.api.MediaSubtype;
import java.util.Set;

/**
 * Slow motion and time-lapse from the rate a video was captured at against the rate it plays at.
 * Android's camera writes the capture rate as the QuickTime metadata key {@code
 * com.android.capture.fps} ("240.000000" for slow motion, "1.000000" for a time-lapse played at
 * 30 frames a second); the stream's average frame rate is the playing rate.
 */
final class CaptureRate {

    /** The metadata key Android's MediaRecorder writes (ExifTool's AndroidCaptureFPS). */
    static final String ANDROID_CAPTURE_FPS = "com.android.capture.fps";

    /** From this capture rate on a video is slow motion, as iOS's Slo-mo starts at 120 fps. */
    static final double HIGH_FRAME_RATE = 100;

    private CaptureRate() {}

    static void apply(String captureFps, String streamFrameRate, Set<MediaSubtype> subtypes) {
        double capture = number(captureFps);
        if (!(capture > 0)) {
            return;
        }
        double playing = rate(streamFrameRate);
        if (capture >= HIGH_FRAME_RATE && !(playing >= capture)) {
            // Played slower than captured (Android slows 240 fps to 30 fps in the file).
            subtypes.add(MediaSubtype.HIGH_FRAME_RATE);
        } else if (playing > 0 && capture <= playing / 2) {
            // Captured at most half as often as played: every second plays in under half a second.
            subtypes.add(MediaSubtype.TIMELAPSE);
        }
    }

    /** "30/1", "30000/1001" or "29.97"; NaN when absent or not a rate. */
    static double rate(String text) {
        if (text == null) {
            return Double.NaN;
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return number(text);
        }
        double den = number(text.substring(slash + 1));
        return den > 0 ? number(text.substring(0, slash)) / den : Double.NaN;
    }

    private static double number(String text) {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
