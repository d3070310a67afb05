package dev.camroll.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner sees one request per app: asking again what is pending joins the pending request,
 * asking something else replaces it, and whoever waited on the replaced one follows to the new
 * one. On a real library, its requests kept in its index.
 */
class PendingRequestTest {
    private static final Set<GranularPermission> PHOTOS = Set.of(GranularPermission.PHOTO);
    private static final Set<GranularPermission> PHOTOS_AND_VIDEOS =
            Set.of(GranularPermission.PHOTO, GranularPermission.VIDEO);

    @TempDir
    Path root;

    private LocalMediaLibrary library;
    private AppGrants grants;
    private final AppId app = new AppId("frame-app");

    @BeforeEach
    void open() {
        TestMedia.jpeg(root.resolve("beach.jpg"), 40, 30);
        library = LocalMediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
        grants = library.grants();
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void askingAgainWhatIsPendingReturnsThePendingRequest() {
        ConsentRequest first = grants.request(app, false, PHOTOS);
        ConsentRequest again = grants.request(app, false, PHOTOS);
        try (ScopedLibrary seen = library.forApp(app)) {
            seen.requestPermissions(false, PHOTOS);
        }
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.pending()).isTrue();
        assertThat(grants.pending()).extracting(ConsentRequest::id).containsExactly(first.id());

        ConsentRequest otherApp = grants.request(new AppId("other-app"), false, PHOTOS);
        assertThat(otherApp.id()).isNotEqualTo(first.id());
        assertThat(grants.pending()).extracting(ConsentRequest::id).containsExactly(first.id(), otherApp.id());
    }

    @Test
    void askingSomethingElseReplacesThePendingRequest() {
        ConsentRequest first = grants.request(app, false, PHOTOS);
        ConsentRequest wider = grants.request(app, false, PHOTOS_AND_VIDEOS);
        assertThat(wider.id()).isNotEqualTo(first.id());
        assertThat(grants.pending()).extracting(ConsentRequest::id).containsExactly(wider.id());

        ConsentRequest replaced = grants.find(first.id()).orElseThrow();
        assertThat(replaced.pending()).isFalse();
        assertThat(replaced.supersededBy()).hasValue(wider.id());
        assertThat(grants.current(first.id()))
                .hasValueSatisfying(now -> assertThat(now.id()).isEqualTo(wider.id()));
        assertThatThrownBy(() -> grants.answer(first.id(), new ConsentAnswer.AllowAll(false)))
                .as("the owner answers the request that stands, not the one it replaced")
                .isInstanceOf(CamrollException.class)
                .extracting(e -> ((CamrollException) e).code())
                .isEqualTo(ErrorCode.CONFLICT);
        assertThat(grants.permissions(app, false, PHOTOS).status()).isEqualTo(PermissionStatus.UNDETERMINED);

        ConsentRequest addOnly = grants.request(app, true, PHOTOS_AND_VIDEOS);
        ConsentRequest picker = grants.requestReselection(app, PHOTOS_AND_VIDEOS);
        assertThat(grants.pending()).extracting(ConsentRequest::id).containsExactly(picker.id());
        assertThat(grants.current(first.id()))
                .as("a chain of replacements ends at the request that stands")
                .hasValueSatisfying(now -> assertThat(now.id()).isEqualTo(picker.id()));
        assertThat(grants.find(addOnly.id()).orElseThrow().supersededBy()).hasValue(picker.id());
    }

    @Test
    void whoWaitedOnAReplacedRequestGetsTheOutcomeOfTheNewOne() throws Exception {
        ConsentRequest first = grants.request(app, false, PHOTOS);
        CompletableFuture<PermissionResponse> waiting =
                CompletableFuture.supplyAsync(() -> grants.await(first.id(), Duration.ofSeconds(20)));
        Thread.sleep(200);
        ConsentRequest wider = grants.request(app, false, PHOTOS_AND_VIDEOS);
        Thread.sleep(300);
        assertThat(waiting).as("replaced is not answered: the wait goes on").isNotDone();

        grants.answer(wider.id(), new ConsentAnswer.AllowAll(false));
        PermissionResponse answered = waiting.get(5, TimeUnit.SECONDS);
        assertThat(answered.granted()).isTrue();
        assertThat(answered.granularPermissions()).containsExactlyInAnyOrderElementsOf(PHOTOS_AND_VIDEOS);
    }

    @Test
    void anEmbeddingProgramIsAskedOncePerRequest() {
        AtomicInteger asked = new AtomicInteger();
        grants.onRequest(request -> {
            asked.incrementAndGet();
            return Optional.empty();
        });
        grants.request(app, false, PHOTOS);
        grants.request(app, false, PHOTOS);
        assertThat(asked).hasValue(1);
        grants.request(app, false, PHOTOS_AND_VIDEOS);
        assertThat(asked).hasValue(2);
        grants.onRequest(null);
    }

    @Test
    void theReplacementIsKeptInTheIndex() {
        ConsentRequest first = grants.request(app, false, PHOTOS);
        ConsentRequest wider = grants.request(app, false, PHOTOS_AND_VIDEOS);
        library.close();
        library = LocalMediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
        grants = library.grants();
        assertThat(grants.find(first.id()).orElseThrow().supersededBy()).hasValue(wider.id());
        assertThat(grants.request(app, false, PHOTOS_AND_VIDEOS).id()).isEqualTo(wider.id());
    }
}
