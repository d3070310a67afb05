package dev.camroll.core.store;

import dev.camroll.api.MediaType;
import dev.camroll.api.SortKey;
import java.util.List;
import java.util.Set;

/**
 * A resolved asset query, as the index runs it.
 *
 * @param sortBy at least one key; {@code SortField.DEFAULT} stands for creation time
 * @param after where the previous page ended, or null for the first page
 * @param limit how many rows to return at most
 */
public record ListingSpec(
        Set<MediaType> mediaTypes,
        AssetFilter filter,
        Long createdAfter,
        Long createdBefore,
        List<SortKey> sortBy,
        SortPosition after,
        int limit) {
    public ListingSpec {
        mediaTypes = Set.copyOf(mediaTypes);
        sortBy = List.copyOf(sortBy);
        if (sortBy.isEmpty()) {
            throw new IllegalArgumentException("a listing needs at least one sort key");
        }
        if (after != null && after.values().size() != sortBy.size()) {
            throw new IllegalArgumentException("the position does not fit the sort keys");
        }
    }
}
