package dev.camroll.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.InvalidArgumentException;
import dev.camroll.core.metadata.MediaFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailCacheTest {

    @TempDir
    Path dir;

    private final Thumbnailer thumbnailer = new Thumbnailer();

    @Test
    void aThumbnailIsMadeOnceAndThenServedFromTheDataFolder() throws IOException {
        ThumbnailCache cache = new ThumbnailCache(dir.resolve("data"), thumbnailer);
        ThumbnailSource source = source("aaaa1111bbbb2", photo("one.jpg", 1600, 1200));

        CachedThumbnail first = cache.get(source, ThumbnailSize.GRID);
        Files.delete(source.file());
        CachedThumbnail again = cache.get(source, ThumbnailSize.GRID);

        assertThat(first.file()).startsWith(dir.resolve("data/thumbnails"));
        assertThat(again).isEqualTo(first);
        assertThat(first.mimeType()).isEqualTo("image/jpeg");
        assertThat(first.etag()).startsWith("\"").endsWith("\"");
        assertThat(first.length()).isEqualTo(Files.size(first.file()));
        assertThat(TestPictures.decode(new Thumbnail(again.readBytes(), 0, 0, "image/jpeg"))
                        .getWidth())
                .isEqualTo(256);
    }

    @Test
    void anEntryIsNeverServedAfterTheFileChanged() throws IOException {
        ThumbnailCache cache = new ThumbnailCache(dir.resolve("data"), thumbnailer);
        Path file = photo("photo.jpg", 1600, 1200);
        ThumbnailSource before = source("aaaa1111bbbb2", file);
        CachedThumbnail old = cache.get(before, ThumbnailSize.GRID);

        TestPictures.write(file, TestPictures.quadrant(600, 900), "jpg");
        ThumbnailSource after = source("aaaa1111bbbb2", file);
        CachedThumbnail fresh = cache.get(after, ThumbnailSize.GRID);

        assertThat(fresh.etag()).isNotEqualTo(old.etag());
        assertThat(TestPictures.decode(new Thumbnail(fresh.readBytes(), 0, 0, ""))
                        .getHeight())
                .isEqualTo(256);
        assertThat(old.file()).doesNotExist();
        assertThat(cache.contains(before, ThumbnailSize.GRID, ThumbnailFormat.JPEG))
                .isFalse();
    }

    @Test
    void sizesAndFormatsAreEntriesOfTheirOwn() {
        ThumbnailCache cache = new ThumbnailCache(dir.resolve("data"), thumbnailer);
        ThumbnailSource source = source("aaaa1111bbbb2", photo("one.jpg", 1600, 1200));

        CachedThumbnail grid = cache.get(source, ThumbnailSize.GRID);
        CachedThumbnail preview = cache.get(source, ThumbnailSize.PREVIEW);
        CachedThumbnail webp = cache.get(source, ThumbnailSize.GRID, ThumbnailFormat.WEBP);

        assertThat(List.of(grid.file(), preview.file(), webp.file())).doesNotHaveDuplicates();
        assertThat(List.of(grid.etag(), preview.etag(), webp.etag())).doesNotHaveDuplicates();
        assertThat(webp.mimeType()).isEqualTo("image/webp");
        assertThat(grid.file()).exists();
    }

    @Test
    void removingAnAssetRemovesItsEntries() {
        ThumbnailCache cache = new ThumbnailCache(dir.resolve("data"), thumbnailer);
        ThumbnailSource kept = source("keep000000001", photo("kept.jpg", 800, 600));
        ThumbnailSource gone = source("gone000000001", photo("gone.jpg", 800, 600));
        cache.get(kept, ThumbnailSize.GRID);
        CachedThumbnail entry = cache.get(gone, ThumbnailSize.GRID);
        cache.get(gone, ThumbnailSize.PREVIEW);

        cache.remove("gone000000001");

        assertThat(entry.file()).doesNotExist();
        assertThat(entry.file().getParent()).doesNotExist();
        assertThat(cache.contains(kept, ThumbnailSize.GRID, ThumbnailFormat.JPEG))
                .isTrue();
        cache.remove("never00000001"); // nothing to remove: no error
    }

    @Test
    void manyThreadsAskingAtOnceGetOneCompleteEntryAndNoLeftovers() throws Exception {
        ThumbnailCache cache = new ThumbnailCache(dir.resolve("data"), thumbnailer);
        ThumbnailSource source = source("aaaa1111bbbb2", photo("one.jpg", 3000, 2000));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<CachedThumbnail>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> cache.get(source, ThumbnailSize.PREVIEW));
            }
            List<CachedThumbnail> results = new ArrayList<>();
            for (Future<CachedThumbnail> result : threads.invokeAll(calls)) {
                results.add(result.get());
            }
            assertThat(results).containsOnly(results.getFirst());
        } finally {
            threads.shutdownNow();
        }
        try (Stream<Path> files = Files.walk(cache.folder())) {
            assertThat(files.filter(Files::isRegularFile).toList()).hasSize(1);
        }
    }

    @Test
    void anEmptyEntryLeftByACrashIsMadeAgain() throws IOException {
        ThumbnailCache cache = new ThumbnailCache(dir.resolve("data"), thumbnailer);
        ThumbnailSource source = source("aaaa1111bbbb2", photo("one.jpg", 800, 600));
        CachedThumbnail made = cache.get(source, ThumbnailSize.GRID);
        Files.write(made.file(), new byte[0]);

        CachedThumbnail again = cache.get(source, ThumbnailSize.GRID);

        assertThat(again.length()).isPositive();
        assertThat(Files.size(again.file())).isPositive();
    }

    @Test
    void aTemporaryFileLeftByAProcessThatDiedIsRemovedWithTheNextEntry() throws IOException {
        ThumbnailCache cache = new ThumbnailCache(dir.resolve("data"), thumbnailer);
        ThumbnailSource source = source("aaaa1111bbbb2", photo("one.jpg", 800, 600));
        Path folder = cache.get(source, ThumbnailSize.GRID).file().getParent();
        Path abandoned = Files.write(folder.resolve(ThumbnailCache.TEMPORARY_PREFIX + "1.tmp"), new byte[100]);
        Files.setLastModifiedTime(
                abandoned,
                java.nio.file.attribute.FileTime.fromMillis(
                        System.currentTimeMillis() - ThumbnailCache.ABANDONED_AFTER.toMillis() - 1000));
        Path writing = Files.write(folder.resolve(ThumbnailCache.TEMPORARY_PREFIX + "2.tmp"), new byte[100]);

        cache.get(source, ThumbnailSize.PREVIEW);

        assertThat(abandoned).doesNotExist();
        assertThat(writing).as("another process may be writing it now").exists();
    }

    @Test
    void aFileWithoutThumbnailStoresNothing() throws IOException {
        ThumbnailCache cache = new ThumbnailCache(dir.resolve("data"), thumbnailer);
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        ThumbnailSource source = new ThumbnailSource("aaaa1111bbbb2", text, MediaFormat.PNG, 13, 1);

        assertThatThrownBy(() -> cache.get(source, ThumbnailSize.GRID)).isInstanceOf(NoThumbnailException.class);
        assertThat(cache.contains(source, ThumbnailSize.GRID, ThumbnailFormat.JPEG))
                .isFalse();
        if (Files.exists(cache.folder())) {
            try (Stream<Path> files = Files.walk(cache.folder())) {
                assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
            }
        }
    }

    @Test
    void anIdThatCouldLeaveTheCacheFolderIsRefused() {
        ThumbnailCache cache = new ThumbnailCache(dir.resolve("data"), thumbnailer);
        Path file = photo("one.jpg", 100, 100);

        for (String id : List.of("../../etc", "a/b", "", ".")) {
            assertThatThrownBy(() -> cache.get(source(id, file), ThumbnailSize.GRID))
                    .isInstanceOf(InvalidArgumentException.class);
        }
    }

    private Path photo(String name, int width, int height) {
        return TestPictures.write(dir.resolve("library").resolve(name), TestPictures.quadrant(width, height), "jpg");
    }

    /** The source as the index would describe the file now. */
    static ThumbnailSource source(String id, Path file) {
        try {
            return new ThumbnailSource(
                    id,
                    file,
                    MediaFormat.JPEG,
                    Files.size(file),
                    Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            return new ThumbnailSource(id, file, MediaFormat.JPEG, 0, 0);
        }
    }
}
