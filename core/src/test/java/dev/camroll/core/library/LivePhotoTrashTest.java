package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.core.access.Scope;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.Database;
import dev.camroll.core.store.ScanStore;
import dev.camroll.core.store.TrashRecords;
import dev.camroll.core.store.WriteStore;
import dev.camroll.core.testing.LivePhotoFiles;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Live Photo's video goes through the trash with its photo: deleted into it, restored beside the
 * photo (renamed with it), purged from it, and a crash between the file moves and the commit is
 * finished or undone by the next open, for the video as for the photo. Real pairs
 * ({@link LivePhotoFiles}), a real index, real folders.
 */
class LivePhotoTrashTest {
    private static final LibraryOptions NO_WATCH =
            LibraryOptions.defaults().withWatch(false).withScanOnOpen(false);
    private static final String ID = "6A7B8C9D-0E1F-4A2B-8C3D-4E5F6A7B8C9D";
    private static final AssetQuery EVERYTHING = AssetQuery.builder()
            .mediaTypes(EnumSet.of(MediaType.PHOTO, MediaType.VIDEO))
            .first(100)
            .build();

    @TempDir
    Path root;

    private String photo;
    private String video;

    @BeforeEach
    void aLivePhoto() {
        LivePhotoFiles.still(root.resolve("DCIM/IMG_0001.JPG"), ID);
        LivePhotoFiles.video(root.resolve("DCIM/IMG_0001.MOV"), ID, 1.5);
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
            photo = onlyAsset(library).id();
            video = ((LocalMediaLibrary) library)
                    .assets
                    .pairedVideo(Scope.owner(), photo)
                    .orElseThrow()
                    .publicId();
        }
    }

    @Test
    void aDeleteTakesTheVideoIntoTheTrashAndARestoreBringsItBackPaired() throws IOException {
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.deleteAssets(List.of(photo));

            assertThat(root.resolve("DCIM")).isEmptyDirectory();
            assertThat(names(trash())).containsExactlyInAnyOrder(photo + ".jpg", video + ".mov");
            assertThat(names(trashInfo()))
                    .containsExactlyInAnyOrder(TrashSidecar.fileName(photo), TrashSidecar.fileName(video));
            assertThat(library.trashedAssets())
                    .as("the trash lists the photo alone")
                    .containsExactly(photo);
            assertThat(library.scan(null).added()).isZero();
            assertThat(library.getAssets(EVERYTHING).assets()).isEmpty();

            library.restoreAssets(List.of(photo));

            assertThat(names(trash())).isEmpty();
            assertThat(names(trashInfo())).isEmpty();
            assertPairedWith(library, photo, "DCIM/IMG_0001.MOV");
            assertThat(library.scan(null))
                    .as("the index and the folders agree")
                    .extracting(report -> report.added() + report.changed() + report.removed())
                    .isEqualTo(0);
            assertThat(onlyAsset(library).id()).isEqualTo(photo);
            assertThat(((LocalMediaLibrary) library)
                            .assets
                            .pairedVideo(Scope.owner(), photo)
                            .orElseThrow()
                            .publicId())
                    .as("the video keeps its id")
                    .isEqualTo(video);
        }
    }

    @Test
    void aRestoreToATakenNameRenamesBothHalvesAlike() throws IOException {
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.deleteAssets(List.of(photo));
            // Another photo of that name came meanwhile.
            TestMedia.jpeg(root.resolve("DCIM/IMG_0001.JPG"), 40, 30);
            library.scan(null);

            library.restoreAssets(List.of(photo));

            assertThat(library.getAssetInfo(photo).asset().filename()).isEqualTo("IMG_0001 (1).JPG");
            assertPairedWith(library, photo, "DCIM/IMG_0001 (1).MOV");
            assertThat(library.scan(null))
                    .extracting(report -> report.added() + report.changed() + report.removed())
                    .isEqualTo(0);
            assertThat(library.getAssets(EVERYTHING).assets())
                    .extracting(Asset::filename)
                    .containsExactlyInAnyOrder("IMG_0001.JPG", "IMG_0001 (1).JPG");
        }
    }

    @Test
    void thePurgeDeletesTheVideoFromTheTrash() throws IOException {
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.deleteAssets(List.of(photo));
            library.purgeTrash();

            assertThat(names(trash())).isEmpty();
            assertThat(names(trashInfo())).isEmpty();
            assertThat(root.resolve("DCIM")).isEmptyDirectory();
            library.scan(null);
            assertThat(library.getAssets(EVERYTHING).assets()).isEmpty();
        }
    }

    @Test
    void aLostIndexTakesTheTrashedPairBackAsOnePhoto() throws IOException {
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.deleteAssets(List.of(photo));
        }
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(indexFile() + suffix));
        }

        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            assertThat(library.trashedAssets()).containsExactly(photo);
            library.restoreAssets(List.of(photo));

            assertPairedWith(library, photo, "DCIM/IMG_0001.MOV");
            assertThat(library.scan(null).added()).isZero();
            assertThat(onlyAsset(library).id()).isEqualTo(photo);
        }
    }

    @Test
    void aDeleteKilledBeforeItsCommitPutsBothFilesBack() throws IOException {
        // What a delete killed after its file moves leaves: both sidecars, both files in the
        // trash under their trash names, the rows unchanged.
        Map<String, Map<String, String>> photoColumns;
        Map<String, Map<String, String>> videoColumns;
        try (Database database = Database.open(indexFile())) {
            TrashRecords records = new TrashRecords(database);
            photoColumns = records.ofAssets(Scope.owner(), List.of(photo));
            videoColumns = records.ofPairedVideos(List.of(video));
        }
        long now = System.currentTimeMillis();
        Files.createDirectories(trashInfo());
        Files.createDirectories(trash());
        new TrashSidecar(photo, photo + ".jpg", now, photoColumns.get(photo), null).writeTo(trashInfo());
        new TrashSidecar(video, video + ".mov", now, videoColumns.get(video), photo).writeTo(trashInfo());
        Files.move(root.resolve("DCIM/IMG_0001.JPG"), trash().resolve(photo + ".jpg"));
        Files.move(root.resolve("DCIM/IMG_0001.MOV"), trash().resolve(video + ".mov"));

        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            assertThat(root.resolve("DCIM/IMG_0001.JPG")).exists();
            assertThat(root.resolve("DCIM/IMG_0001.MOV")).exists();
            assertThat(names(trash())).isEmpty();
            assertThat(names(trashInfo())).isEmpty();
            assertThat(library.trashedAssets()).isEmpty();
            assertPairedWith(library, photo, "DCIM/IMG_0001.MOV");
            assertThat(library.scan(null).added()).isZero();
        }
    }

    @Test
    void aRestoreKilledAfterItsCommitIsFinishedByTheNextOpen() throws IOException {
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.deleteAssets(List.of(photo));
        }
        // What a restore killed after its commit leaves: both rows back in place, both files and
        // sidecars still in the trash.
        try (Database database = Database.open(indexFile())) {
            AlbumRow dcim = new ScanStore(database).albumsByPath().get("DCIM");
            new WriteStore(database)
                    .restore(
                            Scope.owner(),
                            Map.of(photo, new WriteStore.Place(dcim.rowId(), "IMG_0001.JPG")),
                            Map.of(video, new WriteStore.Place(dcim.rowId(), "IMG_0001.MOV")));
        }

        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            assertThat(names(trash())).isEmpty();
            assertThat(names(trashInfo())).isEmpty();
            assertPairedWith(library, photo, "DCIM/IMG_0001.MOV");
            assertThat(library.scan(null))
                    .extracting(report -> report.added() + report.changed() + report.removed())
                    .isEqualTo(0);
            assertThat(onlyAsset(library).id()).isEqualTo(photo);
        }
    }

    @Test
    void aScanThatMeetsTheVideoOnItsWayToTheTrashLeavesThePairAlone() throws IOException {
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            // A delete in another process has moved the video, not yet the photo, and not committed.
            Files.createDirectories(trash());
            Files.move(root.resolve("DCIM/IMG_0001.MOV"), trash().resolve(video + ".mov"));
            library.scan(null);
            // It did not commit after all: the file comes back.
            Files.move(trash().resolve(video + ".mov"), root.resolve("DCIM/IMG_0001.MOV"));

            assertThat(library.scan(null).added())
                    .as("the video was never given a row of its own")
                    .isZero();
            assertThat(onlyAsset(library).id()).isEqualTo(photo);
            assertPairedWith(library, photo, "DCIM/IMG_0001.MOV");
        }
    }

    private Path indexFile() {
        return root.resolve(".camroll/index.db");
    }

    private Path trash() {
        return root.resolve(".camroll/trash");
    }

    private Path trashInfo() {
        return root.resolve(".camroll").resolve(TrashSidecar.FOLDER);
    }

    private void assertPairedWith(MediaLibrary library, String photoId, String videoPath) {
        assertThat(library.getAssetInfo(photoId).pairedVideoUri())
                .isEqualTo(root.resolve(videoPath).toUri().toString());
    }

    private static List<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static Asset onlyAsset(MediaLibrary library) {
        List<Asset> assets = library.getAssets(EVERYTHING).assets();
        assertThat(assets).hasSize(1);
        return assets.getFirst();
    }
}
