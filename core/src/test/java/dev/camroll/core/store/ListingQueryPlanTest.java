package dev.camroll.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.MediaType;
import dev.camroll.api.SortField;
import dev.camroll.api.SortKey;
import dev.camroll.core.access.Scope;
import dev.camroll.core.metadata.ReaderVersions;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A page at any depth is read through index ranges that use the whole index key: SQLite's plan
 * for the page after a position searches an index by every sort column and the row id, sorts
 * nothing (no temporary B-tree) and scans no table or index from its start. Checked on a real
 * index file with planner statistics, for every sort key in both directions, key combinations
 * the indexes serve, all media types, a folder, and created-after/before ranges.
 */
class ListingQueryPlanTest {
    private static final Pattern ID_BOUND = Pattern.compile("\\b(row)?id[<>]\\?");

    @TempDir
    static Path folder;

    private static Database database;
    private static AlbumRow album;

    @BeforeAll
    static void fill() {
        database = Database.open(folder.resolve("index.db"));
        ScanStore store = new ScanStore(database);
        Random random = new Random(3);
        List<AlbumRow> albums = new ArrayList<>();
        for (int a = 0; a < 20; a++) {
            albums.add(store.addAlbum("folder-" + a, "folder-" + a));
        }
        album = albums.get(7);
        List<ScanChange> batch = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            MediaType type = MediaType.values()[random.nextInt(10) < 8 ? 0 : 1 + random.nextInt(2)];
            long created = 1_500_000_000_000L + random.nextLong(300_000_000_000L);
            batch.add(new ScanChange.Insert(new NewAsset(
                    albums.get(random.nextInt(albums.size())).rowId(),
                    "IMG_" + i + ".jpg",
                    type,
                    "JPEG",
                    Set.of(),
                    new int[] {640, 1920, 4032}[random.nextInt(3)],
                    new int[] {480, 1080, 3024}[random.nextInt(3)],
                    1,
                    created,
                    created + random.nextInt(1_000_000),
                    type == MediaType.PHOTO ? 0 : random.nextInt(60),
                    1000,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    ReaderVersions.current(type))));
        }
        store.apply(batch);
        database.optimize();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static Stream<Arguments> queries() {
        List<List<SortKey>> sorts = new ArrayList<>();
        for (SortField field : SortField.values()) {
            sorts.add(List.of(SortKey.asc(field)));
            sorts.add(List.of(SortKey.desc(field)));
        }
        sorts.add(List.of(SortKey.asc(SortField.MEDIA_TYPE), SortKey.desc(SortField.CREATION_TIME)));
        sorts.add(List.of(SortKey.desc(SortField.WIDTH), SortKey.asc(SortField.MEDIA_TYPE)));
        sorts.add(List.of(SortKey.asc(SortField.MEDIA_TYPE), SortKey.asc(SortField.DURATION)));
        List<Arguments> cases = new ArrayList<>();
        for (List<SortKey> sort : sorts) {
            for (boolean inFolder : new boolean[] {false, true}) {
                for (Range range : Range.values()) {
                    // A range in another order is the planner's choice (see SortColumns.index).
                    if (range != Range.NONE && !ledByCreationTime(sort)) {
                        continue;
                    }
                    cases.add(Arguments.of(sort, inFolder, range));
                }
            }
        }
        return cases.stream();
    }

    private static boolean ledByCreationTime(List<SortKey> sort) {
        return sort.stream()
                .map(key -> SortColumns.column(key.field()))
                .filter(column -> !column.equals("media_type"))
                .findFirst()
                .map(column -> column.equals("creation_time"))
                .orElse(false);
    }

    /** The created-after/before bounds of a query. */
    enum Range {
        NONE(null, null),
        AFTER(1_600_000_000_000L, null),
        BEFORE(null, 1_700_000_000_000L),
        BOTH(1_600_000_000_000L, 1_700_000_000_000L);

        final Long after;
        final Long before;

        Range(Long after, Long before) {
            this.after = after;
            this.before = before;
        }
    }

    @ParameterizedTest(name = "{0} in folder {1}, created {2}")
    @MethodSource("queries")
    void aPageAtAnyDepthSearchesAnIndexByItsWholeKey(List<SortKey> sort, boolean inFolder, Range range) {
        // The position of a row in the middle of the folder and of the dates, as a cursor carries it.
        AssetRow middle = database.read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT " + AssetColumns.SELECT
                            + " FROM assets WHERE album_id = ? AND creation_time > ? AND creation_time < ? LIMIT 1 OFFSET 20")) {
                statement.setLong(1, album.rowId());
                statement.setLong(2, range.after == null ? Long.MIN_VALUE : range.after);
                statement.setLong(3, range.before == null ? Long.MAX_VALUE : range.before);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return AssetColumns.read(rs);
                }
            }
        });
        List<Object> values = new ArrayList<>();
        for (SortKey key : sort) {
            values.add(SortColumns.valueOf(middle, key.field()));
        }
        ListingSpec spec = new ListingSpec(
                EnumSet.allOf(MediaType.class),
                inFolder ? new AssetFilter.InFolder(album.rowId()) : new AssetFilter.All(),
                range.after,
                range.before,
                sort,
                new SortPosition(values, middle.rowId()),
                101);

        List<String> plan = plan(AssetListing.statement(Scope.owner(), spec));

        assertThat(plan).as("nothing sorted").noneMatch(line -> line.contains("TEMP B-TREE"));
        List<String> searches =
                plan.stream().filter(line -> line.contains(" assets")).toList();
        assertThat(searches)
                .as("every range searches an index")
                .allMatch(line -> line.startsWith("SEARCH assets USING"));
        if (inFolder) {
            assertThat(searches).as("by the folder").allMatch(line -> line.contains("album_id=?"));
        }
        // The range of rows equal to the position on every sort key narrows by all of them and the id.
        List<String> columns = sort.stream()
                .map(key -> SortColumns.column(key.field()))
                .filter(column -> !column.equals("media_type"))
                .toList();
        assertThat(searches)
                .as("a range bounded by every sort column and the id")
                .anyMatch(line -> ID_BOUND.matcher(line).find()
                        && columns.stream().allMatch(column -> line.contains(column + "=?")));
    }

    private static List<String> plan(AssetListing.Statement statement) {
        return QueryPlans.of(database, statement);
    }
}
