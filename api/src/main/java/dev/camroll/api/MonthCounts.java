package dev.camroll.api;

import java.util.List;

/**
 * The assets of a query counted per month of creation, newest month first, months without assets
 * left out (a date scrubber's marks).
 *
 * @param totalCount the sum of the counts: how many assets the query matches
 */
public record MonthCounts(List<MonthCount> months, long totalCount) {
    public MonthCounts {
        months = List.copyOf(months);
    }
}
