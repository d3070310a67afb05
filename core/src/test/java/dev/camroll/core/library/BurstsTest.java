package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaSubtype;
import dev.camroll.core.metadata.PhoneMarkers;
import dev.camroll.core.metadata.PhoneMarkers.Entry;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shots of a burst, as an iPhone writes them (Apple's MakerNote BurstUUID, 0x000B, the same in
 * every shot): the index keeps the identifier, asset info gives it, the trash keeps it, and the
 * Bursts smart album lists every shot.
 */
class BurstsTest {

    private static final LibraryOptions NO_WATCH =
            LibraryOptions.defaults().withWatch(false).withScanOnOpen(false);
    private static final String FIRST_BURST = "2B1F57C4-5A41-4D1A-9E2C-7B1C0D8E6F11";
    private static final String SECOND_BURST = "9D6C3B0A-1E2F-4A5B-8C7D-6E5F4A3B2C1D";

    @TempDir
    Path root;

    @Test
    void aShotNamesItsBurstInItsInfoAndKeepsItThroughTheTrash() throws Exception {
        Files.createDirectories(root.resolve("DCIM"));
        shot("IMG_0001.JPG", FIRST_BURST);
        shot("IMG_0002.JPG", FIRST_BURST);
        shot("IMG_0003.JPG", SECOND_BURST);
        TestMedia.jpeg(root.resolve("DCIM/plain.jpg"), 40, 30);

        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
            Map<String, Asset> assets = library
                    .getAssets(AssetQuery.builder().first(10).build())
                    .assets()
                    .stream()
                    .collect(Collectors.toMap(Asset::filename, asset -> asset));

            assertThat(library.getAssetInfo(assets.get("IMG_0001.JPG").id()).burstId())
                    .isEqualTo(FIRST_BURST);
            assertThat(library.getAssetInfo(assets.get("IMG_0002.JPG").id()).burstId())
                    .isEqualTo(FIRST_BURST);
            assertThat(library.getAssetInfo(assets.get("IMG_0003.JPG").id()).burstId())
                    .isEqualTo(SECOND_BURST);
            assertThat(library.getAssetInfo(assets.get("plain.jpg").id()).burstId())
                    .isNull();
            assertThat(assets.get("IMG_0001.JPG").mediaSubtypes()).containsExactly(MediaSubtype.BURST);
            assertThat(library.getAssets(
                                    AssetQuery.builder().album("smart-bursts").build())
                            .assets())
                    .extracting(Asset::filename)
                    .as("every shot of every burst")
                    .containsExactlyInAnyOrder("IMG_0001.JPG", "IMG_0002.JPG", "IMG_0003.JPG");

            String id = assets.get("IMG_0002.JPG").id();
            library.deleteAssets(List.of(id));
            library.restoreAssets(List.of(id));
            assertThat(library.getAssetInfo(id).burstId()).as("after the trash").isEqualTo(FIRST_BURST);
        }
    }

    private void shot(String name, String burst) throws Exception {
        byte[] makerNote = PhoneMarkers.appleMakerNote(List.of(Entry.ascii(0x000B, burst)));
        Files.write(
                root.resolve("DCIM").resolve(name),
                PhoneMarkers.jpegWith(PhoneMarkers.exifSegment(List.of(Entry.undefined(0x927C, makerNote)))));
    }
}
