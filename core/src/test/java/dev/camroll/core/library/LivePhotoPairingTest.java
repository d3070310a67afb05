package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Album;
import dev.camroll.api.AlbumType;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaSubtype;
import dev.camroll.api.MediaType;
import dev.camroll.core.testing.DeadProcess;
import dev.camroll.core.testing.LivePhotoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live Photos paired at scan, over real files and a real index: the JPEG with Apple's MakerNote
 * ContentIdentifier and the MOV with com.apple.quicktime.content.identifier that an iPhone writes
 * ({@link LivePhotoFiles} says how they are made).
 */
class LivePhotoPairingTest {
    private static final LibraryOptions NO_WATCH =
            LibraryOptions.defaults().withWatch(false).withScanOnOpen(false);
    private static final String ID = "1F2E3D4C-5B6A-4978-8695-A4B3C2D1E0F9";
    private static final AssetQuery EVERYTHING = AssetQuery.builder()
            .mediaTypes(EnumSet.of(MediaType.PHOTO, MediaType.VIDEO))
            .first(100)
            .build();

    @TempDir
    Path root;

    @Test
    void theVideoArrivingAfterItsPhotoJoinsItAndIsListedNowhere() throws Exception {
        LivePhotoFiles.still(root.resolve("DCIM/IMG_0001.JPG"), ID);
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
            String photo = onlyAsset(library).id();
            assertThat(library.getAssetInfo(photo).pairedVideoUri()).isNull();
            String token = library.changeToken();

            LivePhotoFiles.video(root.resolve("DCIM/IMG_0001.MOV"), ID, 1.5);
            library.scan(null);

            assertThat(onlyAsset(library).id()).isEqualTo(photo);
            assertThat(onlyAsset(library).mediaSubtypes()).contains(MediaSubtype.LIVE_PHOTO);
            assertPairedWith(library, photo, "DCIM/IMG_0001.MOV");
            ChangeSet changes = library.changesSince(token);
            assertThat(changes.updatedAssets()).containsExactly(photo);
            assertThat(changes.insertedAssets()).isEmpty();
            // Counted nowhere either: not in its folder's count, not among the videos.
            assertThat(library.getAlbums(true))
                    .filteredOn(album -> album.type() == AlbumType.ALBUM)
                    .extracting(Album::assetCount)
                    .containsExactly(1);
            assertThat(library.getAssets(AssetQuery.builder()
                                    .mediaTypes(EnumSet.of(MediaType.VIDEO))
                                    .build())
                            .totalCount())
                    .isZero();
            assertThat(library.scan(null).added())
                    .as("an unchanged rescan reads nothing")
                    .isZero();
        }
    }

    @Test
    void theVideoArrivingFirstIsAVideoUntilItsPhotoComes() throws Exception {
        LivePhotoFiles.video(root.resolve("DCIM/IMG_0002.MOV"), ID, 1.5);
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
            String video = onlyAsset(library).id();
            assertThat(onlyAsset(library).mediaType()).isEqualTo(MediaType.VIDEO);
            String token = library.changeToken();

            LivePhotoFiles.still(root.resolve("DCIM/IMG_0002.JPG"), ID);
            library.scan(null);

            Asset photo = onlyAsset(library);
            assertThat(photo.mediaType()).isEqualTo(MediaType.PHOTO);
            assertPairedWith(library, photo.id(), "DCIM/IMG_0002.MOV");
            ChangeSet changes = library.changesSince(token);
            assertThat(changes.insertedAssets()).containsExactly(photo.id());
            assertThat(changes.deletedAssets()).containsExactly(video);
        }
    }

    @Test
    void theContentIdentifierPairsFilesOfOtherNamesAndKeepsApartThoseOfOtherIdentifiers() throws Exception {
        LivePhotoFiles.still(root.resolve("DCIM/IMG_0003.JPG"), ID);
        LivePhotoFiles.video(root.resolve("DCIM/renamed.MOV"), ID, 1.5);
        LivePhotoFiles.still(root.resolve("DCIM/IMG_0004.JPG"), "0A0B0C0D-0000-4000-8000-000000000001");
        LivePhotoFiles.video(root.resolve("DCIM/IMG_0004.MOV"), "0A0B0C0D-0000-4000-8000-000000000002", 1.5);
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);

            List<Asset> assets = library.getAssets(EVERYTHING).assets();
            assertThat(assets)
                    .extracting(Asset::filename)
                    .containsExactlyInAnyOrder("IMG_0003.JPG", "IMG_0004.JPG", "IMG_0004.MOV");
            assertPairedWith(library, idOf(assets, "IMG_0003.JPG"), "DCIM/renamed.MOV");
            assertThat(library.getAssetInfo(idOf(assets, "IMG_0004.JPG")).pairedVideoUri())
                    .isNull();
        }
    }

    @Test
    void withoutIdentifiersTheBaseNamePairsAShortClipButNotALongOne() throws Exception {
        dev.camroll.core.testing.TestMedia.jpeg(root.resolve("DCIM/IMG_0005.JPG"), 40, 30);
        LivePhotoFiles.video(root.resolve("DCIM/IMG_0005.MOV"), null, 2);
        dev.camroll.core.testing.TestMedia.jpeg(root.resolve("DCIM/IMG_0006.JPG"), 40, 30);
        LivePhotoFiles.video(root.resolve("DCIM/IMG_0006.MOV"), null, 12);
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);

            List<Asset> assets = library.getAssets(EVERYTHING).assets();
            assertThat(assets)
                    .extracting(Asset::filename)
                    .containsExactlyInAnyOrder("IMG_0005.JPG", "IMG_0006.JPG", "IMG_0006.MOV");
            assertPairedWith(library, idOf(assets, "IMG_0005.JPG"), "DCIM/IMG_0005.MOV");
        }
    }

    @Test
    void aPairComesApartWhenOneSideGoes() throws Exception {
        LivePhotoFiles.still(root.resolve("DCIM/IMG_0007.JPG"), ID);
        LivePhotoFiles.video(root.resolve("DCIM/IMG_0007.MOV"), ID, 1.5);
        LivePhotoFiles.still(root.resolve("DCIM/IMG_0008.JPG"), "0A0B0C0D-0000-4000-8000-000000000003");
        LivePhotoFiles.video(root.resolve("DCIM/IMG_0008.MOV"), "0A0B0C0D-0000-4000-8000-000000000003", 1.5);
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
            List<Asset> before = library.getAssets(EVERYTHING).assets();
            assertThat(before).hasSize(2);
            String keptPhoto = idOf(before, "IMG_0007.JPG");

            Files.delete(root.resolve("DCIM/IMG_0007.MOV"));
            Files.delete(root.resolve("DCIM/IMG_0008.JPG"));
            library.scan(null);

            List<Asset> after = library.getAssets(EVERYTHING).assets();
            assertThat(after).extracting(Asset::filename).containsExactlyInAnyOrder("IMG_0007.JPG", "IMG_0008.MOV");
            assertThat(idOf(after, "IMG_0007.JPG")).isEqualTo(keptPhoto);
            assertThat(library.getAssetInfo(keptPhoto).pairedVideoUri()).isNull();
            assertThat(library.scan(null))
                    .as("the video alone is known again, and nothing is read twice")
                    .extracting(report -> report.added() + report.changed() + report.removed())
                    .isEqualTo(0);
        }
    }

    @Test
    void theTrashKeepsThePairAndPurgingThePhotoTakesItsVideo() throws Exception {
        LivePhotoFiles.still(root.resolve("DCIM/IMG_0009.JPG"), ID);
        LivePhotoFiles.video(root.resolve("DCIM/IMG_0009.MOV"), ID, 1.5);
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
            String photo = onlyAsset(library).id();

            library.deleteAssets(List.of(photo));
            assertThat(library.scan(null).added())
                    .as("the video stays paired while its photo is trashed")
                    .isZero();
            assertThat(library.getAssets(EVERYTHING).assets()).isEmpty();
            library.restoreAssets(List.of(photo));
            assertPairedWith(library, photo, "DCIM/IMG_0009.MOV");

            library.deleteAssets(List.of(photo));
            library.purgeTrash();
            assertThat(root.resolve("DCIM/IMG_0009.MOV")).doesNotExist();
            library.scan(null);
            assertThat(library.getAssets(EVERYTHING).assets()).isEmpty();
        }
    }

    @Test
    void movingThePhotoToAnAlbumTakesItsVideoAlong() throws Exception {
        LivePhotoFiles.still(root.resolve("DCIM/IMG_0010.JPG"), ID);
        LivePhotoFiles.video(root.resolve("DCIM/IMG_0010.MOV"), ID, 1.5);
        // A photo of that name is in the album already: the pair arrives as "IMG_0010 (1)".
        dev.camroll.core.testing.TestMedia.jpeg(root.resolve("Trip/IMG_0010.JPG"), 40, 30);
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
            Album trip = library.getAlbum("Trip");
            String live = library.getAssets(EVERYTHING).assets().stream()
                    .filter(asset -> asset.mediaSubtypes().contains(MediaSubtype.LIVE_PHOTO))
                    .findFirst()
                    .orElseThrow()
                    .id();

            library.addAssetsToAlbum(List.of(live), trip.id(), false);

            assertThat(root.resolve("DCIM/IMG_0010.MOV")).doesNotExist();
            assertThat(root.resolve("Trip/IMG_0010 (1).JPG")).exists();
            assertPairedWith(library, live, "Trip/IMG_0010 (1).MOV");
            assertThat(library.scan(null))
                    .as("the index and the folders agree")
                    .extracting(report -> report.added() + report.changed() + report.removed())
                    .isEqualTo(0);
            assertPairedWith(library, live, "Trip/IMG_0010 (1).MOV");
            assertThat(library.getAssets(EVERYTHING).totalCount()).isEqualTo(2);
        }
    }

    @Test
    void aMoveKilledBeforeItsCommitPutsBothFilesBack() throws Exception {
        LivePhotoFiles.still(root.resolve("DCIM/IMG_0011.JPG"), ID);
        LivePhotoFiles.video(root.resolve("DCIM/IMG_0011.MOV"), ID, 1.5);
        dev.camroll.core.testing.TestMedia.jpeg(root.resolve("Trip/other.jpg"), 40, 30);
        String photo;
        String video;
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            library.scan(null);
            photo = idOf(library.getAssets(EVERYTHING).assets(), "IMG_0011.JPG");
            video = ((LocalMediaLibrary) library)
                    .assets
                    .pairedVideo(dev.camroll.core.access.Scope.owner(), photo)
                    .orElseThrow()
                    .publicId();
        }
        // What a move killed after placing both files leaves: both names written down in one
        // journal of a process that is gone, both files under their new names, the rows unchanged.
        Path real = root.toRealPath();
        MoveJournal journal = new MoveJournal(real, real.resolve(LibraryLocation.DATA_FOLDER));
        journal.record(photo, real.resolve("DCIM/IMG_0011.JPG"), real.resolve("Trip/IMG_0011.JPG"));
        journal.record(video, real.resolve("DCIM/IMG_0011.MOV"), real.resolve("Trip/IMG_0011.MOV"));
        journal.close();
        Path journals = real.resolve(LibraryLocation.DATA_FOLDER).resolve(MoveJournal.FOLDER);
        String live = "-" + ProcessHandle.current().pid() + "-";
        try (var files = Files.list(journals)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                Files.move(file, file.resolveSibling(name.replace(live, "-" + DeadProcess.pid() + "-")));
            }
        }
        Files.move(real.resolve("DCIM/IMG_0011.JPG"), real.resolve("Trip/IMG_0011.JPG"));
        Files.move(real.resolve("DCIM/IMG_0011.MOV"), real.resolve("Trip/IMG_0011.MOV"));

        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            assertThat(root.resolve("DCIM/IMG_0011.JPG")).exists();
            assertThat(root.resolve("DCIM/IMG_0011.MOV")).exists();
            assertThat(root.resolve("Trip/IMG_0011.MOV")).doesNotExist();
            library.scan(null);
            assertThat(idOf(library.getAssets(EVERYTHING).assets(), "IMG_0011.JPG"))
                    .isEqualTo(photo);
            assertPairedWith(library, photo, "DCIM/IMG_0011.MOV");
        }
    }

    private void assertPairedWith(MediaLibrary library, String photo, String video) {
        AssetInfo info = library.getAssetInfo(photo);
        assertThat(info.pairedVideoUri()).isEqualTo(root.resolve(video).toUri().toString());
    }

    private static Asset onlyAsset(MediaLibrary library) {
        List<Asset> assets = library.getAssets(EVERYTHING).assets();
        assertThat(assets).hasSize(1);
        return assets.getFirst();
    }

    private static String idOf(List<Asset> assets, String filename) {
        return assets.stream()
                .filter(asset -> asset.filename().equals(filename))
                .findFirst()
                .orElseThrow()
                .id();
    }
}
