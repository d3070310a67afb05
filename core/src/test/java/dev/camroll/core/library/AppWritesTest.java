package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetSource;
import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.NotFoundException;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.ChangeOperation;
import dev.camroll.core.access.ChangeRequest;
import dev.camroll.core.access.ConfirmationRequiredException;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.Selection;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes of an app on a real library: it adds with a grant that allows it, changes and deletes
 * what it created at once, and anything else only once the owner confirmed; until then nothing
 * changes.
 */
class AppWritesTest {
    private static final Set<GranularPermission> ALL_TYPES = Set.of(GranularPermission.values());

    @TempDir
    Path root;

    private LocalMediaLibrary library;
    private AppGrants grants;
    private final AppId app = new AppId("editor");
    private ScopedLibrary seen;
    private String beach;
    private String cat;

    @BeforeEach
    void open() {
        TestMedia.jpeg(root.resolve("Trips/beach.jpg"), 40, 30);
        TestMedia.jpeg(root.resolve("Home/cat.jpg"), 40, 30);
        library = LocalMediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
        grants = library.grants();
        seen = library.forApp(app);
        Map<String, String> ids =
                library.getAssets(EVERYTHING).assets().stream().collect(Collectors.toMap(Asset::filename, Asset::id));
        beach = ids.get("beach.jpg");
        cat = ids.get("cat.jpg");
        grants.set(app, Grant.limited(ALL_TYPES, false), new Selection(Set.of(beach), Set.of()));
    }

    @AfterEach
    void close() {
        seen.close();
        library.close();
    }

    @Test
    void anAppChangesAndDeletesWhatItCreatedAtOnce() {
        Asset created = seen.createAsset(AssetSource.bytes("mine.jpg", TestMedia.jpegBytes(20, 10)), null);
        seen.setFavorite(created.id(), true);
        assertThat(library.getAssetInfo(created.id()).isFavorite()).isTrue();
        seen.deleteAssets(List.of(created.id()));
        assertThat(library.trashedAssets()).containsExactly(created.id());
        assertThat(grants.pendingChanges()).isEmpty();
    }

    @Test
    void changingAnotherItemWaitsForTheOwnersConfirmationAndChangesNothingBefore() {
        ConfirmationRequiredException refused = catchConfirmation(() -> seen.setFavorite(beach, true));
        assertThat(refused.code()).isEqualTo(ErrorCode.CONFIRMATION_REQUIRED);
        String requestId = (String) refused.details().get("request");
        assertThat(library.getAssetInfo(beach).isFavorite()).isFalse();
        ChangeRequest request = grants.findChange(requestId).orElseThrow();
        assertThat(request.operation()).isEqualTo(ChangeOperation.SET_FAVORITE);
        assertThat(request.assetIds()).containsExactly(beach);
        assertThat(grants.pendingChanges()).extracting(ChangeRequest::id).containsExactly(requestId);

        grants.confirm(requestId);
        assertThat(library.getAssetInfo(beach).isFavorite()).isTrue();
        assertThat(grants.pendingChanges()).isEmpty();
        assertThat(grants.findChange(requestId).orElseThrow().confirmed()).contains(true);
        assertThatThrownBy(() -> grants.confirm(requestId))
                .isInstanceOf(CamrollException.class)
                .extracting(e -> ((CamrollException) e).code())
                .isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void aDeclinedDeleteLeavesTheItemWhereItWas() {
        String declined = (String) catchConfirmation(() -> seen.deleteAssets(List.of(beach)))
                .details()
                .get("request");
        grants.decline(declined);
        assertThat(library.trashedAssets()).isEmpty();
        assertThat(seen.getAssetInfo(beach)).isNotNull();

        String confirmed = (String) catchConfirmation(() -> seen.deleteAssets(List.of(beach)))
                .details()
                .get("request");
        assertThat(library.trashedAssets()).isEmpty();
        grants.confirm(confirmed);
        assertThat(library.trashedAssets()).containsExactly(beach);
    }

    @Test
    void aMixOfItsOwnAndAnotherItemIsDoneWholeOnlyOnConfirmation() {
        Asset created = seen.createAsset(AssetSource.bytes("mine.jpg", TestMedia.jpegBytes(20, 10)), null);
        String request = (String) catchConfirmation(() -> seen.deleteAssets(List.of(created.id(), beach)))
                .details()
                .get("request");
        assertThat(library.trashedAssets()).isEmpty();
        grants.confirm(request);
        assertThat(library.trashedAssets()).containsExactlyInAnyOrder(created.id(), beach);
    }

    @Test
    void aNewAlbumTakingAnotherItemWaitsForConfirmationAndACopyDoesNot() {
        String request = (String) catchConfirmation(() -> seen.createAlbum("Picks", beach, false, null))
                .details()
                .get("request");
        assertThat(library.getAlbum("Picks")).isNull();
        assertThat(library.getAssetInfo(beach).asset().albumId())
                .isEqualTo(library.getAlbum("Trips").id());
        assertThat(grants.findChange(request).orElseThrow().operation()).isEqualTo(ChangeOperation.CREATE_ALBUM);

        grants.confirm(request);
        assertThat(library.getAssetInfo(beach).asset().albumId())
                .isEqualTo(library.getAlbum("Picks").id());

        // A copy leaves the item where it is: the new album holds a new asset, the app's own.
        seen.createAlbum("Copies", beach, true, null);
        assertThat(library.getAlbum("Copies").assetCount()).isEqualTo(1);
        assertThat(library.getAssetInfo(beach).asset().albumId())
                .isEqualTo(library.getAlbum("Picks").id());
        assertThat(grants.pendingChanges()).isEmpty();
    }

    @Test
    void anItemTheAppDoesNotSeeIsMissingAndAsksNoOne() {
        assertThatThrownBy(() -> seen.deleteAssets(List.of(cat))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> seen.setFavorite(cat, true)).isInstanceOf(NotFoundException.class);
        assertThat(grants.pendingChanges()).isEmpty();
        assertThat(library.trashedAssets()).isEmpty();
    }

    @Test
    void anAppWithoutAGrantAddsNothing() {
        AppId stranger = new AppId("stranger");
        try (ScopedLibrary strangers = library.forApp(stranger)) {
            assertThatThrownBy(
                            () -> strangers.createAsset(AssetSource.bytes("x.jpg", TestMedia.jpegBytes(20, 10)), null))
                    .isInstanceOf(CamrollException.class)
                    .extracting(e -> ((CamrollException) e).code())
                    .isEqualTo(ErrorCode.FORBIDDEN);
        }
        assertThat(library.getAssets(EVERYTHING).totalCount()).isEqualTo(2);
    }

    private static ConfirmationRequiredException catchConfirmation(Runnable write) {
        try {
            write.run();
        } catch (ConfirmationRequiredException e) {
            return e;
        }
        throw new AssertionError("the write was done without the owner's confirmation");
    }
}
