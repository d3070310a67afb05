package dev.camroll.api;

import java.util.EnumSet;
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
 */
public record AssetQuery(
        int first,
        String after,
        String album,
        Long createdAfter,
        Long createdBefore,
        Set<MediaType> mediaTypes,
        List<SortKey> sortBy) {

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

        private Builder() {}

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
            return this;
        }

        public Builder mediaTypes(MediaType first, MediaType... rest) {
            this.mediaTypes = EnumSet.of(first, rest);
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
            return new AssetQuery(first, after, album, createdAfter, createdBefore, mediaTypes, sortBy);
        }
    }
}
