package dev.camroll.core.metadata;

import dev.camroll.api.MediaSubtype;
import java.util.Set;

/**
 * Slow motion and time-lapse from the rate a video was captured at against the rate it plays at.
 * Android's camera writes the capture rate as the QuickTime metadata key {@code
 * com.android.capture.fps} ("240.000000" for slow motion, "1.000000" for a time-lapse played at
 * 30 frames a second); the stream's average frame rate is the playing rate. iOS keeps a Slo-mo's
 * frames at the rate it captured them (120 or 240 a second; the slowed part is an edit list a
 * player applies), and since iOS 17 writes {@code com.apple.quicktime.full-frame-rate-playback-intent}:
 * 1 on a video meant to play at its full rate (a 4K 120 fps clip), 0 on a Slo-mo. An iPhone
 * time-lapse is marked by the key {@code com.apple.photos.captureMode} = "Time-lapse".
 */
final class CaptureRate {

    /** The metadata key Android's MediaRecorder writes (ExifTool's AndroidCaptureFPS). */
    static final String ANDROID_CAPTURE_FPS = "com.android.capture.fps";

    /** Apple's key saying whether a high-rate video plays at its full rate ("1") or slowed ("0"). */
    static final String APPLE_FULL_RATE_PLAYBACK = "com.apple.quicktime.full-frame-rate-playback-intent";

    /**
     * The movie-level key iOS's camera writes on a time-lapse, with the value {@link
     * #APPLE_TIMELAPSE}: the file plays at 30 frames a second and says nothing of its capture rate.
     */
    static final String APPLE_CAPTURE_MODE = "com.apple.photos.captureMode";

    static final String APPLE_TIMELAPSE = "Time-lapse";

    /** From this rate on a video is slow motion, as iOS's Slo-mo starts at 120 fps. */
    static final double HIGH_FRAME_RATE = 120;

    private CaptureRate() {}

    /**
     * @param captureFps Android's capture rate key, or null
     * @param streamFrameRate the video stream's average frame rate, as FFmpeg gives it
     * @param fullRatePlayback Apple's full-frame-rate playback intent, or null
     * @param appleCaptureMode Apple's capture mode key, or null
     */
    static void apply(
            String captureFps,
            String streamFrameRate,
            String fullRatePlayback,
            String appleCaptureMode,
            Set<MediaSubtype> subtypes) {
        if (appleCaptureMode != null && appleCaptureMode.strip().equalsIgnoreCase(APPLE_TIMELAPSE)) {
            // iOS keeps a time-lapse at 30 fps with no capture rate: the mode is the only mark.
            subtypes.add(MediaSubtype.TIMELAPSE);
            return;
        }
        double capture = number(captureFps);
        double playing = rate(streamFrameRate);
        if (!(capture > 0)) {
            // No capture rate: the frames are kept at the rate they were taken (iOS, and cameras).
            if (playing >= HIGH_FRAME_RATE && !(number(fullRatePlayback) == 1)) {
                subtypes.add(MediaSubtype.HIGH_FRAME_RATE);
            }
            return;
        }
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
