package dev.camroll.core.picker;

import java.util.List;
import java.util.Objects;

/**
 * What the person chose in the picker: library assets (the owner's ids) in the order chosen,
 * and, for a single photo of a session that allows editing, its edit.
 *
 * @param edit the photo's edit, or null: none
 */
public record PickerChoice(List<String> assetIds, PhotoEdit edit) {
    public PickerChoice {
        assetIds = List.copyOf(Objects.requireNonNull(assetIds, "assetIds"));
    }

    public static PickerChoice of(String... assetIds) {
        return new PickerChoice(List.of(assetIds), null);
    }

    public static PickerChoice edited(String assetId, PhotoEdit edit) {
        return new PickerChoice(List.of(assetId), Objects.requireNonNull(edit, "edit"));
    }
}
