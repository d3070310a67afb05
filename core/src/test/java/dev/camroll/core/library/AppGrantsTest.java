package dev.camroll.core.library;

import static dev.camroll.core.testing.TestQueries.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.AccessPrivileges;
import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.PermissionResponse;
import dev.camroll.api.PermissionStatus;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.ConsentAnswer;
import dev.camroll.core.access.ConsentRequest;
import dev.camroll.core.access.Grant;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state of one app on a real library: kept in its index, answered through the consent
 * requests (or an embedding program's callback), read again by the app's library on every call.
 */
class AppGrantsTest {
    private static final Set<GranularPermission> PHOTOS = Set.of(GranularPermission.PHOTO);

    @TempDir
    Path root;

    private LocalMediaLibrary library;
    private AppGrants grants;
    private final AppId app = new AppId("frame-app");

    @BeforeEach
    void open() {
        TestMedia.jpeg(root.resolve("Trips/beach.jpg"), 40, 30);
        TestMedia.jpeg(root.resolve("Home/cat.jpg"), 40, 30);
        library = LocalMediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
        grants = library.grants();
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void anAppNeverSeenIsUndeterminedAndSeesNothing() {
        PermissionResponse state = grants.permissions(app, false, Set.of());
        assertThat(state.status()).isEqualTo(PermissionStatus.UNDETERMINED);
        assertThat(state.canAskAgain()).isTrue();
        assertThat(state.accessPrivileges()).isEqualTo(AccessPrivileges.NONE);
        assertThat(state.expires()).isEmpty();
        try (ScopedLibrary seen = library.forApp(app)) {
            assertThat(seen.getAssets(EVERYTHING).assets()).isEmpty();
            assertThat(seen.getAssets(EVERYTHING).totalCount()).isZero();
            assertThat(seen.getAlbums(true))
                    .allSatisfy(album -> assertThat(album.assetCount()).isZero());
            String beach = library.getAssets(EVERYTHING).assets().getFirst().id();
            assertThat(seen.getAssetInfo(beach)).isNull();
            assertThat(seen.original(beach)).isEmpty();
            assertThat(seen.getPermissions(false, Set.of()).status()).isEqualTo(PermissionStatus.UNDETERMINED);
        }
    }

    @Test
    void aRequestWaitsForTheAnswerAndTheAppsLibraryFollowsItAtOnce() {
        ScopedLibrary seen = library.forApp(app);
        ConsentRequest request = grants.request(app, false, PHOTOS);
        assertThat(request.pending()).isTrue();
        assertThat(grants.pending()).extracting(ConsentRequest::id).containsExactly(request.id());
        assertThat(seen.getAssets(EVERYTHING).totalCount()).isZero();

        PermissionResponse answered = grants.answer(request.id(), new ConsentAnswer.AllowAll(false));
        assertThat(answered.status()).isEqualTo(PermissionStatus.GRANTED);
        assertThat(answered.accessPrivileges()).isEqualTo(AccessPrivileges.ALL);
        assertThat(answered.granularPermissions()).containsExactly(GranularPermission.PHOTO);
        assertThat(answered.location()).isFalse();
        assertThat(grants.pending()).isEmpty();
        // The same library object, no new one: the grant is read on each call.
        assertThat(seen.getAssets(EVERYTHING).totalCount()).isEqualTo(2);
        assertThat(seen.scope().seesLocation()).isFalse();

        grants.revoke(app);
        assertThat(seen.getAssets(EVERYTHING).totalCount()).isZero();
        assertThat(grants.permissions(app, false, PHOTOS).canAskAgain()).isTrue();
    }

    @Test
    void aRequestAnsweredTwiceIsRefusedTheSecondTime() {
        ConsentRequest request = grants.request(app, false, PHOTOS);
        grants.answer(request.id(), new ConsentAnswer.Deny(false));
        assertThatThrownBy(() -> grants.answer(request.id(), new ConsentAnswer.AllowAll(true)))
                .isInstanceOf(CamrollException.class)
                .extracting(e -> ((CamrollException) e).code())
                .isEqualTo(ErrorCode.CONFLICT);
        assertThat(grants.permissions(app, false, PHOTOS).status()).isEqualTo(PermissionStatus.DENIED);
        assertThatThrownBy(() -> grants.answer("no-such-request", new ConsentAnswer.AllowAll(true)))
                .isInstanceOf(CamrollException.class)
                .extracting(e -> ((CamrollException) e).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void afterTwoRefusalsTheAppMayNotAskAgainAndItsRequestsAreAnsweredAtOnce() {
        grants.answer(grants.request(app, false, PHOTOS).id(), new ConsentAnswer.Deny(false));
        PermissionResponse once = grants.permissions(app, false, PHOTOS);
        assertThat(once.status()).isEqualTo(PermissionStatus.DENIED);
        assertThat(once.canAskAgain()).isTrue();
        grants.answer(grants.request(app, false, PHOTOS).id(), new ConsentAnswer.Deny(false));
        assertThat(grants.permissions(app, false, PHOTOS).canAskAgain()).isFalse();

        ConsentRequest third = grants.request(app, false, PHOTOS);
        assertThat(third.pending()).isFalse();
        assertThat(grants.pending()).isEmpty();
        // The owner may still give access, and a revoke lets the app ask again.
        grants.revoke(app);
        assertThat(grants.permissions(app, false, PHOTOS).canAskAgain()).isTrue();
    }

    @Test
    void dontAskAgainEndsAskingAtTheFirstRefusal() {
        grants.answer(grants.request(app, false, PHOTOS).id(), new ConsentAnswer.Deny(true));
        PermissionResponse state = library.forApp(app).getPermissions(false, PHOTOS);
        assertThat(state.status()).isEqualTo(PermissionStatus.DENIED);
        assertThat(state.canAskAgain()).isFalse();
    }

    @Test
    void aOneTimeGrantEndsAfterItsLifetimeAndTheAppIsUndeterminedAgain() throws InterruptedException {
        ScopedLibrary seen = library.forApp(app);
        ConsentRequest request = grants.request(app, false, Set.of());
        PermissionResponse granted =
                grants.answer(request.id(), new ConsentAnswer.AllowOnce(true, Duration.ofMillis(600)));
        assertThat(granted.granted()).isTrue();
        assertThat(granted.expires()).isPresent();
        assertThat(seen.getAssets(EVERYTHING).totalCount()).isEqualTo(2);
        Thread.sleep(800);
        assertThat(seen.getAssets(EVERYTHING).totalCount()).isZero();
        PermissionResponse after = seen.getPermissions(false, Set.of());
        assertThat(after.status()).isEqualTo(PermissionStatus.UNDETERMINED);
        assertThat(after.expires()).isEmpty();
        assertThat(after.canAskAgain()).isTrue();
    }

    @Test
    void anEmbeddingProgramAnswersThroughItsCallbackOrLeavesTheRequestPending() {
        grants.onRequest(request -> request.granular().contains(GranularPermission.VIDEO)
                ? Optional.empty()
                : Optional.of(new ConsentAnswer.AllowAll(true)));
        ScopedLibrary seen = library.forApp(app);
        PermissionResponse photos = seen.requestPermissions(false, PHOTOS);
        assertThat(photos.granted()).isTrue();
        assertThat(photos.location()).isTrue();
        assertThat(grants.pending()).isEmpty();

        PermissionResponse videos = seen.requestPermissions(false, Set.of(GranularPermission.VIDEO));
        assertThat(videos.status()).isEqualTo(PermissionStatus.UNDETERMINED);
        assertThat(grants.pending()).hasSize(1);
        grants.onRequest(null);
    }

    @Test
    void theLongPollReturnsWhenThePersonAnswers() throws Exception {
        ConsentRequest request = grants.request(app, true, PHOTOS);
        CompletableFuture<PermissionResponse> waiting =
                CompletableFuture.supplyAsync(() -> grants.await(request.id(), Duration.ofSeconds(20)));
        Thread.sleep(200);
        assertThat(waiting).isNotDone();
        grants.answer(request.id(), new ConsentAnswer.AllowAll(false));
        PermissionResponse answered = waiting.get(5, TimeUnit.SECONDS);
        assertThat(answered.granted()).isTrue();
        assertThat(answered.writeOnly()).isTrue();
        // Unanswered, the poll gives the state as it is when its time is up.
        ConsentRequest more = grants.request(app, false, PHOTOS);
        assertThat(grants.await(more.id(), Duration.ofMillis(150)).status()).isEqualTo(PermissionStatus.UNDETERMINED);
    }

    @Test
    void grantsAndRequestsAreKeptInTheIndexAcrossOpenings() {
        grants.set(app, Grant.all(PHOTOS, true));
        ConsentRequest request = grants.request(new AppId("other"), false, PHOTOS);
        long version = grants.grant(app).version();
        library.close();
        library = LocalMediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
        Grant kept = library.grants().grant(app);
        assertThat(kept.privileges()).isEqualTo(AccessPrivileges.ALL);
        assertThat(kept.mediaTypes()).containsExactly(GranularPermission.PHOTO);
        assertThat(kept.location()).isTrue();
        assertThat(kept.version()).isEqualTo(version);
        assertThat(library.grants().find(request.id()))
                .hasValueSatisfying(found -> assertThat(found.pending()).isTrue());
        assertThat(library.forApp(app).getAssets(EVERYTHING).totalCount()).isEqualTo(2);
    }

    @Test
    void everyChangeOfAGrantGivesItANewVersion() {
        grants.set(app, Grant.all(PHOTOS, false));
        long first = grants.grant(app).version();
        grants.set(app, Grant.all(PHOTOS, true));
        long second = grants.grant(app).version();
        grants.revoke(app);
        long third = grants.grant(app).version();
        assertThat(first).isLessThan(second);
        assertThat(second).isLessThan(third);
    }

    @Test
    void theOwnerHasEverything() {
        assertThat(library.getPermissions(false, Set.of())).isEqualTo(PermissionResponse.owner());
        assertThat(library.requestPermissions(true, PHOTOS)).isEqualTo(PermissionResponse.owner());
    }
}
