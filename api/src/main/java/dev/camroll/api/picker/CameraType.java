package dev.camroll.api.picker;

import dev.camroll.api.InvalidArgumentException;

/** The camera a capture starts with (expo's {@code cameraType}). */
public enum CameraType {
    BACK("back"),
    FRONT("front");

    private final String wireName;

    CameraType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static CameraType parse(String name) {
        for (CameraType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw InvalidArgumentException.of(
                PickerOptions.CAMERA_TYPE, "cameraType: unknown camera '" + name + "' (expected back or front)");
    }
}
