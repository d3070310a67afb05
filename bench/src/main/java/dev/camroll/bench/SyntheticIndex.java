package dev.camroll.bench;

import dev.camroll.api.MediaType;
import dev.camroll.core.metadata.ReaderVersions;
import dev.camroll.core.store.AlbumRow;
import dev.camroll.core.store.Database;
import dev.camroll.core.store.NewAsset;
import dev.camroll.core.store.ScanChange;
import dev.camroll.core.store.ScanStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes an index of many assets straight into a library's index file, without media files:
 * listing never opens files, so the query benchmarks need only the rows. Folders of 10,000
 * assets, mostly photos, times spread over ten years, a few common sizes.
 *
 * <p>Usage: {@code SyntheticIndex LIBRARY_DIR COUNT}; does nothing when the index already holds
 * COUNT assets.
 */
public final class SyntheticIndex {
    static final int ASSETS_PER_FOLDER = 10_000;
    private static final int[][] SIZES = {{4032, 3024}, {3024, 4032}, {1920, 1080}, {1080, 1920}, {640, 480}};

    private SyntheticIndex() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SyntheticIndex LIBRARY_DIR COUNT");
            System.exit(2);
        }
        build(Path.of(args[0]), Integer.parseInt(args[1]));
    }

    static void build(Path library, int count) throws Exception {
        Path marker = library.resolve(".camroll/synthetic-" + count);
        if (Files.exists(marker)) {
            return;
        }
        Files.createDirectories(library);
        long started = System.nanoTime();
        Random random = new Random(42);
        try (Database database = Database.open(library.resolve(".camroll/index.db"))) {
            ScanStore store = new ScanStore(database);
            AlbumRow album = null;
            List<ScanChange> batch = new ArrayList<>();
            long tenYears = 10L * 365 * 24 * 3600 * 1000;
            long start = 1_500_000_000_000L;
            for (int i = 0; i < count; i++) {
                if (i % ASSETS_PER_FOLDER == 0) {
                    String folder = String.format("folder-%04d", i / ASSETS_PER_FOLDER);
                    album = store.addAlbum(folder, folder);
                }
                int roll = random.nextInt(100);
                MediaType type = roll < 90 ? MediaType.PHOTO : roll < 98 ? MediaType.VIDEO : MediaType.AUDIO;
                int[] size = type == MediaType.AUDIO ? new int[] {0, 0} : SIZES[random.nextInt(SIZES.length)];
                long created = start + (long) (random.nextDouble() * tenYears);
                batch.add(new ScanChange.Insert(new NewAsset(
                        album.rowId(),
                        String.format("IMG_%07d.%s", i, type == MediaType.PHOTO ? "jpg" : "mp4"),
                        type,
                        type == MediaType.PHOTO ? "JPEG" : "MP4",
                        Set.of(),
                        size[0],
                        size[1],
                        1,
                        created,
                        created + random.nextInt(1_000_000),
                        type == MediaType.PHOTO ? 0 : random.nextInt(600),
                        1_000_000 + random.nextInt(5_000_000),
                        null,
                        "Camera",
                        "Model " + random.nextInt(10),
                        List.of(),
                        null,
                        ReaderVersions.current(type))));
                if (batch.size() == 20_000) {
                    store.apply(batch);
                    batch.clear();
                }
            }
            store.apply(batch);
            database.optimize();
        }
        Files.createFile(marker);
        System.err.printf(
                "synthetic index of %,d assets written in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
    }
}
