package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.ChangeSet;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.LibraryOptions;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.Selection;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an app hears of changes: a change of its grant as one full reload, assets entering its
 * view (moved into an album it was given whole) as inserts and leaving it as deletes, and nothing
 * of what it does not see.
 */
class AppChangesTest {
    private static final Set<GranularPermission> ALL_TYPES = Set.of(GranularPermission.values());

    @TempDir
    Path root;

    private LocalMediaLibrary library;
    private AppGrants grants;
    private final AppId app = new AppId("app");
    private ScopedLibrary seen;
    private Map<String, String> ids;
    private String trips;

    @BeforeEach
    void open() {
        TestMedia.jpeg(root.resolve("Trips/beach.jpg"), 40, 30);
        TestMedia.jpeg(root.resolve("Trips/dunes.jpg"), 40, 30);
        TestMedia.jpeg(root.resolve("Home/cat.jpg"), 40, 30);
        TestMedia.jpeg(root.resolve("Home/dog.jpg"), 40, 30);
        library = LocalMediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
        grants = library.grants();
        seen = library.forApp(app);
        ids = library.getAssets(EVERYTHING).assets().stream().collect(Collectors.toMap(Asset::filename, Asset::id));
        trips = library.getAlbum("Trips").id();
        grants.set(app, Grant.limited(ALL_TYPES, false), new Selection(Set.of(), Set.of(trips)));
    }

    @AfterEach
    void close() {
        seen.close();
        library.close();
    }

    @Test
    void aTokenFromBeforeAGrantChangeAsksForAFullReload() {
        String token = seen.changeToken();
        assertThat(seen.changesSince(token).hasIncrementalChanges()).isTrue();
        grants.set(app, Grant.all(ALL_TYPES, false));
        ChangeSet changes = seen.changesSince(token);
        assertThat(changes.hasIncrementalChanges()).isFalse();
        // The token it gives is of the new grant: incremental again from there.
        assertThat(seen.changesSince(changes.nextToken()).hasIncrementalChanges())
                .isTrue();
        // The owner's tokens are not touched by an app's grant.
        String owners = library.changeToken();
        grants.revoke(app);
        assertThat(library.changesSince(owners).hasIncrementalChanges()).isTrue();
    }

    @Test
    void theAppsListenerHearsAGrantChangeAsOneFullReload() throws InterruptedException {
        BlockingQueue<ChangeSet> heard = new LinkedBlockingQueue<>();
        seen.addListener(heard::add);
        grants.set(app, Grant.all(ALL_TYPES, true));
        ChangeSet change = heard.poll(10, TimeUnit.SECONDS);
        assertThat(change).isNotNull();
        assertThat(change.hasIncrementalChanges()).isFalse();
        assertThat(heard.poll(600, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void anAssetMovedIntoAnAlbumGivenWholeIsAnInsertAndOneMovedOutADelete() {
        String token = seen.changeToken();
        String owners = library.changeToken();
        library.addAssetsToAlbum(List.of(ids.get("cat.jpg")), trips, false);
        library.removeAssetsFromAlbum(List.of(ids.get("dunes.jpg")), trips);
        String home = library.getAlbum("Home").id();
        library.addAssetsToAlbum(List.of(ids.get("dunes.jpg")), home, false);

        ChangeSet forApp = seen.changesSince(token);
        assertThat(forApp.hasIncrementalChanges()).isTrue();
        assertThat(forApp.insertedAssets()).containsExactly(ids.get("cat.jpg"));
        assertThat(forApp.deletedAssets()).containsExactly(ids.get("dunes.jpg"));
        assertThat(forApp.updatedAssets()).isEmpty();

        ChangeSet forOwner = library.changesSince(owners);
        assertThat(forOwner.insertedAssets()).isEmpty();
        assertThat(forOwner.deletedAssets()).isEmpty();
        assertThat(forOwner.updatedAssets()).contains(ids.get("cat.jpg"), ids.get("dunes.jpg"));
    }

    @Test
    void changesOfWhatTheAppDoesNotSeeAreNotTold() {
        String token = seen.changeToken();
        library.setFavorite(ids.get("dog.jpg"), true);
        library.setFavorite(ids.get("beach.jpg"), true);
        library.deleteAssets(List.of(ids.get("cat.jpg")));
        ChangeSet forApp = seen.changesSince(token);
        assertThat(forApp.updatedAssets()).containsExactly(ids.get("beach.jpg"));
        assertThat(forApp.insertedAssets()).isEmpty();
        assertThat(forApp.deletedAssets()).isEmpty();
        library.deleteAssets(List.of(ids.get("beach.jpg")));
        assertThat(seen.changesSince(token).deletedAssets()).containsExactly(ids.get("beach.jpg"));
    }
}
