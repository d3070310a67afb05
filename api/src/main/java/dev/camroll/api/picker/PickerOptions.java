package dev.camroll.api.picker;

import dev.camroll.api.InvalidArgumentException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What an app asks a picker for, with the options and defaults of expo-image-picker's
 * {@code launchImageLibraryAsync} and {@code launchCameraAsync}. Checked on construction: a
 * value out of range is an {@link InvalidArgumentException} naming the option.
 *
 * @param mediaTypes what may be picked; never empty
 * @param allowsEditing whether the person may crop and rotate a photo, or trim a video; ignored
 *     with several selected, as on phones
 * @param aspect the ratio a crop keeps, or null: free
 * @param shape the crop frame's shape
 * @param quality the JPEG quality of a photo's result, 0 to 1, or null: unset (a photo nothing is
 *     done to comes back as it is); below 1 the result is re-encoded
 * @param exif whether the results carry their EXIF fields
 * @param base64 whether the results carry their bytes in Base64
 * @param videoExportPreset how a video is exported
 * @param videoQuality the quality of a video recorded with the camera
 * @param allowsMultipleSelection whether several items may be picked
 * @param selectionLimit the most items picked with several allowed, 1 to {@value #MAX_SELECTION},
 *     or 0: up to {@value #MAX_SELECTION}
 * @param orderedSelection whether the page numbers the items in the order they were chosen (the
 *     results always come in that order)
 * @param defaultTab the tab the page opens on
 * @param videoMaxDuration the longest video, in seconds, that may be picked or recorded (a longer
 *     one must be trimmed), or 0: no limit
 * @param representationMode whether HEIC and AVIF photos come back as JPEG
 * @param cameraType the camera a capture starts with
 */
public record PickerOptions(
        Set<PickerMediaType> mediaTypes,
        boolean allowsEditing,
        Aspect aspect,
        CropShape shape,
        Double quality,
        boolean exif,
        boolean base64,
        VideoExportPreset videoExportPreset,
        VideoQuality videoQuality,
        boolean allowsMultipleSelection,
        int selectionLimit,
        boolean orderedSelection,
        PickerTab defaultTab,
        double videoMaxDuration,
        AssetRepresentationMode representationMode,
        CameraType cameraType) {
    /** The most items one session returns (Google Photos' Picker API allows 2,000 too). */
    public static final int MAX_SELECTION = 2_000;

    /** The options' names, as expo spells them, for the errors that name one. */
    public static final String MEDIA_TYPES = "mediaTypes";

    public static final String ALLOWS_EDITING = "allowsEditing";
    public static final String ASPECT = "aspect";
    public static final String SHAPE = "shape";
    public static final String QUALITY = "quality";
    public static final String EXIF = "exif";
    public static final String BASE64 = "base64";
    public static final String VIDEO_EXPORT_PRESET = "videoExportPreset";
    public static final String VIDEO_QUALITY = "videoQuality";
    public static final String ALLOWS_MULTIPLE_SELECTION = "allowsMultipleSelection";
    public static final String SELECTION_LIMIT = "selectionLimit";
    public static final String ORDERED_SELECTION = "orderedSelection";
    public static final String DEFAULT_TAB = "defaultTab";
    public static final String VIDEO_MAX_DURATION = "videoMaxDuration";
    public static final String REPRESENTATION_MODE = "preferredAssetRepresentationMode";
    public static final String CAMERA_TYPE = "cameraType";
    /** expo's iOS presentation of the picker: accepted and checked, of no effect in a web page. */
    public static final String PRESENTATION_STYLE = "presentationStyle";

    /** The longest {@code videoMaxDuration}: a day. */
    private static final double LONGEST_VIDEO_SECONDS = 86_400;

    public PickerOptions {
        Objects.requireNonNull(mediaTypes, MEDIA_TYPES);
        if (mediaTypes.isEmpty()) {
            throw InvalidArgumentException.of(MEDIA_TYPES, "mediaTypes: must name at least one type");
        }
        mediaTypes = Set.copyOf(EnumSet.copyOf(mediaTypes));
        shape = shape == null ? CropShape.RECTANGLE : shape;
        if (quality != null && !(quality >= 0 && quality <= 1)) {
            throw InvalidArgumentException.of(QUALITY, "quality: " + quality + " is not between 0 and 1");
        }
        videoExportPreset = videoExportPreset == null ? VideoExportPreset.PASSTHROUGH : videoExportPreset;
        videoQuality = videoQuality == null ? VideoQuality.HIGH : videoQuality;
        if (selectionLimit < 0 || selectionLimit > MAX_SELECTION) {
            throw InvalidArgumentException.of(
                    SELECTION_LIMIT,
                    "selectionLimit: " + selectionLimit + " is not between 0 (no limit) and " + MAX_SELECTION);
        }
        defaultTab = defaultTab == null ? PickerTab.PHOTOS : defaultTab;
        if (!(videoMaxDuration >= 0 && videoMaxDuration <= LONGEST_VIDEO_SECONDS)) {
            throw InvalidArgumentException.of(
                    VIDEO_MAX_DURATION,
                    "videoMaxDuration: " + videoMaxDuration + " is not between 0 (no limit) and "
                            + (long) LONGEST_VIDEO_SECONDS + " seconds");
        }
        representationMode = representationMode == null ? AssetRepresentationMode.AUTOMATIC : representationMode;
        cameraType = cameraType == null ? CameraType.BACK : cameraType;
    }

    /** expo's defaults: one image, nothing edited, quality unset. */
    public static PickerOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How many items the person may pick: 1, the limit asked, or {@value #MAX_SELECTION}. */
    public int maxItems() {
        if (!allowsMultipleSelection) {
            return 1;
        }
        return selectionLimit == 0 ? MAX_SELECTION : selectionLimit;
    }

    /** Whether the page offers editing: asked, and only one item may be picked. */
    public boolean editing() {
        return allowsEditing && !allowsMultipleSelection;
    }

    /** A builder starting from expo's defaults. */
    public static final class Builder {
        private Set<PickerMediaType> mediaTypes = EnumSet.of(PickerMediaType.IMAGES);
        private boolean allowsEditing;
        private Aspect aspect;
        private CropShape shape = CropShape.RECTANGLE;
        private Double quality;
        private boolean exif;
        private boolean base64;
        private VideoExportPreset videoExportPreset = VideoExportPreset.PASSTHROUGH;
        private VideoQuality videoQuality = VideoQuality.HIGH;
        private boolean allowsMultipleSelection;
        private int selectionLimit;
        private boolean orderedSelection;
        private PickerTab defaultTab = PickerTab.PHOTOS;
        private double videoMaxDuration;
        private AssetRepresentationMode representationMode = AssetRepresentationMode.AUTOMATIC;
        private CameraType cameraType = CameraType.BACK;

        private Builder() {}

        public Builder mediaTypes(Set<PickerMediaType> value) {
            mediaTypes = value;
            return this;
        }

        public Builder allowsEditing(boolean value) {
            allowsEditing = value;
            return this;
        }

        public Builder aspect(Aspect value) {
            aspect = value;
            return this;
        }

        public Builder shape(CropShape value) {
            shape = value;
            return this;
        }

        public Builder quality(Double value) {
            quality = value;
            return this;
        }

        public Builder exif(boolean value) {
            exif = value;
            return this;
        }

        public Builder base64(boolean value) {
            base64 = value;
            return this;
        }

        public Builder videoExportPreset(VideoExportPreset value) {
            videoExportPreset = value;
            return this;
        }

        public Builder videoQuality(VideoQuality value) {
            videoQuality = value;
            return this;
        }

        public Builder allowsMultipleSelection(boolean value) {
            allowsMultipleSelection = value;
            return this;
        }

        public Builder selectionLimit(int value) {
            selectionLimit = value;
            return this;
        }

        public Builder orderedSelection(boolean value) {
            orderedSelection = value;
            return this;
        }

        public Builder defaultTab(PickerTab value) {
            defaultTab = value;
            return this;
        }

        public Builder videoMaxDuration(double value) {
            videoMaxDuration = value;
            return this;
        }

        public Builder representationMode(AssetRepresentationMode value) {
            representationMode = value;
            return this;
        }

        public Builder cameraType(CameraType value) {
            cameraType = value;
            return this;
        }

        public PickerOptions build() {
            return new PickerOptions(
                    mediaTypes,
                    allowsEditing,
                    aspect,
                    shape,
                    quality,
                    exif,
                    base64,
                    videoExportPreset,
                    videoQuality,
                    allowsMultipleSelection,
                    selectionLimit,
                    orderedSelection,
                    defaultTab,
                    videoMaxDuration,
                    representationMode,
                    cameraType);
        }
    }
}
