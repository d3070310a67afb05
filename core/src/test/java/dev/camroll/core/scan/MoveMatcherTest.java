package dev.camroll.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.metadata.MediaProbe;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.Database;
import dev.camroll.core.store.KnownFile;
import dev.camroll.core.store.ScanChange;
import dev.camroll.core.store.ScanStore;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case the walk cannot see: a file that left its folder after the walk listed it. A new file
 * with its content takes its row; while the row's file still exists, a new file is a copy.
 */
class MoveMatcherTest {
    @TempDir
    Path root;

    private Database database;
    private ScanStore store;
    private AlbumRow folder;
    private long rowOfA;
    private String idOfA;
    private final MediaProbe probe = new MediaProbe(ZoneOffset.UTC);

    @BeforeEach
    void indexOneFile() throws IOException {
        TestMedia.jpeg(root.resolve("a.jpg"), 10, 10);
        MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false)).close();
        database = Database.open(root.resolve(".camroll/index.db"));
        store = new ScanStore(database);
        folder = store.albumsByPath().get("");
        KnownFile a = store.knownFiles(folder.rowId()).get("a.jpg");
        assertThat(a.keyed()).isTrue();
        rowOfA = a.assetRowId();
        idOfA = a.publicId();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aNewFileTakesTheRowOfAFileThatVanishedAfterTheWalk() throws IOException {
        Files.move(root.resolve("a.jpg"), root.resolve("b.jpg"));
        Files.copy(root.resolve("b.jpg"), root.resolve("c.jpg"));
        MoveMatcher moves = matcher();

        List<FileReading.Outcome> resolved = moves.resolve(List.of(read("b.jpg"), read("c.jpg")));

        assertThat(resolved.get(0).kind()).isEqualTo(FileReading.Kind.MOVED);
        assertThat(resolved.get(0).changes())
                .singleElement()
                .isInstanceOfSatisfying(ScanChange.Update.class, update -> {
                    assertThat(update.rowId()).isEqualTo(rowOfA);
                    assertThat(update.asset().filename()).isEqualTo("b.jpg");
                });
        // The row is taken once: the second file of the same content is a new asset.
        assertThat(resolved.get(1).kind()).isEqualTo(FileReading.Kind.ADDED);
        assertThat(moves.untaken()).isEmpty();
    }

    @Test
    void aRowWhoseFileIsInTheTrashFolderIsNotTaken() throws IOException {
        // A delete of another process moved the file to the trash and has not committed yet.
        Files.copy(root.resolve("a.jpg"), root.resolve("b.jpg"));
        Path trash = TrashFolder.of(root.resolve(".camroll"));
        Files.createDirectories(trash);
        Files.move(root.resolve("a.jpg"), trash.resolve(TrashFolder.fileName(idOfA, "a.jpg")));
        MoveMatcher moves = matcher();

        assertThat(kindOf(moves, "b.jpg")).isEqualTo(FileReading.Kind.ADDED);
    }

    @Test
    void aMoveOntoANameThatGotARowOfItsOwnIsNotMade() throws IOException {
        // The scan took b.jpg for a's file moved; meanwhile another process indexed b.jpg itself.
        Files.move(root.resolve("a.jpg"), root.resolve("b.jpg"));
        MoveMatcher moves = matcher();
        List<FileReading.Outcome> resolved = moves.resolve(List.of(read("b.jpg")));
        assertThat(resolved.getFirst().kind()).isEqualTo(FileReading.Kind.MOVED);
        store.apply(read("b.jpg").changes());
        long rowOfB = store.knownFiles(folder.rowId()).get("b.jpg").assetRowId();

        store.apply(resolved.getFirst().changes());

        assertThat(store.knownFiles(folder.rowId()))
                .containsOnlyKeys("a.jpg", "b.jpg")
                .satisfies(files -> {
                    assertThat(files.get("a.jpg").assetRowId()).isEqualTo(rowOfA);
                    assertThat(files.get("b.jpg").assetRowId()).isEqualTo(rowOfB);
                });
    }

    @Test
    void aNewFileWhoseContentStillHasItsFileIsACopy() throws IOException {
        Files.copy(root.resolve("a.jpg"), root.resolve("b.jpg"));
        MoveMatcher moves = matcher();

        assertThat(kindOf(moves, "b.jpg")).isEqualTo(FileReading.Kind.ADDED);
    }

    @Test
    void theGoneRowsNoFileTookAreLeft() {
        GoneAsset a = new GoneAsset(
                rowOfA,
                idOfA,
                folder.rowId(),
                "a.jpg",
                store.contentKeys(List.of(rowOfA)).get(rowOfA));
        GoneAsset old = new GoneAsset(99, "gone0000000000", folder.rowId(), "old.jpg", null);
        MoveMatcher moves = new MoveMatcher(root, root.resolve(".camroll"), store, List.of(a, old), true, Set.of());

        assertThat(store.contentKeys(List.of(rowOfA, 99L))).containsOnlyKeys(rowOfA);
        assertThat(moves.untaken()).containsExactlyInAnyOrder(a, old);
    }

    /** A matcher with no gone rows of its own: only the index lookup can take a row. */
    private MoveMatcher matcher() {
        return new MoveMatcher(root, root.resolve(".camroll"), store, List.of(), true, Set.of());
    }

    private FileReading.Kind kindOf(MoveMatcher moves, String name) throws IOException {
        List<FileReading.Outcome> resolved = moves.resolve(List.of(read(name)));
        assertThat(resolved).hasSize(1);
        return resolved.getFirst().kind();
    }

    private FileReading.Outcome read(String name) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(root.resolve(name), BasicFileAttributes.class);
        return FileReading.read(
                probe,
                root,
                new FoundFile(
                        "",
                        name,
                        attributes.size(),
                        attributes.lastModifiedTime().toMillis(),
                        null),
                folder.rowId());
    }
}
