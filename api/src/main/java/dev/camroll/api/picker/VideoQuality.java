package dev.camroll.api.picker;

import dev.camroll.api.InvalidArgumentException;

/**
 * The quality of a video recorded with the camera, with the numbers of expo's
 * {@code UIImagePickerControllerQualityType}; the fixed sizes are the largest frame recorded.
 */
public enum VideoQuality {
    HIGH(0, 0, 0),
    MEDIUM(1, 1280, 720),
    LOW(2, 640, 480),
    VGA_640X480(3, 640, 480),
    IFRAME_1280X720(4, 1280, 720),
    IFRAME_960X540(5, 960, 540);

    private final int number;
    private final int maxWidth;
    private final int maxHeight;

    VideoQuality(int number, int maxWidth, int maxHeight) {
        this.number = number;
        this.maxWidth = maxWidth;
        this.maxHeight = maxHeight;
    }

    public int number() {
        return number;
    }

    /** The widest frame recorded, or 0: the camera's best. */
    public int maxWidth() {
        return maxWidth;
    }

    public int maxHeight() {
        return maxHeight;
    }

    public static VideoQuality ofNumber(long number) {
        for (VideoQuality quality : values()) {
            if (quality.number == number) {
                return quality;
            }
        }
        throw InvalidArgumentException.of(
                PickerOptions.VIDEO_QUALITY,
                "videoQuality: " + number
                        + " is no quality (expected 0 to 5, as expo's UIImagePickerControllerQualityType)");
    }
}
