package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.AssetQuery;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.core.access.Scope;
import dev.camroll.core.media.CachedThumbnail;
import dev.camroll.core.media.NoThumbnailException;
import dev.camroll.core.media.ThumbnailSize;
import dev.camroll.core.testing.TestMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryThumbnailsTest {
    @TempDir
    Path root;

    private LocalMediaLibrary open() {
        return (LocalMediaLibrary) MediaLibrary.open(root, LibraryOptions.defaults());
    }

    private static String idOf(MediaLibrary library, String filename) {
        return library
                .getAssets(AssetQuery.builder()
                        .first(100)
                        .mediaTypes(EnumSet.allOf(MediaType.class))
                        .build())
                .assets()
                .stream()
                .filter(asset -> asset.filename().equals(filename))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void aThumbnailIsMadeIntoTheDataFolderAndServedFromItAgain() throws Exception {
        TestMedia.jpeg(root.resolve("wide.jpg"), 800, 400);
        try (LocalMediaLibrary library = open()) {
            ScopedLibrary owner = library.scoped(Scope.owner());
            String id = idOf(library, "wide.jpg");

            CachedThumbnail made = owner.thumbnail(id, ThumbnailSize.GRID).orElseThrow();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(made.readBytes()));
            assertThat(image.getWidth()).isEqualTo(256);
            assertThat(image.getHeight()).isEqualTo(128);
            assertThat(made.file()).startsWith(root.resolve(".camroll/thumbnails"));
            assertThat(made.mimeType()).isEqualTo("image/jpeg");

            long written = Files.getLastModifiedTime(made.file()).toMillis();
            Thread.sleep(20);
            CachedThumbnail again = owner.thumbnail(id, ThumbnailSize.GRID).orElseThrow();
            assertThat(again.etag()).isEqualTo(made.etag());
            assertThat(Files.getLastModifiedTime(again.file()).toMillis()).isEqualTo(written);
        }
    }

    @Test
    void anUnknownAssetHasNoThumbnailAndAudioWithoutArtSaysWhy() {
        TestMedia.audio(root.resolve("song.mp3"), 1);
        try (LocalMediaLibrary library = open()) {
            ScopedLibrary owner = library.scoped(Scope.owner());
            assertThat(owner.thumbnail("no-such-asset", ThumbnailSize.GRID)).isEmpty();
            String id = idOf(library, "song.mp3");
            assertThatThrownBy(() -> owner.thumbnail(id, ThumbnailSize.PREVIEW))
                    .isInstanceOfSatisfying(NoThumbnailException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.NO_THUMBNAIL));
        }
    }

    @Test
    void aPurgedAssetLeavesNoThumbnailBehind() throws Exception {
        TestMedia.jpeg(root.resolve("gone.jpg"), 300, 200);
        TestMedia.jpeg(root.resolve("kept.jpg"), 300, 200);
        try (LocalMediaLibrary library = open()) {
            ScopedLibrary owner = library.scoped(Scope.owner());
            String gone = idOf(library, "gone.jpg");
            String kept = idOf(library, "kept.jpg");
            Path goneEntry =
                    owner.thumbnail(gone, ThumbnailSize.GRID).orElseThrow().file();
            Path keptEntry =
                    owner.thumbnail(kept, ThumbnailSize.GRID).orElseThrow().file();

            owner.deleteAssets(List.of(gone));
            assertThat(goneEntry).as("a trashed asset can come back").exists();
            owner.purgeTrash();

            assertThat(goneEntry.getParent()).doesNotExist();
            assertThat(keptEntry).exists();
            assertThat(owner.thumbnail(gone, ThumbnailSize.GRID)).isEmpty();
        }
    }

    @Test
    void thumbnailsAreMadeAheadForEveryAssetAtTheLowestPriority() throws Exception {
        for (int i = 0; i < 5; i++) {
            TestMedia.jpeg(root.resolve("photo" + i + ".jpg"), 400, 300);
        }
        TestMedia.audio(root.resolve("song.mp3"), 1);
        try (LocalMediaLibrary library = open()) {
            ScopedLibrary owner = library.scoped(Scope.owner());

            assertThat(owner.makeThumbnailsAhead()).isEqualTo(6);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (owner.thumbnailsPending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(owner.thumbnailsPending()).isZero();
            // The grid thumbnail and the preview of each photo; the song has neither.
            try (Stream<Path> entries = Files.walk(root.resolve(".camroll/thumbnails"))) {
                assertThat(entries.map(file -> file.getFileName().toString())
                                .filter(name -> name.endsWith(".jpg"))
                                .map(name -> name.substring(0, name.indexOf('-'))))
                        .containsExactlyInAnyOrder(
                                "grid", "grid", "grid", "grid", "grid", "preview", "preview", "preview", "preview",
                                "preview");
            }
        }
    }

    @Test
    void followingChangesMakesNewThumbnailsAndDropsThoseOfFilesDeletedFromTheFolder() throws Exception {
        // Three different pictures: the same bytes under another name would be taken for a move.
        TestMedia.jpeg(root.resolve("trashed.jpg"), 300, 200);
        Path removed = TestMedia.jpeg(root.resolve("removed.jpg"), 310, 200);
        try (LocalMediaLibrary library = open()) {
            ScopedLibrary owner = library.scoped(Scope.owner());
            String trashed = idOf(library, "trashed.jpg");
            Path trashedEntry =
                    owner.thumbnail(trashed, ThumbnailSize.GRID).orElseThrow().file();
            Path removedEntry = owner.thumbnail(idOf(library, "removed.jpg"), ThumbnailSize.GRID)
                    .orElseThrow()
                    .file();
            String token = owner.changeToken();

            owner.deleteAssets(List.of(trashed));
            Files.delete(removed);
            TestMedia.jpeg(root.resolve("added.jpg"), 320, 200);
            owner.scan(null);
            owner.followWithThumbnails(owner.changesSince(token));

            assertThat(removedEntry.getParent()).doesNotExist();
            assertThat(trashedEntry).exists();
            String added = idOf(library, "added.jpg");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (owner.thumbnailsPending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            try (Stream<Path> entries = Files.walk(root.resolve(".camroll/thumbnails"))) {
                assertThat(entries.filter(file ->
                                file.getParent().getFileName().toString().equals(added)))
                        .as("its grid thumbnail and its preview")
                        .hasSize(2);
            }
        }
    }
}
