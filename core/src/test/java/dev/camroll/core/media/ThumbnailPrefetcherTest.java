package dev.camroll.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.core.metadata.MediaFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailPrefetcherTest {

    @TempDir
    Path dir;

    @Test
    void submittedAssetsGetTheirThumbnailsMadeAheadAtTheLowestPriority() throws Exception {
        ThumbnailCache cache = new ThumbnailCache(dir.resolve("data"), new Thumbnailer());
        List<ThumbnailSource> sources = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sources.add(source("asset00000000" + i, i));
        }
        Path text = Files.writeString(dir.resolve("library/notes.png"), "not a picture");
        sources.add(2, new ThumbnailSource("notapicture01", text, MediaFormat.PNG, 13, 1));

        try (ThumbnailPrefetcher prefetcher =
                new ThumbnailPrefetcher(cache, List.of(ThumbnailSize.GRID, ThumbnailSize.PREVIEW))) {
            prefetcher.submit(sources);
            assertThat(prefetcher.awaitIdle(Duration.ofSeconds(60))).isTrue();

            assertThat(prefetcher.pending()).isZero();
            assertThat(prefetcher.lowestPriority()).isTrue();
            assertThat(niceOfThread(ThumbnailPrefetcher.THREAD_NAME)).isEqualTo(19);
        }
        for (ThumbnailSource source : sources) {
            boolean picture = !source.assetId().equals("notapicture01");
            assertThat(cache.contains(source, ThumbnailSize.GRID, ThumbnailFormat.JPEG))
                    .as(source.assetId())
                    .isEqualTo(picture);
            assertThat(cache.contains(source, ThumbnailSize.PREVIEW, ThumbnailFormat.JPEG))
                    .isEqualTo(picture);
        }
    }

    @Test
    void everyGridThumbnailIsMadeBeforeAnyPreview() throws Exception {
        ThumbnailCache cache = new ThumbnailCache(dir.resolve("data"), new Thumbnailer());
        List<ThumbnailSource> first = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            first.add(source("first0000000" + i, i));
        }
        List<ThumbnailSource> later = List.of(source("later00000000", 9));

        try (ThumbnailPrefetcher prefetcher =
                new ThumbnailPrefetcher(cache, List.of(ThumbnailSize.GRID, ThumbnailSize.PREVIEW))) {
            prefetcher.submit(first);
            // Handed on while the first ones are being made, as a copied file is after a scan:
            // its grid still comes before the previews of those waiting.
            prefetcher.submit(later);
            assertThat(prefetcher.awaitIdle(Duration.ofSeconds(60))).isTrue();
        }
        List<ThumbnailSource> all = new ArrayList<>(first);
        all.addAll(later);
        long lastGrid = Long.MIN_VALUE;
        long firstPreview = Long.MAX_VALUE;
        for (ThumbnailSource source : all) {
            lastGrid = Math.max(lastGrid, madeAt(cache.get(source, ThumbnailSize.GRID)));
            firstPreview = Math.min(firstPreview, madeAt(cache.get(source, ThumbnailSize.PREVIEW)));
        }
        assertThat(lastGrid)
                .as("the last grid thumbnail was written before the first preview")
                .isLessThan(firstPreview);
    }

    /** When an entry was written, to the nanosecond the file system keeps. */
    private static long madeAt(CachedThumbnail entry) throws IOException {
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(entry.file());
        return time.to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    @Test
    void closeStopsTheThreadAndDropsWhatWaits() throws Exception {
        ThumbnailCache cache = new ThumbnailCache(dir.resolve("data"), new Thumbnailer());
        Path big = TestPictures.write(dir.resolve("library/big.png"), TestPictures.quadrant(3000, 2000), "png");
        List<ThumbnailSource> sources = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sources.add(new ThumbnailSource("big" + i, big, MediaFormat.PNG, Files.size(big), i));
        }
        ThumbnailPrefetcher prefetcher = new ThumbnailPrefetcher(cache);
        prefetcher.submit(sources);

        long start = System.nanoTime();
        prefetcher.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(prefetcher.pending()).isZero();
        assertThat(threadNamed(ThumbnailPrefetcher.THREAD_NAME)).isFalse();
        long made;
        try (Stream<Path> files = Files.walk(cache.folder())) {
            made = files.filter(file -> file.toString().endsWith(".jpg")).count();
        } catch (java.nio.file.NoSuchFileException e) {
            made = 0;
        }
        assertThat(made).isLessThan(200);
    }

    private ThumbnailSource source(String id, int index) throws IOException {
        Path file = TestPictures.write(
                dir.resolve("library/photo" + index + ".jpg"), TestPictures.quadrant(1200 + index, 900), "jpg");
        return ThumbnailCacheTest.source(id, file);
    }

    /** The nice value of this process's thread of that name, from /proc (field 19 of its stat). */
    private static int niceOfThread(String name) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                if (Files.readString(task.resolve("comm")).strip().equals(name)) {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    return Integer.parseInt(fields[16]);
                }
            }
        }
        throw new AssertionError("no thread named " + name);
    }

    private static boolean threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals(name));
    }
}
