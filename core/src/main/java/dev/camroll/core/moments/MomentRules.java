package dev.camroll.core.moments;

import dev.camroll.core.store.MomentPoint;
import java.time.Duration;

/**
 * When a new moment begins. Photos and videos are taken in order of creation time (then row id);
 * the next one starts a new moment when it was taken more than {@link #GAP} after the previous
 * one, or when it has a location more than {@link #JUMP_METRES} from the last location of the
 * moment so far (assets without a location never break a moment by place). The rule looks only
 * at the moment's end, so a change re-groups only the moments around it.
 */
public final class MomentRules {
    /** A pause longer than this ends a moment: an afternoon out and the evening are two. */
    public static final Duration GAP = Duration.ofHours(3);
    /** A jump longer than this ends a moment: another town, not a walk across one. */
    public static final double JUMP_METRES = 30_000;

    private MomentRules() {}

    /** Whether {@code next} begins a new moment after a moment that ends as {@code end} says. */
    static boolean breaks(MomentEnd end, MomentPoint next) {
        if (next.creationTime() - end.lastTime() > GAP.toMillis()) {
            return true;
        }
        return next.located()
                && end.lastLatitude() != null
                && GeoMath.metresBetween(end.lastLatitude(), end.lastLongitude(), next.latitude(), next.longitude())
                        > JUMP_METRES;
    }
}
