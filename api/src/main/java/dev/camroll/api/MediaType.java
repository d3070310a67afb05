package dev.camroll.api;

import java.util.Locale;

/** The kind of an asset, named as in expo-media-library. */
public enum MediaType {
    PHOTO,
    VIDEO,
    AUDIO;

    /** The lower-case name used in JSON and on the command line ("photo", "video", "audio"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, case-insensitively. */
    public static MediaType fromWireName(String name) {
        for (MediaType type : values()) {
            if (type.wireName().equalsIgnoreCase(name.strip())) {
                return type;
            }
        }
        throw InvalidArgumentException.of(
                "mediaType", "unknown media type '" + name + "' (expected photo, video or audio)");
    }
}
