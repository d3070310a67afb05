package dev.camroll.api;

/**
 * The fields of an asset a query can compare, as expo-media-library's {@code AssetField} of its
 * {@code next} entry point: times in epoch milliseconds, sizes in pixels, the duration in seconds.
 */
public enum AssetField {
    CREATION_TIME("creationTime"),
    MODIFICATION_TIME("modificationTime"),
    WIDTH("width"),
    HEIGHT("height"),
    DURATION("duration"),
    MEDIA_TYPE("mediaType");

    private final String wireName;

    AssetField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The field of a wire name ({@code width}); an unknown one is refused naming {@code parameter}. */
    public static AssetField fromWireName(String name, String parameter) {
        for (AssetField field : values()) {
            if (field.wireName.equals(name)) {
                return field;
            }
        }
        throw InvalidArgumentException.of(
                parameter,
                "unknown field '" + name + "' in '" + parameter
                        + "' (expected creationTime, modificationTime, width, height, duration or mediaType)");
    }
}
