package dev.camroll.api.picker;

import java.util.List;

/**
 * What a picker gives back, as expo-image-picker's {@code ImagePickerResult}: the results in the
 * order the person chose them, or {@code canceled} with {@code assets} null.
 */
public record PickerResult(boolean canceled, List<PickedAsset> assets) {
    public PickerResult {
        if (canceled && assets != null) {
            throw new IllegalArgumentException("a canceled result has no assets");
        }
        if (!canceled && (assets == null || assets.isEmpty())) {
            throw new IllegalArgumentException("a result that is not canceled has assets");
        }
        assets = assets == null ? null : List.copyOf(assets);
    }

    public static PickerResult canceledResult() {
        return new PickerResult(true, null);
    }

    public static PickerResult of(List<PickedAsset> assets) {
        return new PickerResult(false, assets);
    }
}
