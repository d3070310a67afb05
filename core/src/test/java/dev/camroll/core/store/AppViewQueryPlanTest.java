package dev.camroll.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.GranularPermission;
import dev.camroll.api.MediaType;
import dev.camroll.api.SortField;
import dev.camroll.api.SortKey;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.AppScope;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.Scope;
import dev.camroll.core.access.Selection;
import dev.camroll.core.metadata.ReaderVersions;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A limited or add-only app's page by creation time walks the index of its own view in order:
 * SQLite's plan searches the view's index by the app, the media type and the position, sorts nothing
 * and reads the assets table by row id only for the rows of the page; its count reads only the
 * view's index. (The page of an app's scope through the assets table's indexes tests every asset
 * in turn: a selection of one asset in a hundred reads a hundred rows for each one it shows.)
 */
class AppViewQueryPlanTest {
    @TempDir
    static Path folder;

    private static Database database;
    private static final AppId LIMITED = new AppId("limited");
    private static final AppId ADD_ONLY = new AppId("add-only");

    @BeforeAll
    static void fill() {
        database = Database.open(folder.resolve("index.db"));
        ScanStore store = new ScanStore(database);
        AlbumRow album = store.addAlbum("folder", "folder");
        Random random = new Random(9);
        List<ScanChange> batch = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            MediaType type = i % 10 == 0 ? MediaType.VIDEO : MediaType.PHOTO;
            long created = 1_500_000_000_000L + random.nextLong(300_000_000_000L);
            batch.add(new ScanChange.Insert(new NewAsset(
                    album.rowId(),
                    "IMG_" + i + ".jpg",
                    type,
                    "JPEG",
                    Set.of(),
                    640,
                    480,
                    1,
                    created,
                    created,
                    0,
                    1000,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    ReaderVersions.current(type))));
        }
        store.apply(batch);
        List<String> ids = database.read(connection -> {
            List<String> all = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT public_id FROM assets");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    all.add(rs.getString(1));
                }
            }
            return all;
        });
        Set<String> selected = new HashSet<>();
        for (int i = 0; i < ids.size(); i += 50) {
            selected.add(ids.get(i));
        }
        SqlGrants grants = new SqlGrants(database);
        grants.save(
                LIMITED,
                Grant.limited(Set.of(GranularPermission.values()), false),
                Optional.of(new Selection(selected, Set.of())));
        grants.save(ADD_ONLY, Grant.writeOnly(Set.of(GranularPermission.values())), Optional.empty());
        grants.recordCreated(ADD_ONLY, ids.get(7));
        database.optimize();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aLimitedAppsPageDeepInItsOrderSearchesItsViewAndSortsNothing() {
        for (AppId app : List.of(LIMITED, ADD_ONLY)) {
            Scope scope = new AppScope(app, new SqlGrants(database).find(app).orElseThrow());
            ListingSpec spec = new ListingSpec(
                    EnumSet.allOf(MediaType.class),
                    new AssetFilter.All(),
                    null,
                    null,
                    List.of(SortKey.desc(SortField.CREATION_TIME)),
                    new SortPosition(List.of(1_650_000_000_000L), 2_500),
                    101);
            List<String> plan = plan(AssetListing.statement(scope, spec));
            assertThat(plan).as(app + ": nothing sorted").noneMatch(line -> line.contains("TEMP B-TREE"));
            assertThat(plan)
                    .as(app + ": its view searched by media type and position")
                    .anyMatch(line -> line.startsWith("SEARCH v USING COVERING INDEX app_view_assets_by_creation")
                            && line.contains("type=?")
                            && line.contains("created=?")
                            && line.contains("asset<?"));
            assertThat(plan)
                    .as(app + ": the assets table read by row id only")
                    .filteredOn(line -> line.contains(" assets"))
                    .isNotEmpty()
                    .allMatch(line -> line.contains("INTEGER PRIMARY KEY (rowid=?)"));
        }
    }

    @Test
    void theLatestSelectionOnlyWalksTheViewToo() {
        Scope scope =
                new AppScope(LIMITED, new SqlGrants(database).find(LIMITED).orElseThrow()).latestSelection();
        ListingSpec spec = new ListingSpec(
                EnumSet.allOf(MediaType.class),
                new AssetFilter.All(),
                null,
                null,
                List.of(SortKey.desc(SortField.CREATION_TIME)),
                new SortPosition(List.of(1_650_000_000_000L), 2_500),
                101);
        List<String> plan = plan(AssetListing.statement(scope, spec));
        assertThat(plan).as("nothing sorted").noneMatch(line -> line.contains("TEMP B-TREE"));
        assertThat(plan)
                .as("the view searched by media type and position")
                .anyMatch(line -> line.startsWith("SEARCH v USING COVERING INDEX app_view_assets_by_creation"));
        long count = database.read(connection -> ListingCount.count(connection, scope, spec.after(null)));
        assertThat(count).as("the latest selection is the only one").isEqualTo(100);
    }

    @Test
    void aLimitedAppsCountReadsOnlyItsView() {
        Scope scope =
                new AppScope(LIMITED, new SqlGrants(database).find(LIMITED).orElseThrow());
        ListingSpec spec = new ListingSpec(
                EnumSet.allOf(MediaType.class),
                new AssetFilter.All(),
                null,
                null,
                List.of(SortKey.desc(SortField.CREATION_TIME)),
                null,
                101);
        long count = database.read(connection -> ListingCount.count(connection, scope, spec));
        assertThat(count).isEqualTo(100);
        List<Object> parameters = new ArrayList<>();
        String sql = ListingCount.viewRows(
                "COUNT(*)", parameters, scope, spec, ScopeSql.view(scope).orElseThrow(), null, null);
        assertThat(plan(new AssetListing.Statement(sql, parameters)))
                .singleElement()
                .asString()
                .startsWith("SEARCH v USING COVERING INDEX");
    }

    private static List<String> plan(AssetListing.Statement statement) {
        return QueryPlans.of(database, statement);
    }
}
