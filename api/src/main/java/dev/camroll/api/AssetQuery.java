package dev.camroll.api;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The options of getAssets, as in expo-media-library's AssetsOptions.
 *
 * @param first page size, 1 to {@value #MAX_FIRST}
 * @param after the endCursor of the previous page, or a plain asset id; null for the first page
 * @param album an album id (folder or smart album); null for the whole library
 * @param createdAfter exclusive lower bound on creationTime (epoch ms), or null
 * @param createdBefore exclusive upper bound on creationTime (epoch ms), or null
 * @param mediaTypes which kinds to return; never empty
 * @param sortBy sort keys, most significant first; empty means creation time, newest first
 * @param offset how many assets of the ordered result to skip (0 for none); not with {@code after}
 * @param filters conditions on fields, all of which an asset must meet; each field and comparison
 *     at most once. A {@link FieldFilter.OnMediaType} narrows {@code mediaTypes} further
 * @param latestSelectionOnly for an app with a limited grant: only the items of the person's most
 *     recent selection (Android 15's {@code QUERY_ARG_LATEST_SELECTION_ONLY}); every item the app
 *     sees when there has been no selection, and for any other caller
 */
public record AssetQuery(
        int first,
        String after,
        String album,
        Long createdAfter,
        Long createdBefore,
        Set<MediaType> mediaTypes,
        List<SortKey> sortBy,
        int offset,
        List<FieldFilter> filters,
        boolean latestSelectionOnly) {

    public static final int DEFAULT_FIRST = 20;
    public static final int MAX_FIRST = 100_000;

    public AssetQuery {
        if (first < 1 || first > MAX_FIRST) {
            throw InvalidArgumentException.of("first", "first must be between 1 and " + MAX_FIRST + ", got " + first);
        }
        if (mediaTypes == null || mediaTypes.isEmpty()) {
            throw InvalidArgumentException.of("mediaType", "mediaType must name at least one of photo, video, audio");
        }
        mediaTypes = Set.copyOf(EnumSet.copyOf(mediaTypes));
        sortBy = sortBy == null ? List.of() : List.copyOf(sortBy);
        long distinctFields = sortBy.stream().map(SortKey::field).distinct().count();
        if (distinctFields != sortBy.size()) {
            throw InvalidArgumentException.of("sortBy", "sortBy names a key twice: " + sortBy);
        }
        if (offset < 0) {
            throw InvalidArgumentException.of("offset", "offset must be 0 or more, got " + offset);
        }
        if (offset > 0 && after != null && !after.isEmpty()) {
            throw InvalidArgumentException.of(
                    "offset", "offset and after cannot be given together: page either by cursor or by offset");
        }
        filters = filters == null ? List.of() : List.copyOf(filters);
        Set<String> names = new HashSet<>();
        for (FieldFilter filter : filters) {
            if (!names.add(filter.parameterName())) {
                throw InvalidArgumentException.of(
                        filter.parameterName(), filter.parameterName() + " is given twice; give each comparison once");
            }
        }
    }

    /** The same options over every item the caller sees (not only its latest selection). */
    public AssetQuery(
            int first,
            String after,
            String album,
            Long createdAfter,
            Long createdBefore,
            Set<MediaType> mediaTypes,
            List<SortKey> sortBy,
            int offset,
            List<FieldFilter> filters) {
        this(first, after, album, createdAfter, createdBefore, mediaTypes, sortBy, offset, filters, false);
    }

    /** The same options without field filters and with the defaults: the query as it was before filters. */
    public AssetQuery(
            int first,
            String after,
            String album,
            Long createdAfter,
            Long createdBefore,
            Set<MediaType> mediaTypes,
            List<SortKey> sortBy) {
        this(first, after, album, createdAfter, createdBefore, mediaTypes, sortBy, 0, List.of());
    }

    /**
     * The media types the query can return: {@link #mediaTypes} narrowed by its media-type filters
     * (empty when they leave none).
     */
    public Set<MediaType> effectiveMediaTypes() {
        EnumSet<MediaType> types = EnumSet.copyOf(mediaTypes);
        for (FieldFilter filter : filters) {
            if (filter instanceof FieldFilter.OnMediaType(var comparison, var values)) {
                types.retainAll(values);
            }
        }
        return types;
    }

    /** The defaults of expo-media-library: 20 photos, newest first. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.first = first;
        builder.after = after;
        builder.album = album;
        builder.createdAfter = createdAfter;
        builder.createdBefore = createdBefore;
        builder.mediaTypes = EnumSet.copyOf(mediaTypes);
        builder.sortBy = sortBy;
        builder.offset = offset;
        builder.filters = new ArrayList<>(filters);
        builder.mediaTypesGiven = true;
        builder.latestSelectionOnly = latestSelectionOnly;
        return builder;
    }

    public static final class Builder {
        private int first = DEFAULT_FIRST;
        private String after;
        private String album;
        private Long createdAfter;
        private Long createdBefore;
        private Set<MediaType> mediaTypes = EnumSet.of(MediaType.PHOTO);
        private List<SortKey> sortBy = List.of();
        private int offset;
        private List<FieldFilter> filters = new ArrayList<>();
        private boolean mediaTypesGiven;
        private boolean latestSelectionOnly;

        private Builder() {}

        /** Only the items of the most recent selection of a limited app (see {@link AssetQuery}). */
        public Builder latestSelectionOnly(boolean latestSelectionOnly) {
            this.latestSelectionOnly = latestSelectionOnly;
            return this;
        }

        public Builder first(int first) {
            this.first = first;
            return this;
        }

        public Builder after(String after) {
            this.after = after;
            return this;
        }

        public Builder album(String album) {
            this.album = album;
            return this;
        }

        public Builder createdAfter(Long createdAfter) {
            this.createdAfter = createdAfter;
            return this;
        }

        public Builder createdBefore(Long createdBefore) {
            this.createdBefore = createdBefore;
            return this;
        }

        public Builder mediaTypes(Set<MediaType> mediaTypes) {
            this.mediaTypes = mediaTypes;
            this.mediaTypesGiven = true;
            return this;
        }

        public Builder mediaTypes(MediaType first, MediaType... rest) {
            return mediaTypes(EnumSet.of(first, rest));
        }

        /** Skips this many assets of the ordered result (offset paging, beside the cursor's). */
        public Builder offset(int offset) {
            this.offset = offset;
            return this;
        }

        /**
         * Adds a condition on a field. A condition on the media type without {@link #mediaTypes}
         * starts from every media type rather than from the default photos: it alone decides.
         */
        public Builder filter(FieldFilter filter) {
            this.filters.add(filter);
            return this;
        }

        /** {@code field comparison values}, as {@link FieldFilter#number}. */
        public Builder where(AssetField field, Comparison comparison, double... values) {
            return filter(FieldFilter.number(field, comparison, values));
        }

        public Builder filters(List<FieldFilter> filters) {
            this.filters = new ArrayList<>(filters);
            return this;
        }

        public Builder sortBy(List<SortKey> sortBy) {
            this.sortBy = sortBy;
            return this;
        }

        public Builder sortBy(SortKey... sortBy) {
            this.sortBy = List.of(sortBy);
            return this;
        }

        public AssetQuery build() {
            Set<MediaType> types = mediaTypes;
            if (!mediaTypesGiven && filters.stream().anyMatch(FieldFilter.OnMediaType.class::isInstance)) {
                types = EnumSet.allOf(MediaType.class);
            }
            return new AssetQuery(
                    first,
                    after,
                    album,
                    createdAfter,
                    createdBefore,
                    types,
                    sortBy,
                    offset,
                    filters,
                    latestSelectionOnly);
        }
    }
}
