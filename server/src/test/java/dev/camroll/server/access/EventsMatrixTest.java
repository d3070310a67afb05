package dev.camroll.server.access;

import static dev.camroll.server.access.MatrixLibrary.CAT;
import static dev.camroll.server.access.MatrixLibrary.DOG;
import static dev.camroll.server.access.MatrixLibrary.HOME;
import static dev.camroll.server.access.MatrixLibrary.PARIS;
import static dev.camroll.server.access.MatrixLibrary.SONG;
import static dev.camroll.server.access.MatrixLibrary.TRIPS;
import static dev.camroll.server.access.MatrixLibrary.expect;
import static dev.camroll.server.access.MatrixLibrary.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.Selection;
import dev.camroll.core.testing.TestMedia;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The event stream ({@code GET /api/v1/events}) and the changes since a token against every state
 * of an app, over one real server: a change to an asset the app does not see (a favorite, a file
 * added to a folder, a delete) sends it nothing, one to an asset it sees is heard; a change of its
 * grant arrives as one {@code hasIncrementalChanges: false} event, after which assets that enter
 * its scope are inserts and those that leave it deletes; a stream resumed from a token of the
 * grant before gets that one full reload too.
 */
class EventsMatrixTest extends OnMatrixLibrary {
    /** How long a stream is watched for an event that must not come. */
    private static final Duration QUIET = Duration.ofMillis(1500);

    private static final Duration HEARD = Duration.ofSeconds(10);

    private final AtomicInteger made = new AtomicInteger();

    @ParameterizedTest
    @EnumSource(value = AppState.class, mode = EnumSource.Mode.EXCLUDE, names = "REVOKED")
    void anAppHearsOfWhatItSeesAndOfNothingElse(AppState state) throws Exception {
        AppState.Entered app = state.enterApp(matrix);
        Set<String> created = new TreeSet<>();
        if (state.seen == AppState.Seen.CREATED) {
            String name = "made-" + made.incrementAndGet() + ".jpg";
            expect(matrix.upload(app.token(), name, TestMedia.jpegBytes(20 + made.get(), 34)), 201);
            created.add(name);
        }
        Map<String, String> owners = ownersAssets();
        Set<String> visible = new TreeSet<>();
        Set<String> hidden = new TreeSet<>();
        owners.forEach((name, type) -> (state.sees(name, type, created) ? visible : hidden).add(name));

        try (SseStream stream = new SseStream(matrix, app.token())) {
            String since = token(app.token());
            if (!hidden.isEmpty()) {
                String id = matrix.ids.get(hidden.iterator().next());
                favorite(id, true);
                favorite(id, false);
            }
            String added = addFileItDoesNotSee(state);
            matrix.scan();
            ownersAssets();
            String addedId = matrix.ids.get(added);
            boolean addedSeen = state.sees(added, state == AppState.PHOTO_ONLY ? "audio" : "photo", created);
            (addedSeen ? visible : hidden).add(added);
            if (!hidden.isEmpty()) {
                String id = matrix.ids.get(hidden.iterator().next());
                expect(matrix.send(matrix.ownerToken, "POST", "/api/v1/assets/delete", ids(id)), 204);
                expect(matrix.send(matrix.ownerToken, "POST", "/api/v1/trash/restore", ids(id)), 204);
            }
            String visibleId =
                    visible.isEmpty() ? null : matrix.ids.get(visible.iterator().next());
            if (visibleId != null) {
                favorite(visibleId, true);
            }

            List<SseStream.Event> heard = new ArrayList<>();
            boolean favoriteHeard = false;
            for (SseStream.Event event; (event = stream.next(visibleId == null ? QUIET : HEARD)) != null; ) {
                heard.add(event);
                favoriteHeard |= event.ids("updatedAssets").contains(visibleId);
                if (favoriteHeard) {
                    break;
                }
            }
            Set<String> heardIds = new TreeSet<>();
            for (SseStream.Event event : heard) {
                assertThat(event.fullReload())
                        .as(state + ": a full reload " + event.data())
                        .isFalse();
                assertThat(event.id()).isEqualTo(event.data().path("nextToken").asText());
                for (String list : List.of("insertedAssets", "updatedAssets", "deletedAssets")) {
                    heardIds.addAll(event.ids(list));
                }
            }
            for (String name : hidden) {
                assertThat(heardIds)
                        .as(state + ": the stream names hidden " + name)
                        .doesNotContain(matrix.ids.get(name));
            }
            if (visibleId == null) {
                assertThat(heard)
                        .as(state + ": an app that sees nothing hears nothing")
                        .isEmpty();
            } else {
                assertThat(favoriteHeard)
                        .as(state + ": a favorite of what it sees, heard " + heard)
                        .isTrue();
            }
            if (addedSeen) {
                assertThat(heard.stream().flatMap(event -> event.ids("insertedAssets").stream()))
                        .as(state + ": the file added")
                        .contains(addedId);
            }

            JsonNode changes = json(matrix.get(app.token(), "/api/v1/changes?since=" + since));
            assertThat(changes.path("hasIncrementalChanges").asBoolean()).isTrue();
            for (String name : hidden) {
                assertThat(changes.toString())
                        .as(state + ": changes name hidden " + name)
                        .doesNotContain(matrix.ids.get(name));
            }
            if (visibleId != null) {
                assertThat(ids(changes, "updatedAssets"))
                        .as(state + ": changes")
                        .contains(visibleId);
            }
            if (addedSeen) {
                assertThat(ids(changes, "insertedAssets"))
                        .as(state + ": changes")
                        .contains(addedId);
            }
            if (visibleId != null) {
                favorite(visibleId, false);
            }
        }
    }

