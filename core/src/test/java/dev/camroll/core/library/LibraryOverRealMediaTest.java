package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.api.ScanReport;
import dev.camroll.api.ScanWarning;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole library over real camera files, damaged files and generated video and audio. */
class LibraryOverRealMediaTest {
    @TempDir
    Path root;

    @Test
    void scanOfTheSampleCorpusCompletesAndReportsWhatItSkipped() throws IOException {
        Path corpus = TestMedia.corpus("exif-samples/jpg/gps/DSCN0010.jpg")
                .getParent()
                .getParent()
                .getParent();
        copyTree(corpus, root.resolve("samples"));
        Files.writeString(root.resolve("samples/not-a-photo.jpg"), "plain text, named like a photo");
        Files.write(root.resolve("samples/empty.png"), new byte[0]);

        try (MediaLibrary library = MediaLibrary.open(root)) {
            long mediaFiles;
            try (Stream<Path> files = Files.walk(root.resolve("samples"))) {
                mediaFiles = files.filter(Files::isRegularFile)
                        .filter(file -> file.toString().matches("(?i).*\\.(jpe?g|heic|heif|tiff?)$"))
                        .count();
            }
            AssetPage all = library.getAssets(AssetQuery.builder().first(1000).build());
            // Every sample that is an image is an asset, damaged or not; the text file is not.
            assertThat(all.totalCount()).isEqualTo(mediaFiles - 1);
            assertThat(all.assets()).extracting(Asset::filename).doesNotContain("not-a-photo.jpg", "empty.png");

            ScanReport rescan = library.scan(null);
            assertThat(rescan.added() + rescan.changed() + rescan.removed()).isZero();
        }
    }

    @Test
    void warningsOfAScanNameTheFilesAndWhetherTheyWereIndexed() throws IOException {
        Files.writeString(root.resolve("not-a-photo.jpg"), "plain text");
        Files.writeString(root.resolve("notes.txt"), "plain text");
        byte[] jpeg = Files.readAllBytes(TestMedia.corpus("exif-samples/jpg/gps/DSCN0010.jpg"));
        Files.write(root.resolve("cut.jpg"), java.util.Arrays.copyOf(jpeg, 2000));

        try (MediaLibrary library = MediaLibrary.open(
                root, dev.camroll.api.LibraryOptions.defaults().withScanOnOpen(false))) {
            ScanReport report = library.scan(null);
            assertThat(report.added()).isEqualTo(1);
            assertThat(report.warnings())
                    .extracting(ScanWarning::path, ScanWarning::indexed)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple("not-a-photo.jpg", false),
                            org.assertj.core.groups.Tuple.tuple("cut.jpg", true));
            assertThat(report.warnings()).extracting(ScanWarning::path).doesNotContain("notes.txt");
        }
    }

    @Test
    void assetInfoCarriesExifLocationAndFileDetails() throws IOException {
        Files.copy(TestMedia.corpus("exif-samples/jpg/gps/DSCN0010.jpg"), root.resolve("DSCN0010.jpg"));
        try (MediaLibrary library = MediaLibrary.open(root)) {
            Asset asset =
                    library.getAssets(AssetQuery.builder().build()).assets().getFirst();
            AssetInfo info = library.getAssetInfo(asset.id());
            assertThat(info.asset()).isEqualTo(asset);
            assertThat(info.location().latitude()).isCloseTo(43.4674483333333, within(1e-5));
            assertThat(info.location().longitude()).isCloseTo(11.8851266666639, within(1e-5));
            assertThat(info.localUri())
                    .isEqualTo(root.toRealPath().resolve("DSCN0010.jpg").toUri().toString());
            assertThat(info.orientation()).isBetween(1, 8);
            assertThat(info.isFavorite()).isFalse();
            assertThat(info.isNetworkAsset()).isFalse();
            assertThat(info.mimeType()).isEqualTo("image/jpeg");
            assertThat(info.fileSize()).isEqualTo(Files.size(root.resolve("DSCN0010.jpg")));
            assertThat(info.cameraMake()).isEqualTo("NIKON");
            assertThat(info.exif()).containsKey("GPS");
            assertThat(info.exif().values().stream().anyMatch(tags -> tags.containsKey("Date/Time Original")))
                    .isTrue();
        }
    }

    @Test
    void videosAndAudioAreListedWhenAskedForWithTheirDurations() throws IOException {
        TestMedia.jpeg(root.resolve("photo.jpg"), 32, 24);
        TestMedia.video(root.resolve("clip.mp4"), 2.0, 64, 48);
        TestMedia.audio(root.resolve("tone.wav"), 1.0);
        try (MediaLibrary library = MediaLibrary.open(root)) {
            assertThat(library.getAssets(AssetQuery.builder().build()).assets())
                    .extracting(Asset::filename)
                    .containsExactly("photo.jpg");
            AssetPage all = library.getAssets(AssetQuery.builder()
                    .mediaTypes(MediaType.PHOTO, MediaType.VIDEO, MediaType.AUDIO)
                    .build());
            assertThat(all.totalCount()).isEqualTo(3);
            Asset clip = all.assets().stream()
                    .filter(asset -> asset.filename().equals("clip.mp4"))
                    .findFirst()
                    .orElseThrow();
            assertThat(clip.mediaType()).isEqualTo(MediaType.VIDEO);
            assertThat(clip.duration()).isCloseTo(2.0, within(0.05));
            assertThat(List.of(clip.width(), clip.height())).containsExactly(64, 48);
            Asset tone = all.assets().stream()
                    .filter(asset -> asset.filename().equals("tone.wav"))
                    .findFirst()
                    .orElseThrow();
            assertThat(tone.mediaType()).isEqualTo(MediaType.AUDIO);
            assertThat(tone.duration()).isCloseTo(1.0, within(0.05));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
