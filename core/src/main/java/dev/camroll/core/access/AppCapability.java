package dev.camroll.core.access;

import java.util.Locale;

/** What an app may be allowed beside reading and writing the library. */
public enum AppCapability {
    /** Taking pictures into the library (the camera of the picker issue). */
    CAMERA,
    /** Opening the picker, which hands the app only what the person picks. */
    PICKER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
