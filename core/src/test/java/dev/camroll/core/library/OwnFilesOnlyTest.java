package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.Asset;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.scan.WriteTempFiles;
import dev.camroll.core.store.DataFolderException;
import dev.camroll.core.store.DataFolderProblem;
import dev.camroll.core.testing.DeadProcess;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camroll deletes and moves only what it put there itself: never through a symbolic link planted
 * in place of its folders or files, and never a file of the user's in a data folder they chose.
 */
class OwnFilesOnlyTest {
    private static final LibraryOptions OPTIONS = LibraryOptions.defaults().withWatch(false);

    @TempDir
    Path root;

    @TempDir
    Path users;

    @Test
    void aLinkPlantedAsTheTrashMakesNoCommandDeleteWhatItPointsTo() throws IOException {
        TestMedia.jpeg(root.resolve("a.jpg"), 20, 20);
        String id;
        try (MediaLibrary library = MediaLibrary.open(root, OPTIONS)) {
            id = library.getAssets(EVERYTHING).assets().getFirst().id();
        }
        List<Path> precious = usersFiles("IMG_0001.jpg", "0123456789abc.jpg", ".hidden.jpg");
        Files.createSymbolicLink(root.resolve(".camroll/trash"), users);

        try (MediaLibrary library = MediaLibrary.open(root, OPTIONS.withTrashRetention(Duration.ZERO))) {
            assertThat(library.getAssets(EVERYTHING).totalCount()).isEqualTo(1);
            assertThatThrownBy(() -> library.deleteAssets(List.of(id)))
                    .isInstanceOfSatisfying(DataFolderException.class, e -> assertThat(e.problem())
                            .isEqualTo(DataFolderProblem.NOT_OUR_FOLDER))
                    .hasMessageContaining("symbolic link");
            library.purgeTrash();
        }
        assertThat(precious).allMatch(Files::exists);
        assertThat(root.resolve("a.jpg"))
                .as("the asset was not moved through the link")
                .exists();
        assertThat(users.resolve(id + ".jpg")).doesNotExist();
    }

    @Test
    void aDataFolderHoldingTheUsersOwnTrashFolderLosesNoneOfItsFiles() throws IOException {
        Path data = users.resolve("data");
        Files.createDirectories(data.resolve("trash"));
        Path theirs = Files.write(data.resolve("trash/IMG_0002.jpg"), TestMedia.jpegBytes(10, 10));
        Path idLike = Files.write(data.resolve("trash/0123456789abc.jpg"), TestMedia.jpegBytes(11, 10));
        Path hidden = Files.write(data.resolve("trash/.notes"), new byte[] {1, 2, 3});
        TestMedia.jpeg(root.resolve("a.jpg"), 20, 20);

        LibraryOptions options = OPTIONS.withDataDir(data).withTrashRetention(Duration.ZERO);
        try (MediaLibrary library = MediaLibrary.open(root, options)) {
            String id = library.getAssets(EVERYTHING).assets().getFirst().id();
            library.deleteAssets(List.of(id));
            library.purgeTrash();
            assertThat(data.resolve("trash/" + id + ".jpg"))
                    .as("its own trash file is purged")
                    .doesNotExist();
        }
        MediaLibrary.open(root, options).close();
        assertThat(List.of(theirs, idLike, hidden)).allMatch(Files::exists);
    }

    @Test
    void aLinkPlantedAsATrashEntryIsNotFollowed() throws IOException {
        TestMedia.jpeg(root.resolve("a.jpg"), 20, 20);
        Path precious = usersFiles("keep.jpg").getFirst();
        try (MediaLibrary library = MediaLibrary.open(root, OPTIONS)) {
            Asset asset = library.getAssets(EVERYTHING).assets().getFirst();
            library.deleteAssets(List.of(asset.id()));
            Path entry = root.resolve(".camroll/trash/" + asset.id() + ".jpg");
            Files.delete(entry);
            Files.createSymbolicLink(entry, precious);
            assertThatThrownBy(() -> library.restoreAssets(List.of(asset.id())))
                    .hasMessageContaining("no longer holds");
            library.purgeTrash();
        }
        MediaLibrary.open(root, OPTIONS).close();
        assertThat(precious).exists();
        assertThat(root.resolve("a.jpg")).doesNotExist();
    }

    @Test
    void aLinkPlantedAsTheMoveJournalsIsNotFollowed() throws IOException, InterruptedException {
        TestMedia.jpeg(root.resolve("a.jpg"), 20, 20);
        MediaLibrary.open(root, OPTIONS).close();
        // Named as the journal of a dead process would be: rolled back and deleted, were it ours.
        String journal = WriteTempFiles.PREFIX + DeadProcess.pid() + "-0011223344556677.moves";
        List<Path> precious = usersFiles(journal);
        Files.createSymbolicLink(root.resolve(".camroll/moves"), users);

        MediaLibrary.open(root, OPTIONS).close();
        assertThat(precious).allMatch(Files::exists);
    }

    private List<Path> usersFiles(String... names) throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (String name : names) {
            files.add(Files.write(users.resolve(name), TestMedia.jpegBytes(12, 12)));
        }
        return files;
    }
}
