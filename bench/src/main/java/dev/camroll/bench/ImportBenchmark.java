package dev.camroll.bench;

import dev.camroll.api.AssetQuery;
import dev.camroll.api.AssetSource;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Import throughput through the embedded API: {@code ImportBenchmark WORK_DIR [COUNT] [THREADS]
 * [RUNS]}. Generates COUNT (default 1,000) small camera JPEGs with EXIF into {@code WORK_DIR/source}
 * (as GenerateJpegLibrary, in one folder), then RUNS times (default 3) opens an empty library in
 * {@code WORK_DIR/library} ({@code LibraryOptions.defaults().withWatch(false)}) and imports every
 * file through {@code createAsset} into the default album from THREADS threads (default 4). Each run
 * starts from a fresh library and checks that the index holds COUNT assets afterwards. Prints every
 * run and the best one in files/s; the timed part is the imports only, not opening or closing.
 */
public final class ImportBenchmark {
    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 4) {
            System.err.println("usage: ImportBenchmark WORK_DIR [COUNT] [THREADS] [RUNS]");
            System.exit(2);
        }
        Path work = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;

        Path source = work.resolve("source");
        deleteTree(source);
        long started = System.nanoTime();
        long bytes = GenerateJpegLibrary.generate(new GeneratorArgs(source, count, 1, 1L));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        System.err.printf(
                Locale.ROOT,
                "generated %d JPEGs (%.1f MB) in %.1f s%n",
                files.size(),
                bytes / 1e6,
                (System.nanoTime() - started) / 1e9);

        double best = 0;
        List<String> all = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            double rate = importOnce(work.resolve("library"), files, threads);
            System.err.printf(Locale.ROOT, "  run %d: %.0f files/s%n", run, rate);
            all.add(String.format(Locale.ROOT, "%.0f", rate));
            best = Math.max(best, rate);
        }
        deleteTree(work.resolve("library"));
        System.out.printf(
                Locale.ROOT,
                "import of %d JPEGs (%.1f MB) through createAsset from %d threads: best of %d %.0f files/s (runs: %s)%n",
                files.size(),
                bytes / 1e6,
                threads,
                runs,
                best,
                String.join(", ", all));
    }

    /** Imports every file into a fresh library and returns files per second. */
    private static double importOnce(Path root, List<Path> files, int threads) throws Exception {
        deleteTree(root);
        Files.createDirectories(root);
        try (MediaLibrary library =
                MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false))) {
            long started;
            long elapsed;
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                List<Future<?>> done = new ArrayList<>(files.size());
                started = System.nanoTime();
                for (Path file : files) {
                    done.add(pool.submit(() -> library.createAsset(AssetSource.file(file), null)));
                }
                for (Future<?> future : done) {
                    future.get();
                }
                elapsed = System.nanoTime() - started;
            }
            long indexed = library.getAssets(AssetQuery.builder()
                            .first(1)
                            .mediaTypes(MediaType.PHOTO)
                            .build())
                    .totalCount();
            if (indexed != files.size()) {
                throw new IllegalStateException("the index holds " + indexed + " assets, not " + files.size());
            }
            return files.size() / (elapsed / 1e9);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
