package dev.camroll.core.picker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camroll.api.ErrorCode;
import dev.camroll.api.NotFoundException;
import dev.camroll.api.picker.PickedAsset;
import dev.camroll.api.picker.PickerMediaType;
import dev.camroll.api.picker.PickerOptions;
import dev.camroll.core.access.AppId;
import dev.camroll.core.store.DataFolderException;
import dev.camroll.core.store.DataFolderProblem;
import dev.camroll.core.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session's life: made by an app with an id nobody guesses, read by that app alone, answered
 * once by the person, kept across a restart for the app that was away, deleted with its files on
 * request or at its expiry.
 */
class PickerSessionLifecycleTest {
    @TempDir
    Path root;

    private PickerLibrary library;
    private final Requester frame = Requester.app(new AppId("frame"));
    private final Requester other = Requester.app(new AppId("other"));

    @BeforeEach
    void open() {
        TestMedia.jpeg(root.resolve("Trips/beach.jpg"), 800, 600);
        TestMedia.jpeg(root.resolve("Trips/dune.jpg"), 600, 800);
        TestMedia.jpeg(root.resolve("Trips/sea.jpg"), 640, 480);
        TestMedia.video(root.resolve("Trips/wave.mp4"), 2, 320, 240);
        library = new PickerLibrary(root);
    }

    @AfterEach
    void close() {
        library.close();
    }

    private Path dataFolder() {
        return root.resolve(".camroll");
    }

    @Test
    void aNewSessionWaitsAnHourUnderAnIdOfTwoHundredFiftySixRandomBits() {
        Instant before = Instant.now();
        PickerSession one = library.sessions().create(frame, PickerOptions.defaults());
        PickerSession two = library.sessions().create(frame, PickerOptions.defaults());

        assertThat(one.id()).matches("[0-9a-f]{64}").isNotEqualTo(two.id());
        assertThat(one.state()).isEqualTo(SessionState.WAITING);
        assertThat(one.mediaItemsSet()).isFalse();
        assertThat(one.result()).isNull();
        assertThat(Duration.between(before, one.expiresAt())).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
        assertThat(library.sessions().get(frame, one.id()).orElseThrow().options())
                .isEqualTo(PickerOptions.defaults());
    }

    @Test
    void onlyTheAppThatMadeASessionReadsItAndAWrongIdLooksTheSame() {
        PickerSession session = library.sessions().create(frame, PickerOptions.defaults());

        assertThat(library.sessions().get(frame, session.id())).isPresent();
        assertThat(library.sessions().get(other, session.id())).isEmpty();
        assertThat(library.sessions().get(Requester.owner(), session.id())).isEmpty();
        assertThat(library.sessions().get(frame, "0".repeat(64))).isEmpty();
        assertThat(library.sessions().get(frame, "../" + session.id())).isEmpty();
        assertThat(library.sessions().delete(other, session.id())).isFalse();
        assertThat(library.sessions().get(frame, session.id())).isPresent();
    }

