package dev.camroll.api.picker;

import dev.camroll.api.InvalidArgumentException;

/** The shape of the crop frame (expo's {@code shape}); an oval crop keeps the rectangle's pixels. */
public enum CropShape {
    RECTANGLE("rectangle"),
    OVAL("oval");

    private final String wireName;

    CropShape(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static CropShape parse(String name) {
        for (CropShape shape : values()) {
            if (shape.wireName.equals(name)) {
                return shape;
            }
        }
        throw InvalidArgumentException.of(
                PickerOptions.SHAPE, "shape: unknown shape '" + name + "' (expected rectangle or oval)");
    }
}
