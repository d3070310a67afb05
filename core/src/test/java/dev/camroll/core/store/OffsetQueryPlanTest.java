package dev.camroll.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.MediaType;
import dev.camroll.api.SortField;
import dev.camroll.api.SortKey;
import dev.camroll.core.access.Scope;
import dev.camroll.core.metadata.ReaderVersions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An offset is stepped over in the index of the order: the statement that finds the row before
 * the page reads only the sort columns and the id, which that index holds, so SQLite reads no
 * table row and sorts nothing for the rows it skips, for every sort key, in a folder or not.
 */
class OffsetQueryPlanTest {
    @TempDir
    static Path folder;

    private static Database database;
    private static AlbumRow album;

    @BeforeAll
    static void fill() {
        database = Database.open(folder.resolve("index.db"));
        ScanStore store = new ScanStore(database);
        album = store.addAlbum("a", "a");
        List<ScanChange> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            MediaType type = MediaType.values()[i % 3];
            rows.add(new ScanChange.Insert(new NewAsset(
                    album.rowId(),
                    "f" + i + ".jpg",
                    type,
                    "JPEG",
                    Set.of(),
                    i % 7,
                    i % 5,
                    1,
                    i * 1000L,
                    i,
                    i % 4,
                    1,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    ReaderVersions.current(type))));
        }
        store.apply(rows);
        database.write(connection -> {
            connection.createStatement().execute("ANALYZE");
            return null;
        });
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @ParameterizedTest
    @EnumSource(SortField.class)
    void theRowsSkippedAreReadFromTheIndexOfTheOrderAlone(SortField field) {
        for (boolean inFolder : new boolean[] {false, true}) {
            for (boolean ascending : new boolean[] {false, true}) {
                ListingSpec spec = new ListingSpec(
                        EnumSet.allOf(MediaType.class),
                        inFolder ? new AssetFilter.InFolder(album.rowId()) : new AssetFilter.All(),
                        null,
                        null,
                        List.of(new SortKey(field, ascending)),
                        null,
                        101);
                List<String> plan = plan(AssetListing.positionStatement(Scope.owner(), spec, 150));
                assertThat(plan).as("%s %s", field, plan).noneMatch(line -> line.contains("TEMP B-TREE"));
                List<String> searches =
                        plan.stream().filter(line -> line.contains(" assets")).toList();
                assertThat(searches)
                        .as("%s in a folder: %s, %s", field, inFolder, plan)
                        .isNotEmpty()
                        .allMatch(line -> line.startsWith("SEARCH assets USING COVERING INDEX"));
            }
        }
    }

    private static List<String> plan(AssetListing.Statement statement) {
        return QueryPlans.of(database, statement);
    }
}
