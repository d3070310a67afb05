package dev.camroll.core.store;

import java.util.List;

/**
 * A place in a sorted listing: the sort values of the last row seen and its row id (the final
 * tie-breaker), so that the next page starts right after it even if that row is gone.
 *
 * @param values one per sort key: Long for times, Integer for sizes and media type codes, Double
 *     for durations
 */
public record SortPosition(List<Object> values, long rowId) {
    public SortPosition {
        values = List.copyOf(values);
    }
}
