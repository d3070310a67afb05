package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.Asset;
import dev.camroll.api.LibraryOptions;
import dev.camroll.core.access.Scope;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytes of an asset leave through the library: {@link ScopedLibrary#original} describes the
 * asset's own file and opens only it, never what a symbolic link put in its place (or in place of
 * its folder) after indexing points to.
 */
class OriginalFileTest {
    @TempDir
    Path root;

    @TempDir
    Path outside;

    private LocalMediaLibrary library;
    private ScopedLibrary owner;
    private Path file;
    private String id;

    @BeforeEach
    void open() {
        file = TestMedia.jpeg(root.resolve("Trips/beach.jpg"), 40, 30);
        library = LocalMediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
        owner = library.scoped(Scope.owner());
        id = library.getAssets(EVERYTHING).assets().stream()
                .map(Asset::id)
                .findFirst()
                .orElseThrow();
    }

    @AfterEach
    void close() {
        owner.close();
        library.close();
    }

    @Test
    void describesTheFileAndReadsItsBytesWithSeeking() throws IOException {
        OriginalFile original = owner.original(id).orElseThrow();
        assertThat(original.assetId()).isEqualTo(id);
        assertThat(original.filename()).isEqualTo("beach.jpg");
        assertThat(original.mimeType()).isEqualTo("image/jpeg");
        assertThat(original.size()).isEqualTo(Files.size(file));
        assertThat(original.lastModifiedMillis())
                .isEqualTo(Files.getLastModifiedTime(file).toMillis());
        assertThat(original.etag()).matches("\"[0-9a-f]{32}\"");
        assertThat(owner.original(id).orElseThrow().etag()).isEqualTo(original.etag());

        byte[] expected = Files.readAllBytes(file);
        try (SeekableByteChannel channel = original.open()) {
            assertThat(channel.size()).isEqualTo(expected.length);
            channel.position(10);
            ByteBuffer buffer = ByteBuffer.allocate(20);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {}
            assertThat(buffer.array()).isEqualTo(Arrays.copyOfRange(expected, 10, 30));
        }
        assertThat(owner.original("aaaaaaaaaaaaa")).isEmpty();
        assertThat(owner.original("not an id")).isEmpty();
    }

    @Test
    void theValidatorChangesWithTheBytesAndAStaleDescriptionOpensNothing() throws IOException {
        OriginalFile before = owner.original(id).orElseThrow();
        Files.write(file, TestMedia.jpegBytes(41, 30));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        OriginalFile after = owner.original(id).orElseThrow();
        assertThat(after.etag()).isNotEqualTo(before.etag());
        assertThat(after.size()).isEqualTo(Files.size(file));
        assertThatThrownBy(before::open).isInstanceOf(NoSuchFileException.class);
        try (SeekableByteChannel channel = after.open()) {
            assertThat(channel.size()).isEqualTo(Files.size(file));
        }
    }

    @Test
    void aFileReplacedByALinkAfterIndexingIsMissing() throws IOException {
        OriginalFile described = owner.original(id).orElseThrow();
        Path secret = TestMedia.jpegWithExif(
                outside.resolve("secret.jpg"),
                40,
                30,
                TestMedia.ExifSpec.builder().make("OutsideMaker").build());
        Files.delete(file);
        Files.createSymbolicLink(file, secret);

        assertThat(owner.original(id)).isEmpty();
        assertThatThrownBy(described::open).isInstanceOf(NoSuchFileException.class);
        // The EXIF of asset info is read through the same checks: nothing from the link's target.
        assertThat(library.getAssetInfo(id).exif()).isEmpty();
    }

    @Test
    void aFolderReplacedByALinkAfterIndexingIsMissing() throws IOException {
        Path elsewhere = Files.createDirectories(outside.resolve("Trips"));
        Files.copy(file, elsewhere.resolve("beach.jpg"));
        Files.delete(file);
        Files.delete(file.getParent());
        Files.createSymbolicLink(root.resolve("Trips"), elsewhere);

        assertThat(Files.isRegularFile(root.resolve("Trips/beach.jpg"))).isTrue();
        assertThat(owner.original(id)).isEqualTo(Optional.empty());
        assertThat(library.getAssetInfo(id).exif()).isEmpty();
    }

    @Test
    void aGoneFileIsMissing() throws IOException {
        Files.delete(file);
        assertThat(owner.original(id)).isEmpty();
    }
}
