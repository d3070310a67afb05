package dev.camroll.api;

import java.util.Locale;

/** A media type an app may ask for on its own, as expo's {@code GranularPermission} names it. */
public enum GranularPermission {
    PHOTO(MediaType.PHOTO),
    VIDEO(MediaType.VIDEO),
    AUDIO(MediaType.AUDIO);

    private final MediaType mediaType;

    GranularPermission(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    /** The media type this permission opens. */
    public MediaType mediaType() {
        return mediaType;
    }

    /** The lower-case name used in JSON ("photo", "video", "audio"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name. */
    public static GranularPermission fromWireName(String name) {
        for (GranularPermission permission : values()) {
            if (permission.wireName().equals(name)) {
                return permission;
            }
        }
        throw InvalidArgumentException.of(
                "granularPermissions", "unknown granular permission '" + name + "' (expected photo, video or audio)");
    }
}
