package dev.camroll.api;

/** What assets can be sorted by, as in expo-media-library's SortBy. */
public enum SortField {
    /** The library's natural order: creation time, newest first unless asked otherwise. */
    DEFAULT("default"),
    MEDIA_TYPE("mediaType"),
    WIDTH("width"),
    HEIGHT("height"),
    CREATION_TIME("creationTime"),
    MODIFICATION_TIME("modificationTime"),
    DURATION("duration");

    private final String wireName;

    SortField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static SortField fromWireName(String name) {
        for (SortField field : values()) {
            if (field.wireName.equalsIgnoreCase(name.strip())) {
                return field;
            }
        }
        throw InvalidArgumentException.of(
                "sortBy",
                "unknown sort key '" + name
                        + "' (expected default, mediaType, width, height, creationTime, modificationTime or duration)");
    }
}
