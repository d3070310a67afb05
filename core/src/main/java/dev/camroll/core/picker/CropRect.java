package dev.camroll.core.picker;

import dev.camroll.api.InvalidArgumentException;

/** A crop in pixels of the picture as shown (orientation applied, then the edit's rotation). */
public record CropRect(int x, int y, int width, int height) {
    public static final String PARAMETER = "crop";

    public CropRect {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw InvalidArgumentException.of(
                    PARAMETER,
                    "crop: " + width + " x " + height + " at " + x + ", " + y
                            + " must have a positive size and start inside the picture");
        }
    }

    /** Whether the crop keeps the ratio {@code ratio} (width over height) within a pixel. */
    public boolean keeps(double ratio) {
        return Math.abs(width - height * ratio) <= 1.0 || Math.abs(height - width / ratio) <= 1.0;
    }
}
