package dev.camroll.core.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import dev.camroll.api.ScanReport;
import dev.camroll.core.metadata.FfmpegLibraries;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows read without a reader, or by an older one, are read again by the next scan once the reader
 * is there, though their files did not change; ids and favorites stay.
 */
class ReaderRepairTest {

    private static final LibraryOptions NO_WATCH =
            LibraryOptions.defaults().withWatch(false).withScanOnOpen(false);

    @TempDir
    Path root;

    @BeforeEach
    void media() {
        TestMedia.video(root.resolve("clip.mp4"), 2.0, 64, 48);
        TestMedia.audio(root.resolve("tone.wav"), 1.5);
        TestMedia.jpeg(root.resolve("photo.jpg"), 40, 30);
    }

    @Test
    void rowsIndexedWithoutTheLibrariesAreReadAgainWhenTheyAreThere() {
        Map<String, Asset> before;
        System.setProperty(FfmpegLibraries.DISABLED_PROPERTY, "true");
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
            before = assets(library);
            library.setFavorite(before.get("clip.mp4").id(), true);
        } finally {
            System.clearProperty(FfmpegLibraries.DISABLED_PROPERTY);
        }
        assertThat(before.get("clip.mp4").duration()).isZero();
        assertThat(before.get("clip.mp4").width()).isZero();

        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            ScanReport report = library.scan(null);
            Map<String, Asset> after = assets(library);

            assertThat(report.changed())
                    .as("video and sound read again, the photo not")
                    .isEqualTo(2);
            assertThat(report.added()).isZero();
            assertThat(after.get("clip.mp4").duration()).isCloseTo(2.0, within(0.1));
            assertThat(after.get("clip.mp4").width()).isEqualTo(64);
            assertThat(after.get("tone.wav").duration()).isCloseTo(1.5, within(0.05));
            for (String name : before.keySet()) {
                assertThat(after.get(name).id()).isEqualTo(before.get(name).id());
            }
            assertThat(library.getAssetInfo(after.get("clip.mp4").id()).isFavorite())
                    .isTrue();

            assertThat(library.scan(null).changed())
                    .as("read once, not on every scan")
                    .isZero();
        }
    }

    @Test
    void rowsOfAnOlderReaderAreReadAgain() throws SQLException {
        String clipId;
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
            clipId = assets(library).get("clip.mp4").id();
        }
        // As an older reader left them: no duration, and its version.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + root.resolve(".camroll/index.db"));
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE assets SET duration = 0, reader_version = 1 WHERE media_type <> 1");
        }

        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            ScanReport report = library.scan(null);
            Map<String, Asset> after = assets(library);

            assertThat(report.changed()).isEqualTo(2);
            assertThat(after.get("clip.mp4").id()).isEqualTo(clipId);
            assertThat(after.get("clip.mp4").duration()).isCloseTo(2.0, within(0.1));
            assertThat(after.get("tone.wav").duration()).isCloseTo(1.5, within(0.05));
        }
    }

    @Test
    void photosOfTheFirstPhotoReaderAreReadAgainSoRawFilesGetTheirSubtype() throws SQLException {
        TestMedia.tiff(root.resolve("DSC_0001.NEF"), 40, 30);
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
        }
        // As the first photo reader left them: no raw subtype, and its version.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + root.resolve(".camroll/index.db"));
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE assets SET subtypes = '', reader_version = 1 WHERE media_type = 1");
        }

        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            ScanReport report = library.scan(null);
            Map<String, Asset> after = assets(library);

            assertThat(report.changed()).as("the NEF and the JPEG").isEqualTo(2);
            assertThat(after.get("DSC_0001.NEF").mediaSubtypes()).containsExactly(MediaSubtype.RAW);
            assertThat(after.get("photo.jpg").mediaSubtypes()).isEmpty();
        }
    }

    @Test
    void photosOfTheReaderBeforeSubtypesAreReadAgainForThem() throws Exception {
        Files.copy(TestMedia.corpus("exif-samples/jpg/hdr/iphone_hdr_YES.jpg"), root.resolve("IMG_0001.jpg"));
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
        }
        // As the photo reader of version 1 left them: no subtypes from the camera's markers.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + root.resolve(".camroll/index.db"));
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE assets SET subtypes = '', reader_version = 1 WHERE media_type = 1");
        }

        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            ScanReport report = library.scan(null);

            assertThat(report.changed()).as("the two photos read again").isEqualTo(2);
            assertThat(assets(library).get("IMG_0001.jpg").mediaSubtypes()).containsExactly(MediaSubtype.HDR);
            assertThat(library.scan(null).changed()).isZero();
        }
    }

    @Test
    void filesOfTheReadersBeforeSelfiesAnimationAndScreenRecordingsAreReadAgainForThem() throws Exception {
        TestMedia.animatedGif(root.resolve("loop.gif"), 20, 10, 2);
        TestMedia.video(root.resolve("RPReplay_Final1612345678.MP4"), 0.2, 32, 32);
        TestMedia.video(
                root.resolve("IMG_0002.MOV"),
                0.2,
                32,
                32,
                TestMedia.VideoSpec.PLAIN.withTag("com.apple.quicktime.camera.identifier", "Front"));
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
        }
        // As the photo reader 2 and the video reader 3 left them: none of these subtypes.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + root.resolve(".camroll/index.db"));
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "UPDATE assets SET subtypes = ''," + " reader_version = CASE media_type WHEN 1 THEN 2 ELSE 3 END");
        }

        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            ScanReport report = library.scan(null);
            Map<String, Asset> after = assets(library);

            assertThat(report.changed()).as("every file read again").isEqualTo(6);
            assertThat(after.get("loop.gif").mediaSubtypes()).containsExactly(MediaSubtype.ANIMATED);
            assertThat(after.get("RPReplay_Final1612345678.MP4").mediaSubtypes())
                    .containsExactly(MediaSubtype.SCREEN_RECORDING);
            assertThat(after.get("IMG_0002.MOV").mediaSubtypes()).containsExactly(MediaSubtype.SELFIE);
            assertThat(library.scan(null).changed()).isZero();
        }
    }

    @Test
    void aRestoredAssetIsNotReadAgain() {
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
            List<String> ids = assets(library).values().stream().map(Asset::id).toList();
            library.deleteAssets(ids);
            library.restoreAssets(ids);

            assertThat(library.scan(null).changed()).isZero();
        }
    }

    private static Map<String, Asset> assets(MediaLibrary library) {
        return library
                .getAssets(AssetQuery.builder()
                        .first(100)
                        .mediaTypes(EnumSet.allOf(MediaType.class))
                        .build())
                .assets()
                .stream()
                .collect(Collectors.toMap(Asset::filename, Function.identity()));
    }
}
