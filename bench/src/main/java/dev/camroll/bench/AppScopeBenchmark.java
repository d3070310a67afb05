package dev.camroll.bench;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.Selection;
import dev.camroll.core.library.LocalMediaLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
 * getAssets(first = 100) with totalCount through an app's scope on a large index, against the same
 * query for the owner: an app whose selection holds 10,000 items drawn at random, and an app
 * granted photos only. Each call starts at a cursor drawn uniformly over the caller's own order
 * ({@link StartPoints}). Run by bench/app-scope.sh, which builds the index.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AppScopeBenchmark {
    @Param({"owner", "limited10k", "photosOnly"})
    public String caller;

    @Param({"bench/out/index-1000000"}) // set by bench/app-scope.sh
    public String library;

    @Param({"10000"})
    public int selected;

    @Param({"2048"})
    public int startPoints;

    private LocalMediaLibrary local;
    private MediaLibrary seen;
    private AssetQuery base;
    private List<String> cursors;
    private int next;

    @Setup(Level.Trial)
    public void open() {
        local = (LocalMediaLibrary) MediaLibrary.open(
                Path.of(library),
                LibraryOptions.defaults().withScanOnOpen(false).withWatch(false));
        base = AssetQuery.builder().first(100).build();
        seen = switch (caller) {
            case "owner" -> local;
            case "limited10k" -> {
                AppId app = new AppId("bench-limited");
                local.grants()
                        .set(
                                app,
                                Grant.limited(Set.of(GranularPermission.values()), false),
                                new Selection(randomIds(selected), Set.of()));
                yield local.forApp(app);
            }
            case "photosOnly" -> {
                AppId app = new AppId("bench-photos");
                local.grants().set(app, Grant.all(Set.of(GranularPermission.PHOTO), false));
                yield local.forApp(app);
            }
            default -> throw new IllegalArgumentException("unknown caller " + caller);
        };
        cursors = StartPoints.draw(seen, base, startPoints, 7);
    }

    /** Ids of assets of every type drawn at random over the whole library (the same ones each run). */
    private Set<String> randomIds(int count) {
        AssetQuery all = AssetQuery.builder()
                .mediaTypes(MediaType.PHOTO, MediaType.VIDEO, MediaType.AUDIO)
                .first(AssetQuery.MAX_FIRST)
                .build();
        List<String> ids = new ArrayList<>();
        String after = null;
        while (true) {
            AssetPage page = local.getAssets(all.toBuilder().after(after).build());
            for (Asset asset : page.assets()) {
                ids.add(asset.id());
            }
            if (!page.hasNextPage()) {
                break;
            }
            after = page.endCursor();
        }
        Collections.shuffle(ids, new Random(11));
        return new HashSet<>(ids.subList(0, Math.min(count, ids.size())));
    }

    @TearDown(Level.Trial)
    public void close() {
        if (seen != local) {
            seen.close();
        }
        local.close();
    }

    /** The page after the next start point: every call starts somewhere else in the order. */
    @Benchmark
    public AssetPage getAssets() {
        String after = cursors.get(next++ % cursors.size());
        return seen.getAssets(base.toBuilder().after(after).build());
    }
}
