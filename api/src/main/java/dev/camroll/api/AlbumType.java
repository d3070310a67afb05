package dev.camroll.api;

import java.util.Locale;

/** What an album is: a folder of the library, or a virtual collection. */
public enum AlbumType {
    /** A folder under the library root that holds assets. */
    ALBUM,
    /** A virtual album defined by a rule (Favorites, Videos, ...). */
    SMART,
    /** Photos and videos taken close in time and place (see {@code MediaLibrary.getMoments}). */
    MOMENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
