package dev.camroll.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.picker.Aspect;
import dev.camroll.api.picker.AssetRepresentationMode;
import dev.camroll.api.picker.CameraType;
import dev.camroll.api.picker.PickerMediaType;
import dev.camroll.api.picker.PickerOptions;
import dev.camroll.api.picker.PickerTab;
import dev.camroll.api.picker.VideoExportPreset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The picker's options as apps send them: expo's names and values, and each wrong one named. */
class PickerOptionsJsonTest {
    @Test
    void nothingGivenIsExposDefaults() {
        for (String none : new String[] {null, "", "{}", "null"}) {
            PickerOptions options = PickerOptionsJson.read(none);
            assertThat(options.mediaTypes()).containsExactly(PickerMediaType.IMAGES);
            assertThat(options.maxItems()).isEqualTo(1);
            assertThat(options.quality()).isNull();
            assertThat(options.videoExportPreset()).isEqualTo(VideoExportPreset.PASSTHROUGH);
            assertThat(options.representationMode()).isEqualTo(AssetRepresentationMode.AUTOMATIC);
            assertThat(options.editing()).isFalse();
        }
    }

    @Test
    void everyOptionOfLaunchImageLibraryAsyncIsRead() {
        PickerOptions options = PickerOptionsJson.read("""
                {"mediaTypes": ["images", "videos"], "allowsEditing": false, "aspect": [4, 3], "quality": 0.5,
                 "exif": true, "base64": true, "allowsMultipleSelection": true, "selectionLimit": 3,
                 "orderedSelection": true, "videoMaxDuration": 30, "videoExportPreset": 4, "videoQuality": 3,
                 "preferredAssetRepresentationMode": "compatible", "defaultTab": "albums",
                 "cameraType": "front", "presentationStyle": "pageSheet", "shape": "oval"}
                """);
        assertThat(options.mediaTypes()).containsExactlyInAnyOrder(PickerMediaType.IMAGES, PickerMediaType.VIDEOS);
        assertThat(options.aspect()).isEqualTo(new Aspect(4, 3));
        assertThat(options.quality()).isEqualTo(0.5);
        assertThat(options.exif()).isTrue();
        assertThat(options.base64()).isTrue();
        assertThat(options.maxItems()).isEqualTo(3);
        assertThat(options.orderedSelection()).isTrue();
        assertThat(options.videoMaxDuration()).isEqualTo(30);
        assertThat(options.videoExportPreset()).isEqualTo(VideoExportPreset.H264_640X480);
        assertThat(options.videoExportPreset().maxWidth()).isEqualTo(640);
        assertThat(options.representationMode()).isEqualTo(AssetRepresentationMode.COMPATIBLE);
        assertThat(options.defaultTab()).isEqualTo(PickerTab.ALBUMS);
        assertThat(options.cameraType()).isEqualTo(CameraType.FRONT);
        assertThat(PickerOptionsJson.read(PickerOptionsJson.write(options))).isEqualTo(options);
    }

    @Test
    void theDeprecatedMediaTypeOptionsAndPresetNamesAreRead() {
        assertThat(PickerOptionsJson.read("{\"mediaTypes\": \"All\"}").mediaTypes())
                .containsExactlyInAnyOrder(PickerMediaType.IMAGES, PickerMediaType.VIDEOS);
        assertThat(PickerOptionsJson.read("{\"mediaTypes\": \"livePhotos\"}").mediaTypes())
                .isEqualTo(Set.of(PickerMediaType.LIVE_PHOTOS));
        assertThat(PickerOptionsJson.read("{\"videoExportPreset\": \"HEVC_1920x1080\"}")
                        .videoExportPreset())
                .isEqualTo(VideoExportPreset.HEVC_1920X1080);
    }

    @Test
    void editingIsOfferedForOneItemOnly() {
        assertThat(PickerOptionsJson.read("{\"allowsEditing\": true}").editing())
                .isTrue();
        assertThat(PickerOptionsJson.read("{\"allowsEditing\": true, \"allowsMultipleSelection\": true}")
                        .editing())
                .isFalse();
        assertThat(PickerOptionsJson.read("{\"allowsMultipleSelection\": true}").maxItems())
                .isEqualTo(PickerOptions.MAX_SELECTION);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"selectionLimt\": 3}|selectionLimt",
                "{\"quality\": 1.5}|quality",
                "{\"quality\": \"high\"}|quality",
                "{\"selectionLimit\": -1}|selectionLimit",
                "{\"selectionLimit\": 2001}|selectionLimit",
                "{\"selectionLimit\": 2.5}|selectionLimit",
                "{\"aspect\": [4]}|aspect",
                "{\"aspect\": [0, 3]}|aspect",
                "{\"aspect\": \"4:3\"}|aspect",
                "{\"mediaTypes\": \"pictures\"}|mediaTypes",
                "{\"mediaTypes\": []}|mediaTypes",
                "{\"videoExportPreset\": 11}|videoExportPreset",
                "{\"videoExportPreset\": \"H264_999x1\"}|videoExportPreset",
                "{\"videoQuality\": 9}|videoQuality",
                "{\"allowsEditing\": \"yes\"}|allowsEditing",
                "{\"videoMaxDuration\": -5}|videoMaxDuration",
                "{\"preferredAssetRepresentationMode\": \"heic\"}|preferredAssetRepresentationMode",
                "{\"defaultTab\": \"camera\"}|defaultTab",
                "{\"cameraType\": \"side\"}|cameraType",
                "{\"presentationStyle\": \"sideways\"}|presentationStyle",
            })
    void aWrongOptionIsRefusedByName(String json, String option) {
        assertThatThrownBy(() -> PickerOptionsJson.read(json))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.parameter())
                        .isEqualTo(option))
                .hasMessageContaining(option);
    }

    @Test
    void whatIsNoObjectIsRefused() {
        assertThatThrownBy(() -> PickerOptionsJson.read("[1]")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> PickerOptionsJson.read("{\"quality\": ")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> PickerOptionsJson.read("{} {}")).isInstanceOf(InvalidArgumentException.class);
    }
}
