package dev.camroll.core.store;

import dev.camroll.api.SortField;

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
