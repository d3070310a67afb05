package dev.camroll.api.picker;

import dev.camroll.api.InvalidArgumentException;

/**
 * How a picked video is exported, with expo-image-picker's names and numbers. The fixed sizes
 * are the largest frame the result may have (the picture is scaled down to fit, its aspect kept,
 * never up); the quality presets keep the size and choose the encoder's quality.
 */
public enum VideoExportPreset {
    PASSTHROUGH(0, "Passthrough", Codec.NONE, 0, 0),
    LOW_QUALITY(1, "LowQuality", Codec.H264, 0, 0),
    MEDIUM_QUALITY(2, "MediumQuality", Codec.H264, 0, 0),
    HIGHEST_QUALITY(3, "HighestQuality", Codec.H264, 0, 0),
    H264_640X480(4, "H264_640x480", Codec.H264, 640, 480),
    H264_960X540(5, "H264_960x540", Codec.H264, 960, 540),
    H264_1280X720(6, "H264_1280x720", Codec.H264, 1280, 720),
    H264_1920X1080(7, "H264_1920x1080", Codec.H264, 1920, 1080),
    H264_3840X2160(8, "H264_3840x2160", Codec.H264, 3840, 2160),
    HEVC_1920X1080(9, "HEVC_1920x1080", Codec.HEVC, 1920, 1080),
    HEVC_3840X2160(10, "HEVC_3840x2160", Codec.HEVC, 3840, 2160);

    /** The video encoding of a preset; {@link #NONE}: the streams are copied as they are. */
    public enum Codec {
        NONE,
        H264,
        HEVC
    }

    private final int number;
    private final String expoName;
    private final Codec codec;
    private final int maxWidth;
    private final int maxHeight;

    VideoExportPreset(int number, String expoName, Codec codec, int maxWidth, int maxHeight) {
        this.number = number;
        this.expoName = expoName;
        this.codec = codec;
        this.maxWidth = maxWidth;
        this.maxHeight = maxHeight;
    }

    /** expo's number of the preset ({@code VideoExportPreset.H264_640x480} is 4). */
    public int number() {
        return number;
    }

    /** expo's name of the preset ({@code H264_640x480}). */
    public String expoName() {
        return expoName;
    }

    public Codec codec() {
        return codec;
    }

    /** The widest frame of the result (landscape; a portrait video fits it turned), or 0: as the source. */
    public int maxWidth() {
        return maxWidth;
    }

    public int maxHeight() {
        return maxHeight;
    }

    /** The preset of expo's number. */
    public static VideoExportPreset ofNumber(long number) {
        for (VideoExportPreset preset : values()) {
            if (preset.number == number) {
                return preset;
            }
        }
        throw InvalidArgumentException.of(
                PickerOptions.VIDEO_EXPORT_PRESET,
                "videoExportPreset: " + number + " is no preset (expected 0 to 10, as expo's VideoExportPreset)");
    }

    /** The preset of expo's name ({@code H264_640x480}) or number. */
    public static VideoExportPreset parse(String text) {
        for (VideoExportPreset preset : values()) {
            if (preset.expoName.equals(text)) {
                return preset;
            }
        }
        try {
            return ofNumber(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw InvalidArgumentException.of(
                    PickerOptions.VIDEO_EXPORT_PRESET,
                    "videoExportPreset: unknown preset '" + text + "' (expected one of expo's VideoExportPreset)");
        }
    }
}
