package dev.camroll.api.picker;

import dev.camroll.api.InvalidArgumentException;

/**
 * Which form of a picked photo the app gets (expo's {@code preferredAssetRepresentationMode}):
 * {@link #COMPATIBLE} and {@link #AUTOMATIC} turn HEIC, HEIF and AVIF into JPEG, {@link #CURRENT}
 * keeps the file's own format when nothing is edited.
 */
public enum AssetRepresentationMode {
    AUTOMATIC("automatic"),
    COMPATIBLE("compatible"),
    CURRENT("current");

    private final String wireName;

    AssetRepresentationMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static AssetRepresentationMode parse(String name) {
        for (AssetRepresentationMode mode : values()) {
            if (mode.wireName.equals(name)) {
                return mode;
            }
        }
        throw InvalidArgumentException.of(
                PickerOptions.REPRESENTATION_MODE,
                "preferredAssetRepresentationMode: unknown mode '" + name
                        + "' (expected automatic, compatible or current)");
    }
}
