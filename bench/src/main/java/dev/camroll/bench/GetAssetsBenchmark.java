package dev.camroll.bench;

import dev.camroll.api.Album;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.SortField;
import dev.camroll.api.SortKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * getAssets(first = 100) with totalCount on a large index: the first page, and pages that start
 * after a random asset (any depth). Run by bench/get-assets.sh, which builds the index and forks
 * the measuring JVM with a 256 MB heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GetAssetsBenchmark {
    @Param({"default", "widthAscending", "album"})
    public String query;

    @Param({"first", "random"})
    public String page;

    @Param({"bench/out/index-1000000"}) // set by bench/get-assets.sh
    public String library;

    private MediaLibrary mediaLibrary;
    private AssetQuery base;
    private final List<String> startIds = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void open() {
        mediaLibrary = MediaLibrary.open(
                Path.of(library),
                LibraryOptions.defaults().withScanOnOpen(false).withWatch(false));
        AssetQuery.Builder builder = AssetQuery.builder().first(100);
        switch (query) {
            case "default" -> {}
            case "widthAscending" -> builder.sortBy(SortKey.asc(SortField.WIDTH));
            case "album" -> {
                List<Album> albums = mediaLibrary.getAlbums(false);
                builder.album(albums.get(albums.size() / 2).id());
            }
            default -> throw new IllegalArgumentException("unknown query " + query);
        }
        base = builder.build();
        // Random starting points: the ids of assets met on pages reached through random dates.
        Random random = new Random(7);
        while (startIds.size() < 512) {
            long before = 1_500_000_000_000L + (long) (random.nextDouble() * 10L * 365 * 24 * 3600 * 1000);
            AssetPage sample = mediaLibrary.getAssets(
                    base.toBuilder().first(5).createdBefore(before).build());
            sample.assets().forEach(asset -> startIds.add(asset.id()));
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        mediaLibrary.close();
    }

    @Benchmark
    public AssetPage getAssets() {
        if (page.equals("first")) {
            return mediaLibrary.getAssets(base);
        }
        String after = startIds.get(next++ % startIds.size());
        return mediaLibrary.getAssets(base.toBuilder().after(after).build());
    }
}
