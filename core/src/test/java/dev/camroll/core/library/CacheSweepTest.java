package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.AssetQuery;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.core.access.Scope;
import dev.camroll.core.media.CacheSweeper;
import dev.camroll.core.media.SweepReport;
import dev.camroll.core.media.ThumbnailSize;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thumbnail and rendition caches keep only entries of assets the index knows, whatever removed
 * the others, and the sweep that removes them deletes nothing else.
 */
class CacheSweepTest {
    @TempDir
    Path root;

    @TempDir
    Path outside;

    private LocalMediaLibrary open() {
        return (LocalMediaLibrary)
                MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
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

    /** The asset's thumbnail folder and rendition folder, with an entry made in each. */
    private static List<Path> entriesOf(ScopedLibrary owner, String id) {
        Path thumbnail = owner.thumbnail(id, ThumbnailSize.GRID).orElseThrow().file();
        AssetRendition rendition = owner.rendition(id, Duration.ofSeconds(60)).orElseThrow();
        Path converted = ((AssetRendition.Converted) rendition).rendition().file();
        return List.of(thumbnail, converted);
    }

    private static void awaitSweeps(LocalMediaLibrary library, int count) throws InterruptedException {
        CacheSweeper sweeper = library.cacheSweeper();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sweeper.sweepsDone() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(sweeper.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(sweeper.sweepsDone()).isGreaterThanOrEqualTo(count);
    }

    @Test
    void entriesOfAnAssetDeletedWhileNoSweepRanGoAtTheNextStartAndATrashedOneKeepsThem() throws Exception {
        // TIFF: a browser cannot show it, so each asset has a rendition beside its thumbnail.
        Path removed = TestMedia.tiff(root.resolve("removed.tif"), 300, 200);
        TestMedia.tiff(root.resolve("kept.tif"), 310, 200);
        TestMedia.tiff(root.resolve("trashed.tif"), 320, 200);
        List<Path> removedEntries;
        List<Path> keptEntries;
        List<Path> trashedEntries;
        try (LocalMediaLibrary library = open()) {
            ScopedLibrary owner = library.scoped(Scope.owner());
            removedEntries = entriesOf(owner, idOf(library, "removed.tif"));
            keptEntries = entriesOf(owner, idOf(library, "kept.tif"));
            String trashed = idOf(library, "trashed.tif");
            trashedEntries = entriesOf(owner, trashed);
            owner.deleteAssets(List.of(trashed));
        }

        // Deleted while no server ran, then indexed by another library object (its scan on open).
        Files.delete(removed);
        try (LocalMediaLibrary scanning = open()) {
            assertThat(scanning.getAssets(AssetQuery.builder().first(10).build())
                            .assets())
                    .hasSize(1);
        }
        assertThat(removedEntries)
                .as("nothing sweeps before a sweeping process starts")
                .allMatch(Files::exists);

        try (LocalMediaLibrary serving = open()) {
            serving.sweepCachesInBackground();
            awaitSweeps(serving, 1);

            for (Path entry : removedEntries) {
                assertThat(entry.getParent()).doesNotExist();
            }
            assertThat(keptEntries).allMatch(Files::exists);
            assertThat(trashedEntries).as("a trashed asset can come back").allMatch(Files::exists);
            SweepReport report = serving.cacheSweeper().lastReport();
            assertThat(report.foldersOfGoneAssets()).isEqualTo(2);
            assertThat(report.foldersSeen()).isEqualTo(6);
            assertThat(serving.cacheSweeper().lowestPriority()).isTrue();
        }
    }

    @Test
    void aScanThatRemovesRowsInASweepingProcessSweepsAgain() throws Exception {
        TestMedia.jpeg(root.resolve("kept.jpg"), 300, 200);
        Path removed = TestMedia.jpeg(root.resolve("removed.jpg"), 310, 200);
        try (LocalMediaLibrary library = open()) {
            ScopedLibrary owner = library.scoped(Scope.owner());
            Path keptEntry = owner.thumbnail(idOf(library, "kept.jpg"), ThumbnailSize.GRID)
                    .orElseThrow()
                    .file();
            Path removedEntry = owner.thumbnail(idOf(library, "removed.jpg"), ThumbnailSize.GRID)
                    .orElseThrow()
                    .file();
            library.sweepCachesInBackground();
            awaitSweeps(library, 1);
            assertThat(removedEntry).exists();

            Files.delete(removed);
            library.scan(null);
            awaitSweeps(library, 2);

            assertThat(removedEntry.getParent()).doesNotExist();
            assertThat(keptEntry).exists();
        }
    }

    @Test
    void theSweepFollowsNoLinkAndLeavesALiveWritersTemporaryFile() throws Exception {
        TestMedia.jpeg(root.resolve("kept.jpg"), 300, 200);
        Path thumbnails = root.resolve(".camroll/thumbnails");
        Path renditions = root.resolve(".camroll/renditions");
        // The user's files, reachable only through links planted in the caches.
        Path theirs = Files.createDirectories(outside.resolve("theirs"));
        Path theirFile = Files.writeString(theirs.resolve("letter.txt"), "keep me");
        Path theirTree = Files.createDirectories(outside.resolve("tree/go/goneasset0001"));
        Path theirTreeFile = Files.writeString(theirTree.resolve("grid-1-1-r1.jpg"), "keep me too");
        try (LocalMediaLibrary library = open()) {
            // A link as an asset folder, a link as an entry, a link as the renditions folder.
            Files.createDirectories(thumbnails.resolve("li"));
            Files.createSymbolicLink(thumbnails.resolve("li/linkedasset01"), theirs);
            Path gone = Files.createDirectories(thumbnails.resolve("go/goneasset0002"));
            Path linkedEntry = Files.createSymbolicLink(gone.resolve("grid-1-1-r1.jpg"), theirFile);
            Path oldEntry = Files.writeString(gone.resolve("preview-1-1-r1.jpg"), "made long ago");
            Path liveTemporary = Files.writeString(gone.resolve(".making-123.tmp"), "being written");
            Path deadTemporary = Files.writeString(gone.resolve(".making-456.tmp"), "writer died");
            FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofHours(3)));
            Files.setLastModifiedTime(oldEntry, longAgo);
            Files.setLastModifiedTime(deadTemporary, longAgo);
            Files.setLastModifiedTime(liveTemporary, FileTime.from(Instant.now().minusSeconds(5)));
            Files.createSymbolicLink(renditions, outside.resolve("tree"));

            SweepReport report = library.sweepCaches();

            assertThat(theirFile).hasContent("keep me");
            assertThat(theirTreeFile).hasContent("keep me too");
            assertThat(Files.isSymbolicLink(thumbnails.resolve("li/linkedasset01")))
                    .isTrue();
            assertThat(Files.isSymbolicLink(linkedEntry)).isTrue();
            assertThat(Files.isSymbolicLink(renditions)).isTrue();
            assertThat(oldEntry).doesNotExist();
            assertThat(deadTemporary).doesNotExist();
            assertThat(liveTemporary)
                    .as("another process may still be writing it")
                    .exists();
            assertThat(report.filesRemoved()).isEqualTo(2);
            assertThat(Files.exists(gone, LinkOption.NOFOLLOW_LINKS))
                    .as("it still holds the link")
                    .isTrue();
        }
    }
}
