package dev.camroll.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.MediaType;
import dev.camroll.core.access.Scope;
import dev.camroll.core.metadata.ReaderVersions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write and a scan of another process can both index the same new file: the second insert
 * adopts the first's row (one row, the first id). A row of another file under that name (an asset
 * whose file is on its way there) is left alone.
 */
class InsertOrAdoptTest {
    @TempDir
    Path folder;

    private Database database;
    private ScanStore scans;
    private WriteStore writes;
    private AlbumRow album;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("index.db"));
        scans = new ScanStore(database);
        writes = new WriteStore(database);
        album = scans.addAlbum("", "root");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aWriteAdoptsTheRowAScanMadeOfTheSameFile() {
        long scanned =
                scans.apply(List.of(new ScanChange.Insert(asset(100, 5_000)))).getFirst();
        String scannedId = scans.knownFiles(album.rowId()).get("a.jpg").publicId();

        Optional<AssetRow> written = writes.insert(Scope.owner(), asset(100, 5_000));

        assertThat(written)
                .get()
                .extracting(AssetRow::rowId, AssetRow::publicId)
                .containsExactly(scanned, scannedId);
        assertThat(scans.knownFiles(album.rowId())).hasSize(1);
    }

    @Test
    void aScanAdoptsTheRowAWriteMadeOfTheSameFile() {
        AssetRow written = writes.insert(Scope.owner(), asset(100, 5_000)).orElseThrow();

        List<Long> inserted = scans.apply(List.of(new ScanChange.Insert(asset(100, 5_000))));

        assertThat(inserted).containsExactly(written.rowId());
        assertThat(scans.knownFiles(album.rowId()).get("a.jpg").publicId()).isEqualTo(written.publicId());
    }

    @Test
    void theRowOfAnotherFileUnderTheNameIsLeftAlone() {
        AssetRow other = writes.insert(Scope.owner(), asset(100, 5_000)).orElseThrow();

        assertThat(writes.insert(Scope.owner(), asset(200, 6_000))).isEmpty();
        assertThat(scans.apply(List.of(new ScanChange.Insert(asset(300, 7_000)))))
                .isEmpty();

        KnownFile row = scans.knownFiles(album.rowId()).get("a.jpg");
        assertThat(row.publicId()).isEqualTo(other.publicId());
        assertThat(row.fileSize()).isEqualTo(100);
        assertThat(row.modificationTime()).isEqualTo(5_000);
    }

    private NewAsset asset(long size, long modified) {
        return new NewAsset(
                album.rowId(),
                "a.jpg",
                MediaType.PHOTO,
                "JPEG",
                Set.of(),
                10,
                10,
                1,
                modified,
                modified,
                0,
                size,
                null,
                null,
                null,
                List.of(),
                null,
                ReaderVersions.current(MediaType.PHOTO));
    }
}
