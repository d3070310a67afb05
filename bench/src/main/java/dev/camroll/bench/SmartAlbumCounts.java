package dev.camroll.bench;

import dev.camroll.api.Album;
import dev.camroll.api.AlbumType;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * The smart albums of a synthetic library (see {@link SyntheticIndex}) with their counts, as
 * {@code getAlbums(true)} gives them: the first call in a fresh process, then the median and
 * slowest of 20 more. A share of the rows get subtypes first, as a phone's camera roll has them:
 * 3 % screenshots, 2 % bursts, 1 % selfies, 1 % portraits, 0.5 % Live Photos and the videos' 5 %
 * slow motion.
 *
 * <p>Usage: {@code SmartAlbumCounts LIBRARY_DIR COUNT}
 */
public final class SmartAlbumCounts {
    private static final int CALLS = 20;

    private SmartAlbumCounts() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SmartAlbumCounts LIBRARY_DIR COUNT");
            System.exit(2);
        }
        Path library = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        SyntheticIndex.build(library, count);
        markSubtypes(library);
        LibraryOptions options = LibraryOptions.defaults().withWatch(false).withScanOnOpen(false);
        try (MediaLibrary opened = MediaLibrary.open(library, options)) {
            long started = System.nanoTime();
            List<Album> albums = opened.getAlbums(true);
            double first = (System.nanoTime() - started) / 1e6;
            double[] times = new double[CALLS];
            for (int i = 0; i < CALLS; i++) {
                long start = System.nanoTime();
                opened.getAlbums(true);
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(times);
            for (Album album : albums) {
                if (album.type() == AlbumType.SMART) {
                    System.out.printf("  %-26s %,8d%n", album.id(), album.assetCount());
                }
            }
            System.out.printf(
                    "smart album counts of %,d assets: first %.0f ms, then median %.0f ms, slowest %.0f ms%n",
                    count, first, times[CALLS / 2], times[CALLS - 1]);
        }
    }

    /** Gives rows subtypes by their row id, the same ones on every run. */
    private static void markSubtypes(Path library) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection("jdbc:sqlite:" + library.resolve(".camroll/index.db"));
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE assets SET subtypes = CASE"
                    + " WHEN media_type = 2 AND id % 20 = 0 THEN 'highFrameRate'"
                    + " WHEN media_type = 1 AND id % 33 = 0 THEN 'screenshot'"
                    + " WHEN media_type = 1 AND id % 50 = 1 THEN 'burst'"
                    + " WHEN media_type = 1 AND id % 100 = 2 THEN 'selfie'"
                    + " WHEN media_type = 1 AND id % 100 = 3 THEN 'depthEffect'"
                    + " WHEN media_type = 1 AND id % 200 = 4 THEN 'livePhoto'"
                    + " ELSE '' END");
        }
    }
}
