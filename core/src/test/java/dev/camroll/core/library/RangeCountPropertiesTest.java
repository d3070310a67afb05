package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.AssetSource;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.api.ScanProgress;
import dev.camroll.core.testing.TestMedia;
import dev.camroll.core.testing.TestMedia.ExifSpec;
import dev.camroll.core.testing.TestQueries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * totalCount of a created-after/before query comes from counters per day (with the two partial
 * days counted through the index); it must equal a plain COUNT(*) of the same rows after any mix
 * of writes: imports, deletes to the trash, restores, moves between folders, and scans of files
 * added, redated and removed on disk. The counters themselves must equal a GROUP BY of the rows.
 */
class RangeCountPropertiesTest {
    private static final long DAY = 86_400_000L;
    /** Dates over three weeks around a year boundary, and a few just before 1970. */
    private static final LocalDateTime BASE = LocalDateTime.of(2023, 12, 20, 0, 0);

    private static final LocalDateTime BEFORE_EPOCH = LocalDateTime.of(1969, 12, 30, 0, 0);

    @Property(tries = 6)
    void rangeCountsEqualACountOfTheRows(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        Path root = Files.createTempDirectory("camroll-counts");
        Path source = Files.createTempDirectory("camroll-counts-source");
        try (MediaLibrary library = MediaLibrary.open(
                        root, LibraryOptions.defaults().withWatch(false).withTimeZone(ZoneOffset.UTC));
                Connection index = DriverManager.getConnection("jdbc:sqlite:" + root.resolve(".camroll/index.db"))) {
            List<String> trashed = new ArrayList<>();
            Asset first = library.createAsset(photo(source, random, 0), null);
            Album second = library.createAlbum("Second", first.id(), true, null);
            int made = 1;
            for (int step = 0; step < 40; step++) {
                List<Asset> live = library.getAssets(TestQueries.EVERYTHING).assets();
                int operation = random.nextInt(8);
                if (operation <= 1 || live.size() < 3) {
                    library.createAsset(photo(source, random, made++), random.nextBoolean() ? null : second.id());
                } else if (operation == 2) {
                    String victim = live.get(random.nextInt(live.size())).id();
                    library.deleteAssets(List.of(victim));
                    trashed.add(victim);
                } else if (operation == 3 && !trashed.isEmpty()) {
                    library.restoreAssets(List.of(trashed.remove(random.nextInt(trashed.size()))));
                } else if (operation == 4) {
                    Asset moved = live.get(random.nextInt(live.size()));
                    if (moved.albumId().equals(second.id())) {
                        library.removeAssetsFromAlbum(List.of(moved.id()), second.id());
                    } else {
                        library.addAssetsToAlbum(List.of(moved.id()), second.id(), false);
                    }
                } else {
                    changeOnDisk(root, random, operation, made++);
                    library.scan(ScanProgress.NONE);
                }
                checkCounters(index);
                for (int check = 0; check < 5; check++) {
                    checkRange(library, index, random, second.id());
                }
            }
        } finally {
            deleteTree(root);
            deleteTree(source);
        }
    }

    /** A file added, redated (same name, another capture time) or removed by another program. */
    private static void changeOnDisk(Path root, Random random, int operation, int made) throws IOException {
        Path folder = root.resolve(random.nextBoolean() ? "Pictures" : "Second");
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(path -> path.toString().endsWith(".jpg")).toList();
        }
        if (operation == 5 || files.isEmpty()) {
            Files.write(folder.resolve("disk-" + made + ".jpg"), jpeg(random));
        } else if (operation == 6) {
            Files.write(files.get(random.nextInt(files.size())), jpeg(random));
        } else {
            Files.delete(files.get(random.nextInt(files.size())));
        }
    }

    private static void checkRange(MediaLibrary library, Connection index, Random random, String secondAlbum)
            throws SQLException {
        Long after = random.nextInt(4) == 0 ? null : bound(random);
        Long before = random.nextInt(4) == 0 ? null : bound(random);
        String album = random.nextBoolean() ? null : secondAlbum;
        AssetQuery query = AssetQuery.builder()
                .first(1)
                .createdAfter(after)
                .createdBefore(before)
                .album(album)
                .mediaTypes(MediaType.PHOTO, MediaType.VIDEO)
                .build();
        long total = library.getAssets(query).totalCount();

        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM assets WHERE media_type IN (0, 1)");
        List<Object> parameters = new ArrayList<>();
        if (album != null) {
            sql.append(" AND album_id = (SELECT id FROM albums WHERE public_id = ?)");
            parameters.add(album);
        }
        if (after != null) {
            sql.append(" AND creation_time > ?");
            parameters.add(after);
        }
        if (before != null) {
            sql.append(" AND creation_time < ?");
            parameters.add(before);
        }
        try (PreparedStatement statement = index.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                assertThat(total)
                        .as("created after %s, before %s, album %s", after, before, album)
                        .isEqualTo(rs.getLong(1));
            }
        }
    }

    /** The day counters hold exactly the rows' counts (zero counts aside). */
    private static void checkCounters(Connection index) throws SQLException {
        String day = "creation_time / 86400000 - (creation_time < 0 AND creation_time % 86400000 <> 0)";
        assertThat(rows(index, "SELECT media_type, day, n FROM asset_day_counts WHERE n <> 0 ORDER BY 1, 2"))
                .isEqualTo(rows(
                        index, "SELECT media_type, " + day + ", COUNT(*) FROM assets GROUP BY 1, 2 ORDER BY 1, 2"));
        assertThat(rows(
                        index,
                        "SELECT album_id, media_type, day, n FROM album_day_counts WHERE n <> 0 ORDER BY 1, 2, 3"))
                .isEqualTo(rows(
                        index,
                        "SELECT album_id, media_type, " + day
                                + ", COUNT(*) FROM assets GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"));
    }

    private static List<List<Long>> rows(Connection index, String sql) throws SQLException {
        List<List<Long>> rows = new ArrayList<>();
        try (Statement statement = index.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Long> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getLong(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** A time near the photos' days: often on a day boundary, or a millisecond either side of one. */
    private static long bound(Random random) {
        long start = (random.nextInt(5) == 0 ? BEFORE_EPOCH : BASE)
                .toInstant(ZoneOffset.UTC)
                .toEpochMilli();
        long dayStart = start + random.nextInt(22) * DAY;
        return switch (random.nextInt(4)) {
            case 0 -> dayStart;
            case 1 -> dayStart + (random.nextBoolean() ? 1 : -1);
            default -> dayStart + random.nextLong(DAY);
        };
    }

    private static AssetSource photo(Path source, Random random, int number) throws IOException {
        Path file = source.resolve("photo-" + number + ".jpg");
        Files.write(file, jpeg(random));
        return AssetSource.file(file);
    }

    private static byte[] jpeg(Random random) {
        LocalDateTime base = random.nextInt(5) == 0 ? BEFORE_EPOCH : BASE;
        LocalDateTime taken = base.plusDays(random.nextInt(21)).plusSeconds(random.nextInt(86_400));
        return TestMedia.jpegWithExifBytes(
                64,
                48,
                ExifSpec.builder()
                        .dateTimeOriginal(taken)
                        .offsetTimeOriginal("+00:00")
                        .build());
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
