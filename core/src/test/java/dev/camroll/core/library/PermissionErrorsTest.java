package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.testing.FileRights;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A permission error is not a missing file: a delete or a move that cannot do its work fails,
 * naming why, and changes nothing. Folders are made read-only or unreachable for a child process
 * that cannot override permission bits, and immutable for this one (root included).
 */
class PermissionErrorsTest {
    private static final LibraryOptions OPTIONS = LibraryOptions.defaults().withWatch(false);

    @TempDir
    Path root;

    private String id;
    private Album album;
    private Path photos;

    @BeforeEach
    void library() {
        photos = root.resolve("Photos");
        TestMedia.jpeg(photos.resolve("a.jpg"), 30, 20);
        TestMedia.jpeg(root.resolve("Trip/b.jpg"), 20, 20);
        try (MediaLibrary library = MediaLibrary.open(root, OPTIONS)) {
            id = library.getAssets(EVERYTHING).assets().stream()
                    .filter(asset -> asset.filename().equals("a.jpg"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            album = library.getAlbum("Trip");
        }
    }

    @Test
    void aDeleteFromAnUnreachableFolderFailsAndKeepsTheAsset() throws Exception {
        assumeTrue(FileRights.canDropOverride(), "needs root and setpriv to run a process held by permission bits");
        String out = withPermissions(
                photos,
                "---------",
                () -> WriterChild.run(FileRights.WITHOUT_OVERRIDE, WriterChild.DELETE, root.toString(), id));

        assertThat(out).startsWith("failed").contains("a.jpg").contains("nothing was deleted");
        assertUnchanged();
    }

    @Test
    void aDeleteFromAReadOnlyFolderFailsAndKeepsTheAsset() throws Exception {
        assumeTrue(FileRights.canDropOverride(), "needs root and setpriv to run a process held by permission bits");
        String out = withPermissions(
                photos,
                "r-xr-xr-x",
                () -> WriterChild.run(FileRights.WITHOUT_OVERRIDE, WriterChild.DELETE, root.toString(), id));

        assertThat(out).startsWith("failed").contains("a.jpg");
        assertUnchanged();
    }

    @Test
    void aDeleteFromAnImmutableFolderFailsAndKeepsTheAsset() throws Exception {
        assumeTrue(FileRights.immutable(photos, true), "chattr +i is not available here (needs root on ext4 or alike)");
        try (MediaLibrary library = MediaLibrary.open(root, OPTIONS)) {
            assertThatThrownBy(() -> library.deleteAssets(List.of(id)))
                    .hasMessageContaining("a.jpg")
                    .hasMessageContaining("immutable");
        } finally {
            FileRights.immutable(photos, false);
        }
        assertUnchanged();
    }

    @Test
    void aMoveOutOfAnImmutableFolderRemovesTheLinkItMade() throws Exception {
        assumeTrue(FileRights.immutable(photos, true), "chattr +i is not available here (needs root on ext4 or alike)");
        try (MediaLibrary library = MediaLibrary.open(root, OPTIONS)) {
            assertThatThrownBy(() -> library.addAssetsToAlbum(List.of(id), album.id(), false))
                    .hasMessageContaining("a.jpg");
        } finally {
            FileRights.immutable(photos, false);
        }
        assertUnchanged();
    }

    @Test
    void aMoveOutOfAReadOnlyFolderFailsAndLeavesNoCopy() throws Exception {
        assumeTrue(FileRights.canDropOverride(), "needs root and setpriv to run a process held by permission bits");
        String out = withPermissions(
                photos,
                "r-xr-xr-x",
                () -> WriterChild.run(FileRights.WITHOUT_OVERRIDE, WriterChild.MOVE, root.toString(), album.id(), id));

        assertThat(out).startsWith("failed");
        assertUnchanged();
    }

    /** The asset is where it was, with its id, once; the album it was to go to has no copy. */
    private void assertUnchanged() throws IOException {
        assertThat(photos.resolve("a.jpg")).exists();
        try (Stream<Path> trip = Files.list(root.resolve("Trip"))) {
            assertThat(trip.map(path -> path.getFileName().toString())).containsExactly("b.jpg");
        }
        try (MediaLibrary library = MediaLibrary.open(root, OPTIONS)) {
            Asset asset = library.getAssetInfo(id).asset();
            assertThat(asset.filename()).isEqualTo("a.jpg");
            assertThat(asset.albumId()).isNotEqualTo(album.id());
            assertThat(library.trashedAssets()).isEmpty();
            assertThat(library.getAssets(EVERYTHING).totalCount()).isEqualTo(2);
        }
    }

    private static <T> T withPermissions(Path folder, String permissions, Work<T> work) throws Exception {
        var before = Files.getPosixFilePermissions(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString(permissions));
        try {
            return work.run();
        } finally {
            Files.setPosixFilePermissions(folder, before);
        }
    }

    private interface Work<T> {
        T run() throws Exception;
    }
}
