package dev.camroll.core.store;

/**
 * Moment ids: "moment-" and an opaque id, so that an album id names a moment, a folder or a smart
 * album at a glance, and never two of them.
 */
public final class MomentIds {
    public static final String PREFIX = "moment-";

    private MomentIds() {}

    /** Whether an album id is a moment's (its shape only: the moment may not exist). */
    public static boolean isMoment(String albumId) {
        return albumId != null
                && albumId.startsWith(PREFIX)
                && PublicIds.looksValid(albumId.substring(PREFIX.length()));
    }
}
