package dev.camroll.api;

import java.util.Locale;

/** Finer kinds of an asset, as in expo-media-library's mediaSubtypes. */
public enum MediaSubtype {
    /** A screen capture, recognised by its name ("Screenshot…", "Screen Shot…") or folder. */
    SCREENSHOT,
    /** A photo at least twice as wide (or tall) as the other side and at least 3000 px long. */
    PANORAMA,
    /** A photo or video that declares HDR content. */
    HDR,
    /** A camera raw file (DNG, CR2, CR3, NEF, ARW, ORF, RW2), by its format as the content says. */
    RAW;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
