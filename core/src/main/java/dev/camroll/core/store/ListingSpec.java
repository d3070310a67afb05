package dev.camroll.core.store;

import dev.camroll.api.FieldFilter;
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
 * @param conditions conditions on numeric fields besides the creation-time bounds, all to be met
 * @param mediaTypes the media types asked; empty when the query's filters leave none (no rows)
 */
public record ListingSpec(
        Set<MediaType> mediaTypes,
        AssetFilter filter,
        Long createdAfter,
        Long createdBefore,
        List<SortKey> sortBy,
        SortPosition after,
        int limit,
        List<FieldFilter.OnNumber> conditions) {
    public ListingSpec {
        mediaTypes = Set.copyOf(mediaTypes);
        conditions = List.copyOf(conditions);
        sortBy = List.copyOf(sortBy);
        if (sortBy.isEmpty()) {
            throw new IllegalArgumentException("a listing needs at least one sort key");
        }
        if (after != null && after.values().size() != sortBy.size()) {
            throw new IllegalArgumentException("the position does not fit the sort keys");
        }
    }

    /** A listing without conditions besides its filter, media types and dates. */
    public ListingSpec(
            Set<MediaType> mediaTypes,
            AssetFilter filter,
            Long createdAfter,
            Long createdBefore,
            List<SortKey> sortBy,
            SortPosition after,
            int limit) {
        this(mediaTypes, filter, createdAfter, createdBefore, sortBy, after, limit, List.of());
    }

    /** The same listing of other media types. */
    public ListingSpec withMediaTypes(Set<MediaType> types) {
        return new ListingSpec(types, filter, createdAfter, createdBefore, sortBy, after, limit, conditions);
    }

    /** The same listing from another position. */
    public ListingSpec after(SortPosition position) {
        return new ListingSpec(mediaTypes, filter, createdAfter, createdBefore, sortBy, position, limit, conditions);
    }
}
