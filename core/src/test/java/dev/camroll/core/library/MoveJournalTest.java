package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.AssetSource;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.core.testing.DeadProcess;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A move killed after its files were placed and before its rows followed is undone at open. */
class MoveJournalTest {
    private static final AssetQuery EVERYTHING =
            AssetQuery.builder().mediaTypes(MediaType.PHOTO).first(1_000).build();
    private static final LibraryOptions NO_WATCH = LibraryOptions.defaults().withWatch(false);

    @TempDir
    Path root;

    @Test
    void aFileMovedBeforeTheCommitGoesBackWithItsIdAndFlag() throws Exception {
        String moved;
        String other;
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            moved = library.createAsset(AssetSource.bytes("a.jpg", TestMedia.jpegBytes(8, 8)), null)
                    .id();
            other = library.createAsset(AssetSource.bytes("b.jpg", TestMedia.jpegBytes(9, 9)), null)
                    .id();
            library.setFavorite(moved, true);
            library.createAlbum("Trips", other, false, null);
        }
        Path from = root.resolve("Pictures/a.jpg");
        Path to = root.resolve("Trips/a.jpg");
        // What a killed move leaves: the name written down, the file under it, the row unchanged.
        writeJournalOfDeadProcess(moved, from, to);
        Files.createLink(to, from);
        Files.delete(from);

        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            assertThat(from).exists();
            assertThat(to).doesNotExist();
            List<Asset> assets = library.getAssets(EVERYTHING).assets();
            assertThat(assets).extracting(Asset::id).containsExactlyInAnyOrder(moved, other);
            assertThat(library.getAssetInfo(moved).isFavorite()).isTrue();
            assertThat(journals()).isEmpty();
        }
    }

    @Test
    void aSecondNameIsRemovedAndAnotherFileUnderTheNameIsLeftAlone() throws Exception {
        String moved;
        String other;
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            moved = library.createAsset(AssetSource.bytes("a.jpg", TestMedia.jpegBytes(8, 8)), null)
                    .id();
            String second = library.createAsset(AssetSource.bytes("c.jpg", TestMedia.jpegBytes(7, 7)), null)
                    .id();
            other = library.createAsset(AssetSource.bytes("a.jpg", TestMedia.jpegBytes(9, 9)), null)
                    .id();
            library.createAlbum("Trips", other, false, null);
            assertThat(root.resolve("Trips/a (1).jpg")).exists();
            // The link made, the old name not yet removed.
            writeJournalOfDeadProcess(moved, root.resolve("Pictures/a.jpg"), root.resolve("Trips/a.jpg"));
            // The name tried first was another file's.
            writeJournalOfDeadProcess(second, root.resolve("Pictures/c.jpg"), root.resolve("Trips/a (1).jpg"));
        }
        Files.createLink(root.resolve("Trips/a.jpg"), root.resolve("Pictures/a.jpg"));

        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            assertThat(root.resolve("Trips/a.jpg")).doesNotExist();
            assertThat(root.resolve("Pictures/a.jpg")).exists();
            assertThat(root.resolve("Trips/a (1).jpg")).exists();
            assertThat(root.resolve("Pictures/c.jpg")).exists();
            assertThat(library.getAssets(EVERYTHING).totalCount()).isEqualTo(3);
            assertThat(library.getAssetInfo(other).localUri()).endsWith("Trips/a%20(1).jpg");
            assertThat(journals()).isEmpty();
        }
    }

    @Test
    void aFileWhoseOldNameAnotherFileTookStays() throws Exception {
        String moved;
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            moved = library.createAsset(AssetSource.bytes("a.jpg", TestMedia.jpegBytes(8, 8)), null)
                    .id();
            String other = library.createAsset(AssetSource.bytes("b.jpg", TestMedia.jpegBytes(9, 9)), null)
                    .id();
            library.createAlbum("Trips", other, false, null);
        }
        Path from = root.resolve("Pictures/a.jpg");
        Path to = root.resolve("Trips/a.jpg");
        writeJournalOfDeadProcess(moved, from, to);
        Files.createLink(to, from);
        Files.delete(from);
        Files.write(from, TestMedia.jpegBytes(12, 12));

        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            assertThat(to).exists();
            assertThat(from).exists();
            assertThat(library.getAssets(EVERYTHING).totalCount()).isEqualTo(3);
            assertThat(journals()).isEmpty();
        }
    }

    @Test
    void aScanOfALibraryKeptOpenRollsBackAMoveWhoseProcessDied() throws Exception {
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            String moved = library.createAsset(AssetSource.bytes("a.jpg", TestMedia.jpegBytes(8, 8)), null)
                    .id();
            String other = library.createAsset(AssetSource.bytes("b.jpg", TestMedia.jpegBytes(9, 9)), null)
                    .id();
            library.createAlbum("Trips", other, false, null);
            Path from = root.resolve("Pictures/a.jpg");
            Path to = root.resolve("Trips/a.jpg");
            // Another process linked the new name and died: a watching process only scans.
            writeJournalOfDeadProcess(moved, from, to);
            Files.createLink(to, from);

            library.scan(null);

            assertThat(to).doesNotExist();
            assertThat(from).exists();
            assertThat(idsIn(library)).containsExactlyInAnyOrder(moved, other);
            assertThat(journals()).isEmpty();
        }
    }

    @Test
    void aFileThatAMoveStillRunningPlacedIsNeitherANewAssetNorAGoneOne() throws Exception {
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            String moved = library.createAsset(AssetSource.bytes("a.jpg", TestMedia.jpegBytes(8, 8)), null)
                    .id();
            String other = library.createAsset(AssetSource.bytes("b.jpg", TestMedia.jpegBytes(9, 9)), null)
                    .id();
            library.createAlbum("Trips", other, false, null);
            library.setFavorite(moved, true);
            Path from = root.resolve("Pictures/a.jpg");
            Path to = root.resolve("Trips/a.jpg");
            writeJournal(moved, from, to);
            Files.createLink(to, from);

            // Linked under the new name: not a copy, which the move's commit would drop again.
            library.scan(null);
            assertThat(idsIn(library)).containsExactlyInAnyOrder(moved, other);

            // The old name removed: the row waits for the commit instead of being deleted.
            Files.delete(from);
            library.scan(null);
            assertThat(idsIn(library)).containsExactlyInAnyOrder(moved, other);

            // The moving process ends before its row followed: the next scan puts the file back.
            renameJournalsToADeadProcess();
            library.scan(null);
            assertThat(from).exists();
            assertThat(to).doesNotExist();
            assertThat(idsIn(library)).containsExactlyInAnyOrder(moved, other);
            assertThat(library.getAssetInfo(moved).isFavorite()).isTrue();
        }
    }

    private static List<String> idsIn(MediaLibrary library) {
        return library.getAssets(EVERYTHING).assets().stream().map(Asset::id).toList();
    }

    /** A journal as a move writes it, under the name of a process that has ended. */
    private void writeJournalOfDeadProcess(String id, Path from, Path to) throws Exception {
        writeJournal(id, from, to);
        renameJournalsToADeadProcess();
    }

    /** A journal as a move of this process writes it. */
    private void writeJournal(String id, Path from, Path to) throws Exception {
        Path dataDir = root.toRealPath().resolve(LibraryLocation.DATA_FOLDER);
        MoveJournal journal = new MoveJournal(root.toRealPath(), dataDir);
        journal.record(id, from.toRealPath(), to.getParent().toRealPath().resolve(to.getFileName()));
        journal.close();
    }

    private void renameJournalsToADeadProcess() throws Exception {
        long dead = DeadProcess.pid();
        String live = "-" + ProcessHandle.current().pid() + "-";
        for (Path file : journals()) {
            String name = file.getFileName().toString();
            if (name.contains(live)) {
                Files.move(file, file.resolveSibling(name.replace(live, "-" + dead + "-")));
            }
        }
    }

    private List<Path> journals() throws IOException {
        Path folder = root.resolve(LibraryLocation.DATA_FOLDER).resolve(MoveJournal.FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
