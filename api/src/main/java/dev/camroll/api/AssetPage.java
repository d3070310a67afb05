package dev.camroll.api;

import java.util.List;

/**
 * One page of a query, as expo-media-library's PagedInfo.
 *
 * @param endCursor opaque; pass it as {@code after} to get the next page (null on an empty page)
 * @param totalCount how many assets match the query in all
 */
public record AssetPage(List<Asset> assets, String endCursor, boolean hasNextPage, long totalCount) {
    public AssetPage {
        assets = List.copyOf(assets);
    }
}
