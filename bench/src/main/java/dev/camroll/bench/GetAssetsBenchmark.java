package dev.camroll.bench;

import dev.camroll.api.Album;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.SortField;
import dev.camroll.api.SortKey;
import java.nio.file.Path;
import java.util.List;
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
 * getAssets(first = 100) with totalCount on a large index, each call starting at a cursor drawn
 * uniformly over the whole order of its query ({@link StartPoints}), for every sort key, key
 * combinations, a folder and a created-after/before range. Run by bench/get-assets.sh, which
 * builds the index and forks the measuring JVM with a 256 MB heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GetAssetsBenchmark {
    /** Ten years of synthetic assets start at 2017-07-14; this range is two of them. */
    private static final long RANGE_AFTER = 1_600_000_000_000L;

    private static final long RANGE_BEFORE = 1_663_000_000_000L;

    @Param({
        "default",
        "creationTimeAscending",
        "modificationTime",
        "mediaType",
        "widthAscending",
        "height",
        "durationAscending",
        "mediaTypeThenCreationTime",
        "widthThenMediaType",
        "creationTimeThenWidth",
        "album",
        "albumWidthAscending",
        "createdRange",
        "albumCreatedRange"
    })
    public String query;

    @Param({"bench/out/index-1000000"}) // set by bench/get-assets.sh
    public String library;

    @Param({"2048"})
    public int startPoints;

    private MediaLibrary mediaLibrary;
    private AssetQuery base;
    private List<String> cursors;
    private int next;

    @Setup(Level.Trial)
    public void open() {
        mediaLibrary = MediaLibrary.open(
                Path.of(library),
                LibraryOptions.defaults().withScanOnOpen(false).withWatch(false));
        base = query(query).first(100).build();
        cursors = StartPoints.draw(mediaLibrary, base, startPoints, 7);
    }

    private AssetQuery.Builder query(String name) {
        AssetQuery.Builder builder = AssetQuery.builder();
        return switch (name) {
            case "default" -> builder;
            case "creationTimeAscending" -> builder.sortBy(SortKey.asc(SortField.CREATION_TIME));
            case "modificationTime" -> builder.sortBy(SortKey.desc(SortField.MODIFICATION_TIME));
            case "mediaType" -> builder.sortBy(SortKey.asc(SortField.MEDIA_TYPE));
            case "widthAscending" -> builder.sortBy(SortKey.asc(SortField.WIDTH));
            case "height" -> builder.sortBy(SortKey.desc(SortField.HEIGHT));
            case "durationAscending" -> builder.sortBy(SortKey.asc(SortField.DURATION));
            case "mediaTypeThenCreationTime" ->
                builder.sortBy(SortKey.asc(SortField.MEDIA_TYPE), SortKey.desc(SortField.CREATION_TIME));
            case "widthThenMediaType" ->
                builder.sortBy(SortKey.desc(SortField.WIDTH), SortKey.asc(SortField.MEDIA_TYPE));
            case "creationTimeThenWidth" ->
                builder.sortBy(SortKey.desc(SortField.CREATION_TIME), SortKey.asc(SortField.WIDTH));
            case "album" -> builder.album(middleAlbum());
            case "albumWidthAscending" -> builder.album(middleAlbum()).sortBy(SortKey.asc(SortField.WIDTH));
            case "createdRange" -> builder.createdAfter(RANGE_AFTER).createdBefore(RANGE_BEFORE);
            case "albumCreatedRange" ->
                builder.album(middleAlbum()).createdAfter(RANGE_AFTER).createdBefore(RANGE_BEFORE);
            default -> throw new IllegalArgumentException("unknown query " + name);
        };
    }

    private String middleAlbum() {
        List<Album> albums = mediaLibrary.getAlbums(false);
        return albums.get(albums.size() / 2).id();
    }

    @TearDown(Level.Trial)
    public void close() {
        mediaLibrary.close();
    }

    /** The page after the next start point: every call starts somewhere else in the order. */
    @Benchmark
    public AssetPage getAssets() {
        String after = cursors.get(next++ % cursors.size());
        return mediaLibrary.getAssets(base.toBuilder().after(after).build());
    }
}
