package dev.camroll.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.MediaType;
import dev.camroll.core.metadata.ReaderVersions;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Live Photo's video holds its place in its folder though it is no asset: a scan whose view of
 * the folder predates the pairing (it listed the index before a restore, copy or creation
 * committed, and met the file after) writes no asset row for it, while unpairing still gives the
 * video its row back. A real index file.
 */
class PairedVideoPlacesTest {
    @TempDir
    Path folder;

    @Test
    void aScanThatReadTheVideoBeforeItPairedWritesNoRowOfItsOwn() {
        try (Database database = Database.open(folder.resolve("index.db"))) {
            ScanStore scans = new ScanStore(database);
            AlbumRow album = scans.addAlbum("DCIM", "DCIM");
            scans.apply(List.of(
                    new ScanChange.Insert(asset(album, "IMG_0001.JPG", MediaType.PHOTO, "JPEG")),
                    new ScanChange.Insert(asset(album, "IMG_0001.MOV", MediaType.VIDEO, "MOV"))));
            assertThat(scans.settleLivePairs(List.of(album.rowId()))).isEqualTo(1);

            List<Long> inserted =
                    scans.apply(List.of(new ScanChange.Insert(asset(album, "IMG_0001.MOV", MediaType.VIDEO, "MOV"))));

            assertThat(inserted).isEmpty();
            assertThat(scans.knownFiles(album.rowId()).get("IMG_0001.MOV").isAsset())
                    .isFalse();
            assertThat(new WriteStore(database).nameTaken(album.rowId(), "IMG_0001.MOV"))
                    .isTrue();
        }
    }

    @Test
    void aVideoWhosePhotoWentGetsItsRowBack() {
        try (Database database = Database.open(folder.resolve("index.db"))) {
            ScanStore scans = new ScanStore(database);
            AlbumRow album = scans.addAlbum("DCIM", "DCIM");
            scans.apply(List.of(
                    new ScanChange.Insert(asset(album, "IMG_0002.JPG", MediaType.PHOTO, "JPEG")),
                    new ScanChange.Insert(asset(album, "IMG_0002.MOV", MediaType.VIDEO, "MOV"))));
            scans.settleLivePairs(List.of(album.rowId()));
            KnownFile photo = scans.knownFiles(album.rowId()).get("IMG_0002.JPG");

            scans.apply(List.of(
                    new ScanChange.Delete(photo.assetRowId(), photo.publicId(), album.rowId(), "IMG_0002.JPG")));
            scans.settleLivePairs(List.of());

            assertThat(scans.knownFiles(album.rowId()).get("IMG_0002.MOV").isAsset())
                    .isTrue();
        }
    }

    private static NewAsset asset(AlbumRow album, String name, MediaType type, String format) {
        return new NewAsset(
                album.rowId(),
                name,
                type,
                format,
                Set.of(),
                10,
                10,
                1,
                1_000,
                1_000,
                type == MediaType.VIDEO ? 1.5 : 0,
                100,
                null,
                null,
                null,
                List.of(),
                null,
                ReaderVersions.current(type));
    }
}
