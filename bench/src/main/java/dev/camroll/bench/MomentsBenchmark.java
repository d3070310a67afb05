package dev.camroll.bench;

import dev.camroll.api.Album;
import dev.camroll.api.Location;
import dev.camroll.api.MediaType;
import dev.camroll.core.access.Scope;
import dev.camroll.core.metadata.ReaderVersions;
import dev.camroll.core.moments.MomentIndex;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.Database;
import dev.camroll.core.store.NewAsset;
import dev.camroll.core.store.ScanChange;
import dev.camroll.core.store.ScanStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The figures of moments on a synthetic index shaped like a camera roll: outings of a few to a
 * hundred photos and videos taken minutes apart, one to three a day on two days out of three,
 * three quarters of them with GPS around one of 40 towns (trips move between towns), eight years
 * in all. Prints the first computation (a whole grouping, the gazetteer's first load included),
 * {@code getMoments()} afterwards, and the update of a moment after one asset arrives (p50 / p99).
 *
 * <p>Usage: {@code MomentsBenchmark LIBRARY_DIR COUNT} (the index is made anew).
 */
public final class MomentsBenchmark {
    private static final double[][] TOWNS = {
        {48.8566, 2.3522}, {45.7640, 4.8357}, {43.2965, 5.3698}, {51.5072, -0.1276}, {52.5200, 13.4050},
        {41.9028, 12.4964}, {40.4168, -3.7038}, {38.7223, -9.1393}, {50.8503, 4.3517}, {52.3676, 4.9041},
        {47.3769, 8.5417}, {48.2082, 16.3738}, {50.0755, 14.4378}, {59.3293, 18.0686}, {55.6761, 12.5683},
        {60.1699, 24.9384}, {53.3498, -6.2603}, {37.9838, 23.7275}, {41.0082, 28.9784}, {40.7128, -74.0060},
        {34.0522, -118.2437}, {37.7749, -122.4194}, {41.8781, -87.6298}, {45.5017, -73.5673}, {35.6762, 139.6503},
        {34.6937, 135.5023}, {37.5665, 126.9780}, {22.3193, 114.1694}, {1.3521, 103.8198}, {-33.8688, 151.2093},
        {-37.8136, 144.9631}, {-36.8485, 174.7633}, {-22.9068, -43.1729}, {-34.6037, -58.3816}, {19.4326, -99.1332},
        {30.0444, 31.2357}, {-33.9249, 18.4241}, {25.2048, 55.2708}, {28.6139, 77.2090}, {13.7563, 100.5018}
    };

    private MomentsBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MomentsBenchmark LIBRARY_DIR COUNT");
            System.exit(2);
        }
        Path library = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        if (Files.exists(library)) {
            try (Stream<Path> files = Files.walk(library)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(library);
        try (Database database = Database.open(library.resolve(".camroll/index.db"))) {
            ScanStore store = new ScanStore(database);
            AlbumRow album = store.addAlbum("DCIM", "DCIM");
            Random random = new Random(42);
            List<Long> times = write(store, album, random, count);
            database.optimize();
            MomentIndex moments = new MomentIndex(database, ZoneOffset.UTC);

            long started = System.nanoTime();
            List<Album> first = moments.moments(Scope.owner());
            double firstMs = (System.nanoTime() - started) / 1e6;
            long located =
                    first.stream().filter(m -> m.approximateLocation() != null).count();
            System.err.printf(
                    "%,d assets, %,d moments (%,d placed); first one: %s, %s%n",
                    count,
                    first.size(),
                    located,
                    first.getFirst().title(),
                    first.getFirst().locationNames());

            double[] reads = new double[200];
            for (int i = 0; i < reads.length; i++) {
                long t = System.nanoTime();
                moments.moments(Scope.owner());
                reads[i] = (System.nanoTime() - t) / 1e6;
            }

            // One asset arrives beside an existing one, as a photo copied in or taken: its moment grows.
            double[] updates = new double[200];
            for (int i = 0; i < updates.length; i++) {
                long near = times.get(random.nextInt(times.size())) + random.nextInt(600_000);
                double[] town = TOWNS[random.nextInt(TOWNS.length)];
                store.apply(List.of(
                        new ScanChange.Insert(asset(album, "added-" + i + ".jpg", near, around(town, random)))));
                long t = System.nanoTime();
                moments.catchUp();
                updates[i] = (System.nanoTime() - t) / 1e6;
            }
            System.out.printf(
                    "moments of %,d assets: first computation %.0f ms; getMoments() afterwards p50 %.1f ms, p99 %.1f ms;"
                            + " an added asset updates its moment p50 %.2f ms, p99 %.2f ms%n",
                    count,
                    firstMs,
                    percentile(reads, 50),
                    percentile(reads, 99),
                    percentile(updates, 50),
                    percentile(updates, 99));
        }
    }

    /** The camera roll; returns the creation times written. */
    private static List<Long> write(ScanStore store, AlbumRow album, Random random, int count) {
        List<Long> times = new ArrayList<>(count);
        List<ScanChange> batch = new ArrayList<>();
        long day = 1_420_070_400_000L; // 2015-01-01
        int town = 0;
        int written = 0;
        while (written < count) {
            day += 86_400_000L;
            if (random.nextInt(3) == 0) {
                continue;
            }
            if (random.nextInt(20) == 0) {
                town = random.nextInt(TOWNS.length); // a trip
            }
            int outings = 1 + random.nextInt(3);
            for (int o = 0; o < outings && written < count; o++) {
                long time = day + (8 + o * 5L) * 3_600_000L + random.nextInt(3_600_000);
                int shots = 1 + (int) Math.min(100, Math.abs(random.nextGaussian()) * 20);
                boolean gps = random.nextInt(4) != 0;
                for (int s = 0; s < shots && written < count; s++) {
                    time += random.nextInt(300_000);
                    Location place = gps ? around(TOWNS[town], random) : null;
                    batch.add(new ScanChange.Insert(asset(album, String.format("IMG_%07d.jpg", written), time, place)));
                    times.add(time);
                    written++;
                    if (batch.size() == 20_000) {
                        store.apply(batch);
                        batch.clear();
                    }
                }
            }
        }
        store.apply(batch);
        return times;
    }

    private static Location around(double[] town, Random random) {
        return new Location(town[0] + random.nextGaussian() * 0.02, town[1] + random.nextGaussian() * 0.02);
    }

    private static NewAsset asset(AlbumRow album, String name, long time, Location place) {
        return new NewAsset(
                album.rowId(),
                name,
                MediaType.PHOTO,
                "JPEG",
                Set.of(),
                4032,
                3024,
                1,
                time,
                time,
                0,
                2_000_000,
                place,
                "Apple",
                "iPhone",
                List.of(),
                null,
                ReaderVersions.current(MediaType.PHOTO));
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
