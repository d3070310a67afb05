package dev.camroll.core.picker;

import dev.camroll.api.InvalidArgumentException;

/**
 * What the person did to a single picked photo: turned it by a multiple of 90 degrees clockwise,
 * then cropped it. The crop is in the pixels of the turned picture, as a crop frame drawn over the
 * turned picture gives it.
 *
 * @param rotation 0, 90, 180 or 270 degrees clockwise
 * @param crop the part kept, or null: all of it
 */
public record PhotoEdit(int rotation, CropRect crop) {
    public static final String ROTATION = "rotation";

    public PhotoEdit {
        if (rotation != 0 && rotation != 90 && rotation != 180 && rotation != 270) {
            throw InvalidArgumentException.of(ROTATION, "rotation: " + rotation + " is not 0, 90, 180 or 270 degrees");
        }
    }

    public static PhotoEdit crop(CropRect crop) {
        return new PhotoEdit(0, crop);
    }

    public static PhotoEdit rotate(int rotation) {
        return new PhotoEdit(rotation, null);
    }
}
