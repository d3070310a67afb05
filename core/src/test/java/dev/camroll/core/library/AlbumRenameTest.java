package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.CamrollException;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.NotFoundException;
import dev.camroll.core.access.PhotosOnlyScope;
import dev.camroll.core.testing.DeadProcess;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renaming an album on a real library: the folder is renamed on disk, every asset keeps its id and
 * flag, other library objects see it, listeners hear the assets updated, bad and taken titles are
 * refused, and a rename cut between the folder's rename and the commit is undone.
 */
class AlbumRenameTest {
    private static final LibraryOptions NO_WATCH = LibraryOptions.defaults().withWatch(false);

    @TempDir
    Path root;

    @Test
    void theFolderIsRenamedAndEveryAssetKeepsItsIdAndFlag() {
        TestMedia.jpeg(root.resolve("Trips/beach.jpg"), 40, 30);
        TestMedia.jpeg(root.resolve("Trips/Day 2/hill.jpg"), 30, 40);
        TestMedia.jpeg(root.resolve("Pictures/home.jpg"), 20, 20);
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH);
                MediaLibrary other = MediaLibrary.open(root, NO_WATCH.withScanOnOpen(false))) {
            Map<String, String> before = idsByName(library);
            String trips = library.getAlbum("Trips").id();
            String day2 = library.getAlbum("Day 2").id();
            library.setFavorite(before.get("beach.jpg"), true);
            String token = library.changeToken();

            Album renamed = library.renameAlbum(trips, "Italy 2024");

            assertThat(renamed.id()).isEqualTo(trips);
            assertThat(renamed.title()).isEqualTo("Italy 2024");
            assertThat(renamed.assetCount()).isEqualTo(1);
            assertThat(root.resolve("Trips")).doesNotExist();
            assertThat(root.resolve("Italy 2024/beach.jpg")).isRegularFile();
            assertThat(root.resolve("Italy 2024/Day 2/hill.jpg")).isRegularFile();
            assertThat(idsByName(library)).isEqualTo(before);
            assertThat(library.getAssetInfo(before.get("beach.jpg")).isFavorite())
                    .isTrue();
            assertThat(library.getAssetInfo(before.get("beach.jpg")).asset().albumId())
                    .isEqualTo(trips);
            assertThat(library.getAlbum("Trips")).isNull();
            // The subfolder's album moved with it and kept its id and title.
            assertThat(library.getAlbum("Day 2").id()).isEqualTo(day2);

            ChangeSet changes = library.changesSince(token);
            assertThat(changes.updatedAssets())
                    .containsExactlyInAnyOrder(before.get("beach.jpg"), before.get("hill.jpg"));
            assertThat(changes.insertedAssets()).isEmpty();
            assertThat(changes.deletedAssets()).isEmpty();

            // Another library object on the folder reads the same index: the new title, the same ids.
            assertThat(other.getAlbum("Italy 2024").id()).isEqualTo(trips);
            assertThat(idsByName(other)).isEqualTo(before);

            // A scan finds nothing to change, and the thumbnails' originals are where the index says.
            library.scan(null);
            assertThat(idsByName(library)).isEqualTo(before);
            assertThat(library.getAssets(EVERYTHING).totalCount()).isEqualTo(3);
        }
        try (MediaLibrary reopened = MediaLibrary.open(root, NO_WATCH)) {
            assertThat(reopened.getAlbum("Italy 2024")).isNotNull();
            assertThat(reopened.getAssets(EVERYTHING).totalCount()).isEqualTo(3);
        }
    }

    @Test
    void anAssetTrashedBeforeTheRenameIsRestoredIntoTheRenamedAlbum() {
        TestMedia.jpeg(root.resolve("Trips/beach.jpg"), 40, 30);
        TestMedia.jpeg(root.resolve("Trips/Day 2/hill.jpg"), 30, 40);
        TestMedia.jpeg(root.resolve("Trips/dune.jpg"), 30, 30);
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            Map<String, String> ids = idsByName(library);
            String trips = library.getAlbum("Trips").id();
            String day2 = library.getAlbum("Day 2").id();
            library.deleteAssets(List.of(ids.get("beach.jpg"), ids.get("hill.jpg")));

            library.renameAlbum(trips, "Italy 2024");
            library.restoreAssets(List.of(ids.get("beach.jpg"), ids.get("hill.jpg")));

            // Back in the album they were trashed from, under its new name: the old folder is not
            // made again beside it.
            assertThat(root.resolve("Italy 2024/beach.jpg")).isRegularFile();
            assertThat(root.resolve("Italy 2024/Day 2/hill.jpg")).isRegularFile();
            assertThat(root.resolve("Trips")).doesNotExist();
            assertThat(library.getAssetInfo(ids.get("beach.jpg")).asset().albumId())
                    .isEqualTo(trips);
            assertThat(library.getAssetInfo(ids.get("hill.jpg")).asset().albumId())
                    .isEqualTo(day2);
            assertThat(library.getAlbum("Trips")).isNull();
        }
    }

    @Test
    void badTitlesAreInvalidAndTakenOnesAConflict() throws IOException {
        TestMedia.jpeg(root.resolve("Trips/beach.jpg"), 40, 30);
        TestMedia.jpeg(root.resolve("Work/desk.jpg"), 40, 30);
        TestMedia.jpeg(root.resolve("Trips/Sub/Work/rock.jpg"), 40, 30);
        TestMedia.jpeg(root.resolve("Pictures/home.jpg"), 20, 20);
        Files.createDirectories(root.resolve("Notes"));
        Path data = root.resolve("index-data");
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH.withDataDir(data))) {
            String trips = library.getAlbum("Trips").id();
            for (String bad : List.of("", "  ", "a/b", "a\\b", "..", ".hidden", "tab\there", "é".repeat(128))) {
                assertThat(codeOf(library, trips, bad)).as("title %s", bad).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            }
            assertThat(codeOf(library, trips, null)).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(catchThrowableOfType(CamrollException.class, () -> library.renameAlbum(trips, "a/b"))
                            .details())
                    .containsEntry("parameter", "title");
            // The data folder given inside the library is not a name an album may take.
            assertThat(codeOf(library, trips, "index-data")).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            // Another album's title, and a folder beside it that holds no media.
            assertThat(codeOf(library, trips, "Work")).isEqualTo(ErrorCode.CONFLICT);
            assertThat(codeOf(library, trips, "Notes")).isEqualTo(ErrorCode.CONFLICT);
            // Unknown, smart, the root and the default album.
            assertThat(codeOf(library, "aaaaaaaaaaaaa", "New")).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(codeOf(library, "smart-favorites", "New")).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(codeOf(library, library.getAlbum("Pictures").id(), "New"))
                    .isEqualTo(ErrorCode.INVALID_ARGUMENT);

            assertThat(root.resolve("Trips/beach.jpg")).isRegularFile();
            assertThat(library.getAlbum("Trips").id()).isEqualTo(trips);
            // Its own title changes nothing.
            assertThat(library.renameAlbum(trips, "Trips").title()).isEqualTo("Trips");
        }
    }

    @Test
    void aScopeRenamesOnlyAnAlbumItSeesWhole() {
        TestMedia.jpeg(root.resolve("Trips/beach.jpg"), 40, 30);
        TestMedia.video(root.resolve("Trips/clip.mp4"), 1, 64, 48);
        TestMedia.video(root.resolve("Clips/only.mp4"), 1, 64, 48);
        TestMedia.jpeg(root.resolve("Walks/path.jpg"), 40, 30);
        try (LocalMediaLibrary library = LocalMediaLibrary.open(root, NO_WATCH);
                ScopedLibrary photos = library.scoped(new PhotosOnlyScope())) {
            String trips = library.getAlbum("Trips").id();
            String clips = library.getAlbum("Clips").id();
            String walks = library.getAlbum("Walks").id();

            // An album it cannot see, and one holding a video it cannot see: as missing.
            NotFoundException hidden =
                    catchThrowableOfType(NotFoundException.class, () -> photos.renameAlbum(clips, "Mine"));
            NotFoundException missing =
                    catchThrowableOfType(NotFoundException.class, () -> photos.renameAlbum("aaaaaaaaaaaaa", "Mine"));
            assertThat(hidden.getMessage()).isEqualTo(missing.getMessage().replace("aaaaaaaaaaaaa", clips));
            assertThat(catchThrowableOfType(NotFoundException.class, () -> photos.renameAlbum(trips, "Mine")))
                    .isNotNull();
            assertThat(root.resolve("Trips/clip.mp4")).isRegularFile();

            assertThat(photos.renameAlbum(walks, "Paths").title()).isEqualTo("Paths");
            // The owner renames an album whatever it holds.
            assertThat(library.renameAlbum(trips, "Italy").title()).isEqualTo("Italy");
            assertThat(root.resolve("Italy/clip.mp4")).isRegularFile();
        }
    }

    @Test
    void aRenameKilledBeforeItsCommitIsUndoneAtTheNextOpen() throws Exception {
        TestMedia.jpeg(root.resolve("Trips/beach.jpg"), 40, 30);
        TestMedia.jpeg(root.resolve("Trips/Sub/hill.jpg"), 30, 40);
        Map<String, String> before;
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            before = idsByName(library);
            library.setFavorite(before.get("hill.jpg"), true);
        }
        // What a process killed between the folder's rename and the commit leaves.
        writeRenameJournal("Trips", "Italy", before);
        Files.move(root.resolve("Trips"), root.resolve("Italy"));
        renameJournalsToADeadProcess();

        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            assertThat(root.resolve("Trips/Sub/hill.jpg")).isRegularFile();
            assertThat(root.resolve("Italy")).doesNotExist();
            assertThat(idsByName(library)).isEqualTo(before);
            assertThat(library.getAssetInfo(before.get("hill.jpg")).isFavorite())
                    .isTrue();
            assertThat(library.getAlbum("Trips")).isNotNull();
            assertThat(journals()).isEmpty();
        }
    }

    @Test
    void aScanDuringARenameTakesItsFilesNeitherForNewNorForGone() throws Exception {
        TestMedia.jpeg(root.resolve("Trips/beach.jpg"), 40, 30);
        try (MediaLibrary library = MediaLibrary.open(root, NO_WATCH)) {
            Map<String, String> before = idsByName(library);
            // Another process renamed the folder and has not committed yet.
            writeRenameJournal("Trips", "Italy", before);
            Files.move(root.resolve("Trips"), root.resolve("Italy"));

            library.scan(null);
            assertThat(idsByName(library)).isEqualTo(before);
            assertThat(library.getAssets(EVERYTHING).totalCount()).isEqualTo(1);

            // That process ends without committing: the next scan renames the folder back.
            renameJournalsToADeadProcess();
            library.scan(null);
            assertThat(root.resolve("Trips/beach.jpg")).isRegularFile();
            assertThat(idsByName(library)).isEqualTo(before);
            assertThat(library.getAlbum("Trips")).isNotNull();
        }
    }

    private static ErrorCode codeOf(MediaLibrary library, String albumId, String title) {
        CamrollException e = catchThrowableOfType(CamrollException.class, () -> library.renameAlbum(albumId, title));
        assertThat(e).as("renaming %s to %s", albumId, title).isNotNull();
        return e.code();
    }

    private static Map<String, String> idsByName(MediaLibrary library) {
        return library.getAssets(EVERYTHING).assets().stream()
                .collect(Collectors.toMap(Asset::filename, Asset::id, (a, b) -> a, LinkedHashMap::new));
    }

    /** A journal as a rename of this process writes it, for the assets of {@code ids} under {@code from}. */
    private void writeRenameJournal(String from, String to, Map<String, String> ids) throws Exception {
        Path real = root.toRealPath();
        Path dataDir = real.resolve(LibraryLocation.DATA_FOLDER);
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(real.resolve(from))) {
            walk.filter(Files::isRegularFile)
                    .forEach(file -> files.put(ids.get(file.getFileName().toString()), file));
        }
        MoveJournal journal = new MoveJournal(real, dataDir);
        journal.recordFolder(real.resolve(from), real.resolve(to), files);
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
