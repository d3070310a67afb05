package dev.camroll.core.store;

import java.util.List;

/** What a moment's row says of its assets, as the grouping computed it (see {@link MomentRow}). */
public record MomentSummary(
        long startTime,
        long endTime,
        int assetCount,
        Double latitude,
        Double longitude,
        Double lastLatitude,
        Double lastLongitude,
        List<String> locationNames) {
    public MomentSummary {
        locationNames = List.copyOf(locationNames);
    }
}
