package dev.camroll.core.picker;

import dev.camroll.api.picker.Aspect;
import dev.camroll.api.picker.AssetRepresentationMode;
import dev.camroll.api.picker.CameraType;
import dev.camroll.api.picker.CropShape;
import dev.camroll.api.picker.PickerMediaType;
import dev.camroll.api.picker.PickerOptions;
import dev.camroll.api.picker.PickerTab;
import dev.camroll.api.picker.VideoExportPreset;
import dev.camroll.api.picker.VideoQuality;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The options of a session as the index keeps them: one {@code name=value} a line, with expo's
 * names and values. Core has no JSON library, and this form reads back through the options'
 * own checks.
 */
final class OptionsText {
    private OptionsText() {}

    static String write(PickerOptions options) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put(
                PickerOptions.MEDIA_TYPES,
                options.mediaTypes().stream()
                        .sorted()
                        .map(PickerMediaType::wireName)
                        .collect(Collectors.joining(",")));
        lines.put(PickerOptions.ALLOWS_EDITING, Boolean.toString(options.allowsEditing()));
        if (options.aspect() != null) {
            lines.put(
                    PickerOptions.ASPECT,
                    options.aspect().x() + "," + options.aspect().y());
        }
        lines.put(PickerOptions.SHAPE, options.shape().wireName());
        if (options.quality() != null) {
            lines.put(PickerOptions.QUALITY, options.quality().toString());
        }
        lines.put(PickerOptions.EXIF, Boolean.toString(options.exif()));
        lines.put(PickerOptions.BASE64, Boolean.toString(options.base64()));
        lines.put(PickerOptions.VIDEO_EXPORT_PRESET, options.videoExportPreset().expoName());
        lines.put(
                PickerOptions.VIDEO_QUALITY,
                Integer.toString(options.videoQuality().number()));
        lines.put(PickerOptions.ALLOWS_MULTIPLE_SELECTION, Boolean.toString(options.allowsMultipleSelection()));
        lines.put(PickerOptions.SELECTION_LIMIT, Integer.toString(options.selectionLimit()));
        lines.put(PickerOptions.ORDERED_SELECTION, Boolean.toString(options.orderedSelection()));
        lines.put(PickerOptions.DEFAULT_TAB, options.defaultTab().wireName());
        lines.put(PickerOptions.VIDEO_MAX_DURATION, Double.toString(options.videoMaxDuration()));
        lines.put(
                PickerOptions.REPRESENTATION_MODE, options.representationMode().wireName());
        lines.put(PickerOptions.CAMERA_TYPE, options.cameraType().wireName());
        StringBuilder text = new StringBuilder();
        lines.forEach(
                (name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.toString();
    }

    static PickerOptions read(String text) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                lines.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        PickerOptions.Builder builder = PickerOptions.builder();
        Set<PickerMediaType> types = EnumSet.noneOf(PickerMediaType.class);
        for (String type :
                lines.getOrDefault(PickerOptions.MEDIA_TYPES, "images").split(",")) {
            types.addAll(PickerMediaType.parse(type));
        }
        builder.mediaTypes(types);
        builder.allowsEditing(flag(lines, PickerOptions.ALLOWS_EDITING));
        String aspect = lines.get(PickerOptions.ASPECT);
        if (aspect != null) {
            String[] parts = aspect.split(",");
            builder.aspect(new Aspect(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
        }
        builder.shape(CropShape.parse(lines.getOrDefault(PickerOptions.SHAPE, "rectangle")));
        String quality = lines.get(PickerOptions.QUALITY);
        builder.quality(quality == null ? null : Double.valueOf(quality));
        builder.exif(flag(lines, PickerOptions.EXIF));
        builder.base64(flag(lines, PickerOptions.BASE64));
        builder.videoExportPreset(
                VideoExportPreset.parse(lines.getOrDefault(PickerOptions.VIDEO_EXPORT_PRESET, "Passthrough")));
        builder.videoQuality(
                VideoQuality.ofNumber(Long.parseLong(lines.getOrDefault(PickerOptions.VIDEO_QUALITY, "0"))));
        builder.allowsMultipleSelection(flag(lines, PickerOptions.ALLOWS_MULTIPLE_SELECTION));
        builder.selectionLimit(Integer.parseInt(lines.getOrDefault(PickerOptions.SELECTION_LIMIT, "0")));
        builder.orderedSelection(flag(lines, PickerOptions.ORDERED_SELECTION));
        builder.defaultTab(PickerTab.parse(lines.getOrDefault(PickerOptions.DEFAULT_TAB, "photos")));
        builder.videoMaxDuration(Double.parseDouble(lines.getOrDefault(PickerOptions.VIDEO_MAX_DURATION, "0")));
        builder.representationMode(
                AssetRepresentationMode.parse(lines.getOrDefault(PickerOptions.REPRESENTATION_MODE, "automatic")));
        builder.cameraType(CameraType.parse(lines.getOrDefault(PickerOptions.CAMERA_TYPE, "back")));
        return builder.build();
    }

    private static boolean flag(Map<String, String> lines, String name) {
        return Boolean.parseBoolean(lines.get(name));
    }
}