    /**
     * One app through changes of its grant, each heard once as a full reload: a new selection, an
     * album given whole (then an asset moved into it is an insert, moved out of it a delete), all,
     * the grant taken back (then nothing is heard), and the app revoked (its stream ends).
     */
    @Test
    void aChangeOfTheGrantIsOneFullReloadAndThenTheNewScopeIsHeard() throws Exception {
        AppState.Entered app = AppState.LIMITED_BY_ITEMS.enterApp(matrix);
        AppGrants grants = matrix.library.grants();
        String cat = matrix.ids.get(CAT);
        String dog = matrix.ids.get(DOG);
        String paris = matrix.ids.get(PARIS);
        try (SseStream stream = new SseStream(matrix, app.token())) {
            String before = token(app.token());
            grants.set(app.app(), grants.grant(app.app()), new Selection(Set.of(cat, dog), Set.of()));
            String reload = heardOnce(stream, "a new selection");
            assertThat(json(matrix.get(app.token(), "/api/v1/changes?since=" + before))
                            .path("hasIncrementalChanges")
                            .asBoolean())
                    .as("changes since a token of the grant before")
                    .isFalse();
            try (SseStream resumed = new SseStream(matrix, app.token(), before)) {
                heardOnce(resumed, "a reconnection with a Last-Event-ID of the grant before");
            }
            favorite(paris, true);
            favorite(dog, true);
            SseStream.Event event = stream.next(HEARD);
            assertThat(event)
                    .as("the favorite of an asset that entered the selection")
                    .isNotNull();
            assertThat(event.ids("updatedAssets")).containsExactly(dog);
            assertThat(event.data().toString()).doesNotContain(paris);
            JsonNode changes = json(matrix.get(app.token(), "/api/v1/changes?since=" + reload));
            assertThat(ids(changes, "updatedAssets")).containsExactly(dog);
            favorite(paris, false);
            favorite(dog, false);
            drain(stream);

            grants.set(app.app(), grants.grant(app.app()), new Selection(Set.of(), Set.of(matrix.albums.get(TRIPS))));
            reload = heardOnce(stream, "an album given whole");
            moveInto(dog, TRIPS);
            event = stream.next(HEARD);
            assertThat(event).as("an asset moved into the album given whole").isNotNull();
            assertThat(event.ids("insertedAssets")).containsExactly(dog);
            assertThat(ids(json(matrix.get(app.token(), "/api/v1/changes?since=" + reload)), "insertedAssets"))
                    .containsExactly(dog);
            String moved = token(app.token());
            moveInto(dog, HOME);
            event = stream.next(HEARD);
            assertThat(event).as("an asset moved out of the album given whole").isNotNull();
            assertThat(event.ids("deletedAssets")).containsExactly(dog);
            assertThat(event.ids("insertedAssets")).isEmpty();
            assertThat(ids(json(matrix.get(app.token(), "/api/v1/changes?since=" + moved)), "deletedAssets"))
                    .containsExactly(dog);

            grants.set(app.app(), Grant.all(AppState.EVERY_TYPE, false));
            heardOnce(stream, "all");
            String song = matrix.ids.get(SONG);
            favorite(song, true);
            event = stream.next(HEARD);
            assertThat(event).as("a favorite of an asset it now sees").isNotNull();
            assertThat(event.ids("updatedAssets")).containsExactly(song);
            favorite(song, false);
            drain(stream);

            grants.revoke(app.app());
            reload = heardOnce(stream, "the grant taken back");
            favorite(cat, true);
            assertThat(stream.next(QUIET))
                    .as("a change after the grant was taken back")
                    .isNull();
            assertThat(json(matrix.get(app.token(), "/api/v1/changes?since=" + reload))
                            .toString())
                    .doesNotContain(cat);
            favorite(cat, false);

            // As `camroll apps revoke` and the app's page revoke it: its tokens, then its grant.
            matrix.library.apps().revoke(app.app());
            grants.revoke(app.app());
            assertThat(stream.endsWithin(Duration.ofSeconds(5)))
                    .as("the stream of a revoked app ends")
                    .isTrue();
        }
    }