    @Test
    void thePersonsChoiceComesBackInTheOrderChosenAndTheSessionTakesNoSecondAnswer() {
        PickerOptions options = PickerOptions.builder()
                .mediaTypes(EnumSet.of(PickerMediaType.IMAGES, PickerMediaType.VIDEOS))
                .allowsMultipleSelection(true)
                .selectionLimit(3)
                .build();
        PickerSession session = library.sessions().create(frame, options);

        library.sessions()
                .complete(
                        session.id(),
                        PickerChoice.of(library.id("sea.jpg"), library.id("wave.mp4"), library.id("beach.jpg")));

        PickerSession picked = library.sessions().get(frame, session.id()).orElseThrow();
        assertThat(picked.state()).isEqualTo(SessionState.PICKED);
        assertThat(picked.result().canceled()).isFalse();
        List<PickedAsset> assets = picked.result().assets();
        assertThat(assets).extracting(PickedAsset::fileName).containsExactly("sea.jpg", "wave.mp4", "beach.jpg");
        assertThat(assets).extracting(PickedAsset::type).containsExactly("image", "video", "image");
        assertThat(assets.get(1).mimeType()).isEqualTo("video/mp4");
        assertThat(assets.get(1).duration()).isBetween(1_900L, 2_100L);
        assertThat(assets.get(0).duration()).isNull();
        assertThat(assets.get(0).width()).isEqualTo(640);
        assertThat(assets.get(0).height()).isEqualTo(480);
        for (PickedAsset asset : assets) {
            assertThat(Path.of(java.net.URI.create(asset.uri()))).exists().hasSize(asset.fileSize());
        }
        assertThatThrownBy(() -> library.sessions().cancel(session.id()))
                .isInstanceOf(PickerSessionClosedException.class)
                .extracting(e -> ((PickerSessionClosedException) e).code())
                .isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void aCanceledSessionSaysCanceledWithNoAssets() {
        PickerSession session = library.sessions().create(frame, PickerOptions.defaults());

        library.sessions().cancel(session.id());

        PickerSession canceled = library.sessions().get(frame, session.id()).orElseThrow();
        assertThat(canceled.state()).isEqualTo(SessionState.CANCELED);
        assertThat(canceled.result().canceled()).isTrue();
        assertThat(canceled.result().assets()).isNull();
    }

    @Test
    void anAppWaitingForTheAnswerHearsItAsSoonAsThePersonPicks() throws Exception {
        PickerSession session = library.sessions().create(frame, PickerOptions.defaults());
        CompletableFuture<PickerSession> waiting = CompletableFuture.supplyAsync(() -> library.sessions()
                .await(frame, session.id(), Duration.ofSeconds(20))
                .orElseThrow());
        Thread.sleep(300);
        assertThat(waiting).isNotDone();

        long start = System.nanoTime();
        library.sessions().complete(session.id(), PickerChoice.of(library.id("dune.jpg")));

        PickerSession heard = waiting.get(10, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
        assertThat(heard.state()).isEqualTo(SessionState.PICKED);
        assertThat(library.sessions()
                        .await(frame, session.id(), Duration.ofMillis(10))
                        .orElseThrow()
                        .state())
                .isEqualTo(SessionState.PICKED);
        assertThat(library.sessions().await(other, session.id(), Duration.ofMillis(10)))
                .isEmpty();
    }

    @Test
    void aResultSurvivesARestartAndReachesTheAppThatWasAwayOnce() {
        PickerSession picked = library.sessions().create(frame, PickerOptions.defaults());
        PickerSession canceled = library.sessions().create(frame, PickerOptions.defaults());
        PickerSession waiting = library.sessions().create(frame, PickerOptions.defaults());
        PickerSession othersPick = library.sessions().create(other, PickerOptions.defaults());
        library.sessions().complete(picked.id(), PickerChoice.of(library.id("beach.jpg")));
        library.sessions().cancel(canceled.id());
        library.sessions().complete(othersPick.id(), PickerChoice.of(library.id("sea.jpg")));
        library.close();

        library = new PickerLibrary(root);
        List<PickerSession> pending = library.sessions().pendingResults(frame);

        assertThat(pending).extracting(PickerSession::id).containsExactly(picked.id(), canceled.id());
        assertThat(pending.get(0).result().assets())
                .extracting(PickedAsset::fileName)
                .containsExactly("beach.jpg");
        assertThat(pending.get(1).result().canceled()).isTrue();
        assertThat(library.sessions().pendingResults(frame)).isEmpty();
        assertThat(library.sessions().get(frame, waiting.id()).orElseThrow().state())
                .isEqualTo(SessionState.WAITING);
        // A result the app read itself is no longer pending.
        library.sessions().get(other, othersPick.id()).orElseThrow();
        assertThat(library.sessions().pendingResults(other)).isEmpty();
    }

    @Test
    void deletingASessionRemovesItsResultFiles() {
        PickerSession session = library.sessions().create(frame, PickerOptions.defaults());
        library.sessions().complete(session.id(), PickerChoice.of(library.id("beach.jpg")));
        ResultFile file = library.sessions().resultFile(frame, session.id(), 0).orElseThrow();
        assertThat(file.path()).startsWith(dataFolder()).exists();
        assertThat(library.sessions().resultFile(other, session.id(), 0)).isEmpty();
        assertThat(library.sessions().resultFile(frame, session.id(), 1)).isEmpty();

        assertThat(library.sessions().delete(frame, session.id())).isTrue();

        assertThat(file.path()).doesNotExist();
        assertThat(file.path().getParent()).doesNotExist();
        assertThat(library.sessions().get(frame, session.id())).isEmpty();
        assertThat(library.sessions().delete(frame, session.id())).isFalse();
        assertThatThrownBy(() -> library.sessions().cancel(session.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anExpiredSessionTakesNoAnswerAndGoesWithItsFiles() throws Exception {
        PickerSession answered = library.sessions().create(frame, PickerOptions.defaults(), Duration.ofMillis(1_500));
        PickerSession unanswered = library.sessions().create(frame, PickerOptions.defaults(), Duration.ofMillis(1_500));
        library.sessions().complete(answered.id(), PickerChoice.of(library.id("beach.jpg")));
        Path file = library.sessions()
                .resultFile(frame, answered.id(), 0)
                .orElseThrow()
                .path();
        Thread.sleep(1_600);

        assertThat(library.sessions().get(frame, answered.id()).orElseThrow().state())
                .isEqualTo(SessionState.EXPIRED);
        assertThat(library.sessions().get(frame, answered.id()).orElseThrow().result())
                .isNull();
        assertThat(library.sessions().resultFile(frame, answered.id(), 0)).isEmpty();
        assertThat(library.sessions().pendingResults(frame)).isEmpty();
        assertThatThrownBy(() -> library.sessions().complete(unanswered.id(), PickerChoice.of(library.id("sea.jpg"))))
                .isInstanceOf(PickerSessionClosedException.class)
                .hasMessageContaining("expired");

        assertThat(library.sessions().purgeExpired()).isEqualTo(2);
        assertThat(file).doesNotExist();
        assertThat(library.sessions().get(frame, answered.id())).isEmpty();
        assertThat(Files.exists(dataFolder().resolve("picker").resolve(unanswered.id())))
                .isFalse();
    }

    @Test
    void aLinkPlantedAsThePickersFolderIsNeitherWrittenThroughNorEmptied(@TempDir Path elsewhere) throws Exception {
        PickerSession session = library.sessions().create(frame, PickerOptions.defaults());
        Path usersFolder = Files.createDirectories(elsewhere.resolve("a".repeat(64)));
        Path usersFile = Files.writeString(usersFolder.resolve("notes.txt"), "mine");
        Files.createSymbolicLink(dataFolder().resolve("picker"), elsewhere);

        assertThatThrownBy(() -> library.sessions().complete(session.id(), PickerChoice.of(library.id("beach.jpg"))))
                .isInstanceOf(DataFolderException.class)
                .extracting(e -> ((DataFolderException) e).problem())
                .isEqualTo(DataFolderProblem.NOT_OUR_FOLDER);
        library.close();
        library = new PickerLibrary(root);

        assertThat(usersFile).hasContent("mine");
        assertThat(elsewhere.resolve(session.id())).doesNotExist();
        assertThat(library.sessions().forPerson(session.id()).orElseThrow().state())
                .isEqualTo(SessionState.WAITING);
    }

    @Test
    void twoAnswersAtOnceMakeOneResultAndTheOtherIsRefused() throws Exception {
        TestMedia.jpeg(root.resolve("Trips/wide.jpg"), 3000, 2000);
        library.library.scan(null);
        PickerSession session = library.sessions()
                .create(frame, PickerOptions.builder().quality(0.5).build());
        PickerChoice choice = PickerChoice.of(library.id("wide.jpg"));
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        List<CompletableFuture<Object>> answers = List.of(1, 2).stream()
                .map(n -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return (Object) library.sessions().complete(session.id(), choice);
                    } catch (PickerSessionClosedException e) {
                        return e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .toList();

        List<Object> outcomes = answers.stream().map(CompletableFuture::join).toList();

        assertThat(outcomes).filteredOn(PickerSession.class::isInstance).hasSize(1);
        assertThat(outcomes)
                .filteredOn(PickerSessionClosedException.class::isInstance)
                .singleElement()
                .extracting(outcome -> ((PickerSessionClosedException) outcome).getMessage())
                .asString()
                .containsAnyOf("is being answered", "is picked");
        PickedAsset asset = library.sessions()
                .get(frame, session.id())
                .orElseThrow()
                .result()
                .assets()
                .getFirst();
        assertThat(Path.of(java.net.URI.create(asset.uri()))).exists().hasSize(asset.fileSize());
    }
}
