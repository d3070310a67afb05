package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.AssetSource;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.NotFoundException;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryWritesTest {
    @TempDir
    Path root;

    @TempDir
    Path outside;

    @Test
    void purgeRemovesTheFilesAndExpiredTrashGoesAtOpen() throws IOException {
        Path trash = root.resolve(".camroll/trash");
        try (MediaLibrary library = MediaLibrary.open(root)) {
            String a = library.createAsset(AssetSource.bytes("a.jpg", TestMedia.jpegBytes(8, 8)), null)
                    .id();
            String b = library.createAsset(AssetSource.bytes("b.jpg", TestMedia.jpegBytes(8, 8)), null)
                    .id();
            library.deleteAssets(List.of(a));
            try (Stream<Path> files = Files.list(trash)) {
                assertThat(files).hasSize(1);
            }
            library.purgeTrash();
            assertThat(library.trashedAssets()).isEmpty();
            try (Stream<Path> files = Files.list(trash)) {
                assertThat(files).isEmpty();
            }
            assertThatThrownBy(() -> library.restoreAssets(List.of(a))).isInstanceOf(NotFoundException.class);
            library.deleteAssets(List.of(b));
        }
        try (MediaLibrary library = MediaLibrary.open(root, LibraryOptions.defaults())) {
            assertThat(library.trashedAssets()).hasSize(1);
        }
        try (MediaLibrary library =
                MediaLibrary.open(root, LibraryOptions.defaults().withTrashRetention(Duration.ZERO))) {
            assertThat(library.trashedAssets()).isEmpty();
            try (Stream<Path> files = Files.list(trash)) {
                assertThat(files).isEmpty();
            }
        }
    }

    @Test
    void anInterruptedDeleteIsUndoneAtOpen() throws IOException {
        String id;
        try (MediaLibrary library = MediaLibrary.open(root)) {
            id = library.createAsset(AssetSource.bytes("a.jpg", TestMedia.jpegBytes(8, 8)), null)
                    .id();
        }
        // As a crash after the file moved and before the index transaction leaves it.
        Path trash = Files.createDirectories(root.resolve(".camroll/trash"));
        Files.move(root.resolve("Pictures/a.jpg"), trash.resolve(id + ".jpg"));
        Files.write(trash.resolve("0000000000000.jpg"), TestMedia.jpegBytes(8, 8));
        try (MediaLibrary library = MediaLibrary.open(root)) {
            assertThat(root.resolve("Pictures/a.jpg")).exists();
            assertThat(library.getAssetInfo(id)).isNotNull();
            // A trash file without a row and without a sidecar is not Camroll's: it stays.
            try (Stream<Path> files = Files.list(trash)) {
                assertThat(files).containsExactly(trash.resolve("0000000000000.jpg"));
            }
        }
    }
}
