package dev.camroll.core.metadata;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Screen recordings by the names their recorders give them. Neither iOS nor Android's recorders
 * write a metadata key that says "screen recording" (iOS keeps that fact in its Photos database,
 * not in the file), so the name is all a copied camera roll keeps of it:
 *
 * <ul>
 *   <li>iOS's ReplayKit recordings, as exported: {@code RPReplay_Final1612345678.MP4};
 *   <li>macOS and iOS's Control Center: {@code Screen Recording 2024-05-01 at 10.00.00.mov};
 *   <li>Samsung's and recent Pixel's recorder: {@code Screen_Recording_20240501-100000_Chrome.mp4},
 *       {@code Screen_recording_20240501_100000.mp4};
 *   <li>Android 11's System UI recorder: {@code screen-20240501-100000.mp4}.
 * </ul>
 */
final class ScreenRecordingNames {

    private static final Pattern ANDROID_SYSTEM_UI = Pattern.compile("screen-\\d{8}-\\d{6}.*");

    private ScreenRecordingNames() {}

    static boolean matches(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.startsWith("rpreplay")
                || lower.startsWith("screen recording")
                || lower.startsWith("screen_recording")
                || ANDROID_SYSTEM_UI.matcher(lower).matches();
    }
}
