package dev.camroll.core.access;

import dev.camroll.api.MediaType;
import java.util.Set;

/**
 * Which assets a scope sees, as a condition on what every asset row, trash row and tombstone of
 * the index keeps: the asset's id and media type. The store turns it into SQL in one place
 * ({@code store.ScopeSql}), so that live, trashed and deleted assets are judged alike.
 */
public sealed interface AssetPredicate {
    /** Every asset. */
    record Every() implements AssetPredicate {}

    /** The assets of some media types. */
    record OfMediaTypes(Set<MediaType> mediaTypes) implements AssetPredicate {
        public OfMediaTypes {
            mediaTypes = Set.copyOf(mediaTypes);
        }
    }
}
