package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.ScanReport;
import dev.camroll.api.ScanWarning;
import dev.camroll.core.store.DataFolderException;
import dev.camroll.core.store.DataFolderProblem;
import dev.camroll.core.testing.FileRights;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data folder as a user may find it: a damaged index is moved aside, never deleted, and
 * rebuilt from the folder tree and the trash, with one line saying so; a read-only or immutable
 * data folder still answers queries and refuses writes naming the folder; a data path that is a
 * file is refused, naming it.
 */
class DataFolderTest {
    private static final LibraryOptions QUERY =
            LibraryOptions.defaults().withWatch(false).withScanOnOpen(false);

    @TempDir
    Path root;

    private Path data;
    private String trashedId;

    @BeforeEach
    void libraryWithOneTrashedPhoto() {
        data = root.resolve(".camroll");
        for (int i = 0; i < 5; i++) {
            TestMedia.jpeg(root.resolve("Trip/p" + i + ".jpg"), 20 + i, 20);
        }
        try (MediaLibrary library =
                MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false))) {
            trashedId = library.getAssets(EVERYTHING).assets().getFirst().id();
            library.deleteAssets(List.of(trashedId));
        }
    }

    @Test
    void anIndexThatIsNotADatabaseIsMovedAsideAndRebuilt() throws IOException {
        byte[] garbage = new byte[10_000];
        Arrays.fill(garbage, (byte) 'x');
        Files.write(index(), garbage);

        assertRebuilt(garbage, "not an SQLite database");
    }

    @Test
    void aTruncatedIndexIsMovedAsideAndRebuilt() throws IOException {
        byte[] whole = Files.readAllBytes(index());
        byte[] half = Arrays.copyOf(whole, 8_192);
        assertThat(whole.length).isGreaterThan(half.length);
        Files.write(index(), half, StandardOpenOption.TRUNCATE_EXISTING);

        assertRebuilt(half, "truncated");
    }

    @Test
    void scanSaysWhatHappenedToADamagedIndex() throws IOException {
        Files.writeString(index(), "this is not an index, but it is what the folder holds now");
        try (MediaLibrary library = MediaLibrary.open(root, QUERY)) {
            ScanReport report = library.scan(null);
            assertThat(report.warnings()).extracting(ScanWarning::message).anySatisfy(message -> assertThat(message)
                    .contains("damaged")
                    .contains("moved to"));
        }
    }

    private void assertRebuilt(byte[] damaged, String cause) throws IOException {
        try (MediaLibrary library = MediaLibrary.open(root, QUERY)) {
            assertThat(library.notices()).singleElement().satisfies(notice -> assertThat(notice)
                    .contains(index().toString())
                    .contains(cause)
                    .contains(".damaged-")
                    .doesNotContain("\n"));
            assertThat(library.getAssets(EVERYTHING).totalCount())
                    .as("rebuilt from the folder tree")
                    .isEqualTo(4);
            assertThat(library.trashedAssets()).as("and from the trash").containsExactly(trashedId);
            library.restoreAssets(List.of(trashedId));
        }
        List<Path> aside = asideFiles();
        assertThat(aside).as("the damaged index is kept, not deleted").hasSize(1);
        assertThat(Files.readAllBytes(aside.getFirst())).isEqualTo(damaged);
        try (MediaLibrary library = MediaLibrary.open(root, QUERY)) {
            assertThat(library.notices()).as("told once").isEmpty();
        }
    }

    @Test
    void anImmutableDataFolderAnswersQueriesAndRefusesWrites() throws IOException {
        assumeTrue(FileRights.immutable(data, true), "chattr +i is not available here (needs root on ext4 or alike)");
        try (MediaLibrary library = MediaLibrary.open(root, QUERY)) {
            assertThat(library.getAssets(EVERYTHING).totalCount()).isEqualTo(4);
            assertThat(library.trashedAssets()).containsExactly(trashedId);
            String id = library.getAssets(EVERYTHING).assets().getFirst().id();
            assertThatThrownBy(() -> library.deleteAssets(List.of(id)))
                    .isInstanceOfSatisfying(DataFolderException.class, e -> assertThat(e.problem())
                            .isEqualTo(DataFolderProblem.READ_ONLY))
                    .hasMessageContaining(data.toRealPath().toString())
                    .hasMessageContaining("cannot be written");
            assertThatThrownBy(() -> library.setFavorite(id, true)).isInstanceOf(DataFolderException.class);
            assertThatThrownBy(() -> library.scan(null)).isInstanceOf(DataFolderException.class);
        } finally {
            FileRights.immutable(data, false);
        }
        try (MediaLibrary library = MediaLibrary.open(root, QUERY)) {
            assertThat(library.getAssets(EVERYTHING).totalCount())
                    .as("nothing changed")
                    .isEqualTo(4);
        }
    }

    @Test
    void aReadOnlyDataFolderAnswersQueriesAndRefusesWrites() throws Exception {
        assumeTrue(FileRights.canDropOverride(), "needs root and setpriv to run a process held by permission bits");
        var before = Files.getPosixFilePermissions(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
        String out;
        try {
            out = WriterChild.run(
                    FileRights.WITHOUT_OVERRIDE, WriterChild.QUERY_THEN_DELETE, root.toString(), trashedId);
        } finally {
            Files.setPosixFilePermissions(data, before);
        }
        assertThat(out)
                .contains("assets 4")
                .contains("failed DataFolderException")
                .contains("cannot be written");
    }

    @Test
    void aDataPathThatIsAFileIsRefusedNamingIt() throws IOException {
        Path file = Files.writeString(root.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> MediaLibrary.open(root, QUERY.withDataDir(file)))
                .isInstanceOfSatisfying(DataFolderException.class, e -> assertThat(e.problem())
                        .isEqualTo(DataFolderProblem.NOT_A_FOLDER))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a folder");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    private Path index() {
        return data.resolve("index.db");
    }

    private List<Path> asideFiles() throws IOException {
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(path -> path.getFileName().toString().matches("index\\.db\\.damaged-[0-9-]+"))
                    .toList();
        }
    }
}
