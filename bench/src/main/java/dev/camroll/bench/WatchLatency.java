package dev.camroll.bench;

import dev.camroll.api.ChangeSet;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How long a file copied into an open library by another program takes to reach a change listener:
 * {@code WatchLatency LIBRARY [COPIES]}. Opens LIBRARY (scan and watch, as MediaLibrary.open does),
 * then, COPIES times (default 50), copies a JPEG of the library into {@code LIBRARY/incoming-watch/}
 * and measures from the end of the copy to the event that tells of the inserted asset. The copies
 * are removed at the end.
 */
public final class WatchLatency {
    private static final String FOLDER = "incoming-watch";
    private static final long TIMEOUT_SECONDS = 30;

    private WatchLatency() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1 || args.length > 2 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: WatchLatency LIBRARY [COPIES] (LIBRARY: an existing folder holding a JPEG)");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path source = firstJpeg(root);
        Path incoming = root.resolve(FOLDER);
        deleteTree(incoming);
        Files.createDirectories(incoming);

        List<Double> millis = new ArrayList<>();
        long opening = System.nanoTime();
        try (MediaLibrary library = MediaLibrary.open(root, LibraryOptions.defaults())) {
            System.err.printf(Locale.ROOT, "opened (scan and watch) in %.2f s%n", (System.nanoTime() - opening) / 1e9);
            BlockingQueue<Long> heard = new LinkedBlockingQueue<>();
            library.addListener((ChangeSet changes) -> {
                if (!changes.insertedAssets().isEmpty()) {
                    heard.add(System.nanoTime());
                }
            });
            for (int i = 0; i < copies; i++) {
                Files.copy(source, incoming.resolve("copy-" + i + ".jpg"));
                long copied = System.nanoTime();
                Long told = heard.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (told == null) {
                    throw new IllegalStateException("no event within " + TIMEOUT_SECONDS + " s for copy " + i);
                }
                millis.add((told - copied) / 1e6);
                // Let the library settle, so that each copy is measured on its own.
                Thread.sleep(300);
                heard.clear();
            }
        } finally {
            deleteTree(incoming);
        }
        millis.sort(Comparator.naturalOrder());
        System.out.printf(
                Locale.ROOT,
                "%d copies: median %.0f ms, p90 %.0f ms, min %.0f ms, max %.0f ms%n",
                copies,
                percentile(millis, 50),
                percentile(millis, 90),
                millis.getFirst(),
                millis.getLast());
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(List<Double> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static Path firstJpeg(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.getFileName()
                            .toString()
                            .toLowerCase(Locale.ROOT)
                            .endsWith(".jpg"))
                    .filter(path -> !path.toString().contains("/."))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no .jpg file in " + root));
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
