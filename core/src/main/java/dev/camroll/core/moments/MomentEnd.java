package dev.camroll.core.moments;

import dev.camroll.core.store.MomentPoint;

/**
 * What the rule needs of a moment so far: when its last asset was taken, and its last location
 * (null while none of its assets has one).
 */
record MomentEnd(long lastTime, Double lastLatitude, Double lastLongitude) {
    static MomentEnd startingAt(MomentPoint first) {
        return first.located()
                ? new MomentEnd(first.creationTime(), first.latitude(), first.longitude())
                : new MomentEnd(first.creationTime(), null, null);
    }

    /** The end once {@code next} joined the moment. */
    MomentEnd then(MomentPoint next) {
        return next.located()
                ? new MomentEnd(next.creationTime(), next.latitude(), next.longitude())
                : new MomentEnd(next.creationTime(), lastLatitude, lastLongitude);
    }
}
