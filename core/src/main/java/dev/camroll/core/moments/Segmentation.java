package dev.camroll.core.moments;

import dev.camroll.core.store.MomentPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Assets in time order cut into moments by {@link MomentRules}.
 *
 * @param joinsPrevious whether the first asset continues the moment before them (then the
 *     caller takes that moment in and cuts again)
 * @param groups the moments, each its assets in time order
 */
record Segmentation(boolean joinsPrevious, List<List<MomentPoint>> groups) {
    /** Cuts {@code points} (in time order), after a moment that ends as {@code previous} says, or none. */
    static Segmentation of(MomentEnd previous, List<MomentPoint> points) {
        List<List<MomentPoint>> groups = new ArrayList<>();
        boolean joins = false;
        List<MomentPoint> current = null;
        MomentEnd end = previous;
        for (MomentPoint point : points) {
            if (end == null || MomentRules.breaks(end, point)) {
                current = new ArrayList<>();
                groups.add(current);
                end = MomentEnd.startingAt(point);
            } else {
                if (current == null) {
                    joins = true;
                    current = new ArrayList<>();
                    groups.add(current);
                }
                end = end.then(point);
            }
            current.add(point);
        }
        return new Segmentation(joins, groups);
    }

    /** How the last moment ends, or {@code previous} when there are no points. */
    static MomentEnd endOf(List<MomentPoint> group) {
        MomentEnd end = MomentEnd.startingAt(group.getFirst());
        for (int i = 1; i < group.size(); i++) {
            end = end.then(group.get(i));
        }
        return end;
    }
}
