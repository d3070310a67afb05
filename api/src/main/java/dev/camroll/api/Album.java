package dev.camroll.api;

import java.util.List;

/**
 * An album of the library.
 *
 * @param id opaque and stable
 * @param title the folder name, the name of a smart album, or a moment's place or date
 * @param assetCount how many assets (of any media type) it holds
 * @param startTime a moment's first creation time (epoch ms); null for other albums
 * @param endTime a moment's last creation time (epoch ms); null for other albums
 * @param approximateLocation a moment's centre of its GPS points; null without any, for other
 *     albums, and for a caller that may not see locations
 * @param locationNames a moment's nearest towns, then their countries; null where {@code
 *     approximateLocation} is
 */
public record Album(
        String id,
        String title,
        int assetCount,
        AlbumType type,
        Long startTime,
        Long endTime,
        Location approximateLocation,
        List<String> locationNames) {
    public Album {
        locationNames = locationNames == null ? null : List.copyOf(locationNames);
    }

    /** A folder or a smart album: no span in time, no place. */
    public Album(String id, String title, int assetCount, AlbumType type) {
        this(id, title, assetCount, type, null, null, null, null);
    }
}
