package dev.camroll.core.media;

import java.time.Duration;

/**
 * The cost bounds of renditions.
 *
 * @param transcodes how many videos or sounds are converted at once (each on a thread of the
 *     system's lowest priority, using every core when nothing else wants them)
 * @param timeLimit how long one conversion may take before it is given up
 */
public record RenditionSettings(int transcodes, Duration timeLimit) {
    /** The system property that sets {@link #transcodes()} ({@code -Dcamroll.transcodes=2}). */
    public static final String TRANSCODES_PROPERTY = "camroll.transcodes";
    /** The system property that sets {@link #timeLimit()} in minutes. */
    public static final String TIME_LIMIT_PROPERTY = "camroll.transcodeMinutes";

    public static final RenditionSettings DEFAULTS = new RenditionSettings(1, Duration.ofMinutes(30));

    public RenditionSettings {
        if (transcodes < 1) {
            throw new IllegalArgumentException("transcodes must be at least 1, got " + transcodes);
        }
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive, got " + timeLimit);
        }
    }

    /** The defaults, with what the system properties say instead where they say it. */
    public static RenditionSettings fromSystemProperties() {
        int transcodes = Integer.getInteger(TRANSCODES_PROPERTY, DEFAULTS.transcodes());
        long minutes = Long.getLong(TIME_LIMIT_PROPERTY, DEFAULTS.timeLimit().toMinutes());
        return new RenditionSettings(Math.max(1, transcodes), Duration.ofMinutes(Math.max(1, minutes)));
    }
}
