package dev.camroll.core.store;

import java.util.List;

/**
 * A moment as the index keeps it.
 *
 * @param latitude the centre of its GPS points, null without any
 * @param lastLatitude the last of its GPS points in time order, from which the next asset's jump
 *     is measured
 * @param locationNames its nearest towns, then their countries
 */
public record MomentRow(
        long rowId,
        String publicId,
        long startTime,
        long endTime,
        int assetCount,
        Double latitude,
        Double longitude,
        Double lastLatitude,
        Double lastLongitude,
        List<String> locationNames) {
    public MomentRow {
        locationNames = List.copyOf(locationNames);
    }
}
