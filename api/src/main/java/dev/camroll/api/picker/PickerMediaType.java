package dev.camroll.api.picker;

import dev.camroll.api.InvalidArgumentException;
import java.util.EnumSet;
import java.util.Set;

/** What a picker offers, with expo-image-picker's names ({@code MediaType}). */
public enum PickerMediaType {
    IMAGES("images"),
    VIDEOS("videos"),
    /** Live Photos: the photo as it is and its paired video, never edited. */
    LIVE_PHOTOS("livePhotos");

    private final String wireName;

    PickerMediaType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * One of expo's names: {@code images}, {@code videos}, {@code livePhotos}, or the deprecated
     * {@code MediaTypeOptions} values {@code Images}, {@code Videos} and {@code All}.
     */
    public static Set<PickerMediaType> parse(String name) {
        for (PickerMediaType type : values()) {
            if (type.wireName.equals(name)) {
                return EnumSet.of(type);
            }
        }
        return switch (name) {
            case "Images" -> EnumSet.of(IMAGES);
            case "Videos" -> EnumSet.of(VIDEOS);
            case "All" -> EnumSet.of(IMAGES, VIDEOS);
            default ->
                throw InvalidArgumentException.of(
                        PickerOptions.MEDIA_TYPES,
                        "mediaTypes: unknown media type '" + name
                                + "' (expected images, videos or livePhotos; Images, Videos or All)");
        };
    }
}
