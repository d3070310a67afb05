package dev.camroll.core.library;

import dev.camroll.api.AssetField;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.Comparison;
import dev.camroll.api.FieldFilter;
import dev.camroll.api.SortKey;
import dev.camroll.core.store.AssetFilter;
import dev.camroll.core.store.ListingSpec;
import dev.camroll.core.store.SortPosition;
import java.util.ArrayList;
import java.util.List;

/**
 * A query's options and field filters as the index runs them. Comparisons of the creation time
 * become the created-after/before bounds, which the creation-time indexes narrow by and the day
 * counters count; the media-type filters narrow the media types (each has its own index ranges);
 * the other comparisons stay conditions on their columns.
 */
final class QueryConditions {
    /** Bounds beyond this are far outside any date; clamped so that a bound plus one cannot overflow. */
    private static final double FAR = 0x1p60;

    private QueryConditions() {}

    static ListingSpec spec(AssetQuery query, AssetFilter filter, List<SortKey> sortBy, SortPosition after, int limit) {
        Long createdAfter = query.createdAfter();
        Long createdBefore = query.createdBefore();
        List<FieldFilter.OnNumber> conditions = new ArrayList<>();
        for (FieldFilter field : query.filters()) {
            if (!(field instanceof FieldFilter.OnNumber number)) {
                continue; // a media-type filter: in effectiveMediaTypes()
            }
            if (number.field() != AssetField.CREATION_TIME || number.comparison() == Comparison.IN) {
                conditions.add(number);
                continue;
            }
            // Creation times are whole milliseconds: t >= v is t > ceil(v) - 1, t <= v is
            // t < floor(v) + 1, and t = v both (no time at all for a fraction).
            double value = Math.clamp(number.values().getFirst(), -FAR, FAR);
            Long lower = null;
            Long upper = null;
            switch (number.comparison()) {
                case GT -> lower = (long) Math.floor(value);
                case GTE -> lower = (long) Math.ceil(value) - 1;
                case LT -> upper = (long) Math.ceil(value);
                case LTE -> upper = (long) Math.floor(value) + 1;
                case EQ -> {
                    lower = (long) Math.ceil(value) - 1;
                    upper = (long) Math.floor(value) + 1;
                }
                case IN -> throw new IllegalStateException("kept as a condition above");
            }
            if (lower != null) {
                createdAfter = createdAfter == null ? lower : Math.max(createdAfter, lower);
            }
            if (upper != null) {
                createdBefore = createdBefore == null ? upper : Math.min(createdBefore, upper);
            }
        }
        return new ListingSpec(
                query.effectiveMediaTypes(), filter, createdAfter, createdBefore, sortBy, after, limit, conditions);
    }
}
