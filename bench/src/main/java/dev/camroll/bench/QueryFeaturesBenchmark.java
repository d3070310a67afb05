package dev.camroll.bench;

import dev.camroll.api.AssetField;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.Comparison;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
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
 * What a date scrubber and expo's {@code next} Query ask of a large index: counts per month of the
 * whole library (every media type) in UTC and in a zone with daylight saving time, counts per
 * month with a field filter (counted row by row), a page of 100 at an offset drawn uniformly over
 * the whole result, and a page of 100 with a field filter. Run by bench/query-features.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class QueryFeaturesBenchmark {
    @Param({"monthsUtc", "monthsParis", "monthsParisWide", "pageAtOffset", "pageWide"})
    public String query;

    @Param({"bench/out/index-100000"}) // set by bench/query-features.sh
    public String library;

    private MediaLibrary mediaLibrary;
    private AssetQuery all;
    private AssetQuery wide;
    private long total;
    private final Random random = new Random(7);

    @Setup(Level.Trial)
    public void open() {
        mediaLibrary = MediaLibrary.open(
                Path.of(library),
                LibraryOptions.defaults().withScanOnOpen(false).withWatch(false));
        all = AssetQuery.builder()
                .mediaTypes(EnumSet.allOf(MediaType.class))
                .first(100)
                .build();
        wide = all.toBuilder().where(AssetField.WIDTH, Comparison.GTE, 1920).build();
        total = mediaLibrary.getAssets(all).totalCount();
    }

    @TearDown(Level.Trial)
    public void close() {
        mediaLibrary.close();
    }

    @Benchmark
    public Object run() {
        return switch (query) {
            case "monthsUtc" -> mediaLibrary.monthCounts(all, ZoneOffset.UTC);
            case "monthsParis" -> mediaLibrary.monthCounts(all, ZoneId.of("Europe/Paris"));
            case "monthsParisWide" -> mediaLibrary.monthCounts(wide, ZoneId.of("Europe/Paris"));
            case "pageAtOffset" ->
                mediaLibrary.getAssets(all.toBuilder()
                        .offset((int) (random.nextDouble() * total))
                        .build());
            case "pageWide" -> mediaLibrary.getAssets(wide);
            default -> throw new IllegalArgumentException("unknown query " + query);
        };
    }
}
