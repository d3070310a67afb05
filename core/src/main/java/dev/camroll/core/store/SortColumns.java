package dev.camroll.core.store;

import dev.camroll.api.SortField;
import dev.camroll.api.SortKey;
import java.util.List;
import java.util.Optional;

/** Which column a sort key reads, and how its value is carried in a position. */
public final class SortColumns {
    private SortColumns() {}

    static String column(SortField field) {
        return switch (field) {
            case DEFAULT, CREATION_TIME -> "creation_time";
            case MEDIA_TYPE -> "media_type";
            case WIDTH -> "width";
            case HEIGHT -> "height";
            case MODIFICATION_TIME -> "modification_time";
            case DURATION -> "duration";
        };
    }

    /**
     * The direction of the row id, the final tie-breaker: that of the last key other than the
     * media type. Each range of a listing holds one media type, so this makes a single sort key
     * plus the media type one direction throughout, which one index serves.
     */
    public static boolean idAscending(List<SortKey> sortBy) {
        for (SortKey key : sortBy.reversed()) {
            if (key.field() != SortField.MEDIA_TYPE) {
                return key.ascending();
            }
        }
        return sortBy.getLast().ascending();
    }

    /**
     * The index a listing's ranges read, named so that SQLite reads the one whose key is the
     * order (its statistics can prefer an index that narrows by a time bound or by an equal
     * value, and then sort a whole range). Empty where the choice is the planner's: favorites and
     * subtypes (the favorites have a partial index), and a created-after/before range in an order
     * not led by creation time, where narrowing by the range and sorting it can be the better plan.
     */
    static Optional<String> index(ListingSpec spec) {
        boolean inFolder = spec.filter() instanceof AssetFilter.InFolder;
        if (!inFolder && !(spec.filter() instanceof AssetFilter.All)) {
            return Optional.empty();
        }
        String column = spec.sortBy().stream()
                .map(key -> column(key.field()))
                .filter(name -> !name.equals("media_type"))
                .findFirst()
                .orElse("media_type");
        boolean timeBounds = spec.createdAfter() != null || spec.createdBefore() != null;
        if (timeBounds && !column.equals("creation_time")) {
            return Optional.empty();
        }
        String suffix =
                switch (column) {
                    case "creation_time" -> "creation";
                    case "modification_time" -> "modification";
                    default -> column;
                };
        return Optional.of((inFolder ? "assets_by_album_" : "assets_by_") + suffix);
    }

    /** The value of a row for a sort key, as it goes into a {@link SortPosition}. */
    public static Object valueOf(AssetRow row, SortField field) {
        return switch (field) {
            case DEFAULT, CREATION_TIME -> row.creationTime();
            case MEDIA_TYPE -> MediaTypeCode.of(row.mediaType());
            case WIDTH -> row.width();
            case HEIGHT -> row.height();
            case MODIFICATION_TIME -> row.modificationTime();
            case DURATION -> row.duration();
        };
    }

    /** The Java type of a sort key's values. */
    public static Class<?> valueType(SortField field) {
        return switch (field) {
            case DEFAULT, CREATION_TIME, MODIFICATION_TIME -> Long.class;
            case MEDIA_TYPE, WIDTH, HEIGHT -> Integer.class;
            case DURATION -> Double.class;
        };
    }
}
