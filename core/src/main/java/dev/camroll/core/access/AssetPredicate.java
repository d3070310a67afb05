package dev.camroll.core.access;

import dev.camroll.api.MediaType;
import java.util.List;
import java.util.Set;

/**
 * Which assets a scope sees, as a condition on what every asset row, trash row and tombstone of
 * the index keeps: the asset's id, its media type and its folder. The store turns it into SQL in
 * one place ({@code store.ScopeSql}), so that live, trashed and deleted assets are judged alike.
 */
public sealed interface AssetPredicate {
    /** Every asset. */
    record Every() implements AssetPredicate {}

    /** No asset at all: an app that was refused, never answered, or whose grant ended. */
    record Nothing() implements AssetPredicate {}

    /** The assets of some media types. */
    record OfMediaTypes(Set<MediaType> mediaTypes) implements AssetPredicate {
        public OfMediaTypes {
            mediaTypes = Set.copyOf(mediaTypes);
        }
    }

    /**
     * The assets the person selected for an app: the items selected one by one and every item of
     * the albums selected whole, those added to such an album later included.
     *
     * @param latestOnly only the items and albums of the person's most recent selection
     */
    record SelectedFor(AppId app, boolean latestOnly) implements AssetPredicate {}

    /** The assets an app created (added or saved to the library itself). */
    record CreatedBy(AppId app) implements AssetPredicate {}

    /**
     * What a limited app sees beside its media types: the assets selected for it (items and albums
     * whole, not only the latest selection) and those it created. One predicate rather than the
     * union of {@link SelectedFor} and {@link CreatedBy}, because the store keeps this set as rows
     * of its own, which its pages and counts read in order.
     */
    record SelectedOrCreatedBy(AppId app) implements AssetPredicate {}

    /** The assets every one of the parts sees. */
    record AllOf(List<AssetPredicate> parts) implements AssetPredicate {
        public AllOf {
            parts = List.copyOf(parts);
        }
    }

    /** The assets any one of the parts sees. */
    record AnyOf(List<AssetPredicate> parts) implements AssetPredicate {
        public AnyOf {
            parts = List.copyOf(parts);
        }
    }
}
