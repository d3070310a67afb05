package dev.camroll.core.metadata;

import java.util.Locale;

/**
 * The content identifier Apple writes in both halves of a Live Photo: a UUID in the still's
 * MakerNote (tag 0x0011, ContentIdentifier) and the same UUID in the MOV's QuickTime metadata under
 * {@code com.apple.quicktime.content.identifier}. Matching the two is how Photos itself pairs them.
 */
public final class LiveIdentifier {
    /** The QuickTime metadata key of the MOV, as FFmpeg's MOV demuxer names its tag. */
    public static final String QUICKTIME_KEY = "com.apple.quicktime.content.identifier";

    /** Longer than any UUID form: a value past it is not an identifier, and is not stored. */
    private static final int MAX_LENGTH = 64;

    private LiveIdentifier() {}

    /**
     * The identifier as the index keeps it: trimmed and upper-cased (both halves are written by the
     * same camera, but a tool that rewrote one may have changed its case); null for a blank or
     * overlong value.
     */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
            return null;
        }
        return trimmed.toUpperCase(Locale.ROOT);
    }
}