    /** Waits for the one full reload a grant change sends, and checks that no second event follows. */
    private String heardOnce(SseStream stream, String change) throws InterruptedException {
        SseStream.Event reload = stream.next(HEARD);
        assertThat(reload).as("the event of " + change).isNotNull();
        assertThat(reload.fullReload()).as(change + ": " + reload.data()).isTrue();
        assertThat(reload.id()).isEqualTo(reload.data().path("nextToken").asText());
        assertThat(stream.next(QUIET)).as("a second event after " + change).isNull();
        return reload.id();
    }

    /** Reads what the stream has been sent until it is quiet. */
    private static void drain(SseStream stream) throws InterruptedException {
        while (stream.next(QUIET) != null) {
            // Passed over: the test's own clean-up.
        }
    }

    /**
     * A new file on disk of a media type the state does not see (audio for photos only, else a
     * photo), in a folder a limited state does not see.
     */
    private String addFileItDoesNotSee(AppState state) {
        int n = made.incrementAndGet();
        if (state == AppState.PHOTO_ONLY) {
            String name = "added-" + n + ".m4a";
            TestMedia.audio(root.resolve(HOME).resolve(name), 0.2 + n / 10.0);
            return name;
        }
        String name = "added-" + n + ".jpg";
        TestMedia.jpeg(root.resolve(HOME).resolve(name), 100 + n, 30);
        return name;
    }

    private void moveInto(String assetId, String album) {
        expect(
                matrix.send(
                        matrix.ownerToken,
                        "POST",
                        "/api/v1/albums/" + matrix.albums.get(album) + "/assets",
                        "{\"assetIds\":[\"" + assetId + "\"],\"copy\":false}"),
                204);
    }

    private String token(String bearer) {
        return json(matrix.get(bearer, "/api/v1/changes/token")).path("token").asText();
    }

    private void favorite(String id, boolean favorite) {
        expect(
                matrix.send(
                        matrix.ownerToken,
                        "PUT",
                        "/api/v1/assets/" + id + "/favorite",
                        "{\"favorite\":" + favorite + "}"),
                204);
    }

    private static String ids(String id) {
        return "{\"ids\":[\"" + id + "\"]}";
    }

    private static Set<String> ids(JsonNode changes, String list) {
        Set<String> ids = new TreeSet<>();
        changes.path(list).forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** The owner's assets (not trashed), file name to media type; their ids join the matrix's. */
    private Map<String, String> ownersAssets() {
        Map<String, String> types = new TreeMap<>();
        HttpResponse<String> page =
                matrix.get(matrix.ownerToken, "/api/v1/assets?first=100&mediaType=photo,video,audio");
        for (JsonNode asset : json(page).path("assets")) {
            types.put(asset.path("filename").asText(), asset.path("mediaType").asText());
            matrix.ids.put(asset.path("filename").asText(), asset.path("id").asText());
        }
        return types;
    }
}
