package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.MediaLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Moments kept up to date change by change group the library as a whole grouping does: random
 * arrivals, deletions, restores and edits of a photo's time and place, each followed by a
 * comparison with the moments grouped again from nothing.
 */
class IncrementalMomentsTest {
    private static final double[][] PLACES = {
        MomentsTest.PARIS, MomentsTest.VERSAILLES, MomentsTest.LYON, {43.2965, 5.3698}, null
    };

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void changesGiveTheMomentsOfAWholeGrouping(long seed) throws Exception {
        Random random = new Random(seed);
        Files.createDirectories(root.resolve("DCIM"));
        int named = 0;
        try (MediaLibrary library = MediaLibrary.open(root, MomentsTest.UTC)) {
            for (int round = 0; round < 12; round++) {
                int arrivals = 1 + random.nextInt(4);
                for (int i = 0; i < arrivals; i++) {
                    MomentsTest.photo(
                            root.resolve("DCIM/" + (named++) + ".jpg"), randomTime(random), randomPlace(random));
                }
                if (round > 0 && random.nextBoolean()) {
                    // A photo edited in place: a new time and place under the same name.
                    MomentsTest.photo(
                            root.resolve("DCIM/" + random.nextInt(named) + ".jpg"),
                            randomTime(random),
                            randomPlace(random));
                }
                library.scan(null);
                List<Asset> all = library.getAssets(
                                AssetQuery.builder().first(1000).build())
                        .assets();
                if (all.size() > 3 && random.nextInt(3) == 0) {
                    List<String> gone = List.of(
                            all.get(random.nextInt(all.size())).id(),
                            all.get(random.nextInt(all.size())).id());
                    library.deleteAssets(gone.stream().distinct().toList());
                    if (random.nextBoolean()) {
                        library.restoreAssets(List.of(gone.getFirst()));
                    }
                }
                Set<Set<String>> incremental = partition(library);
                groupFromNothing();
                Set<Set<String>> whole = partition(library);
                Set<Set<String>> onlyIncremental = new HashSet<>(incremental);
                onlyIncremental.removeAll(whole);
                Set<Set<String>> onlyWhole = new HashSet<>(whole);
                onlyWhole.removeAll(incremental);
                assertThat(onlyIncremental)
                        .as(
                                "round %d: moments kept change by change, where a whole grouping gives %s",
                                round, onlyWhole)
                        .isEmpty();
            }
        }
    }

    private static String randomTime(Random random) {
        return LocalDateTime.parse("2024-06-01T00:00:00")
                .plusMinutes(random.nextInt(3 * 24 * 60))
                .toString();
    }

    private static double[] randomPlace(Random random) {
        return PLACES[random.nextInt(PLACES.length)];
    }

    private static Set<Set<String>> partition(MediaLibrary library) {
        Set<Set<String>> groups = new HashSet<>();
        for (Album moment : library.getMoments()) {
            List<String> names = new ArrayList<>(MomentsTest.filenames(library, moment.id()));
            assertThat(names).hasSize(moment.assetCount());
            groups.add(names.stream().collect(Collectors.toSet()));
        }
        return groups;
    }

    /** Marks the moments as never computed, as an index made before them is: the next read groups all. */
    private void groupFromNothing() throws Exception {
        try (Connection index = DriverManager.getConnection("jdbc:sqlite:" + root.resolve(".camroll/index.db"));
                Statement statement = index.createStatement()) {
            statement.executeUpdate("UPDATE moment_state SET computed = 0");
        }
    }
}
