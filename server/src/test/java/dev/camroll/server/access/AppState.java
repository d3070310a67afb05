package dev.camroll.server.access;

import static dev.camroll.server.access.MatrixLibrary.CAT;
import static dev.camroll.server.access.MatrixLibrary.CLIP;
import static dev.camroll.server.access.MatrixLibrary.PARIS;
import static dev.camroll.server.access.MatrixLibrary.SCREENSHOT;
import static dev.camroll.server.access.MatrixLibrary.TRIPS;

import dev.camroll.api.GranularPermission;
import dev.camroll.core.access.App;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.ConsentAnswer;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.OAuthScopes;
import java.time.Duration;
import java.util.Set;

/** The states of an app the matrix runs every route against, each made through the library's grants. */
enum AppState {
    NONE(Seen.NOTHING, false),
    UNDETERMINED(Seen.NOTHING, false),
    DENIED(Seen.NOTHING, false),
    LIMITED_BY_ITEMS(Seen.SELECTED_ITEMS, false),
    LIMITED_BY_ALBUM(Seen.SELECTED_ALBUM, true),
    ALL(Seen.EVERYTHING, true),
    ALL_WITHOUT_LOCATION(Seen.EVERYTHING, false),
    PHOTO_ONLY(Seen.PHOTOS, false),
    VIDEO_ONLY(Seen.VIDEOS, false),
    ADD_ONLY(Seen.CREATED, false),
    ONE_TIME_EXPIRED(Seen.NOTHING, false),
    REVOKED(Seen.NOTHING, false);

    /** What a state lets its app see of the library. */
    enum Seen {
        NOTHING,
        SELECTED_ITEMS,
        SELECTED_ALBUM,
        EVERYTHING,
        PHOTOS,
        VIDEOS,
        CREATED
    }

    static final Set<GranularPermission> EVERY_TYPE = Set.of(GranularPermission.values());

    final Seen seen;
    final boolean location;

    AppState(Seen seen, boolean location) {
        this.seen = seen;
        this.location = location;
    }

    /** An app put in a state: its id (for the owner's changes of its grant) and its access token. */
    record Entered(AppId app, String token) {}

    /** Makes a new app in this state over the library and gives its access token. */
    String enter(MatrixLibrary matrix) throws InterruptedException {
        return enterApp(matrix).token();
    }

    /** Whether this state sees an asset of the library (not in the trash) by its file name and media type. */
    boolean sees(String name, String mediaType, Set<String> created) {
        return switch (seen) {
            case NOTHING -> false;
            case EVERYTHING -> true;
            case PHOTOS -> mediaType.equals("photo");
            case VIDEOS -> mediaType.equals("video");
            case SELECTED_ITEMS -> name.equals(CAT) || name.equals(PARIS);
            case SELECTED_ALBUM ->
                name.equals(PARIS) || name.equals(CLIP) || name.equals(SCREENSHOT) || name.startsWith("later-");
            case CREATED -> created.contains(name);
        };
    }

    /** Makes a new app in this state over the library. */
    Entered enterApp(MatrixLibrary matrix) throws InterruptedException {
        App app = matrix.library.apps().add("Matrix " + name());
        AppGrants grants = matrix.library.grants();
        switch (this) {
            case NONE, REVOKED -> {}
            case UNDETERMINED -> grants.request(app.id(), false, EVERY_TYPE);
            case DENIED ->
                grants.answer(grants.request(app.id(), false, EVERY_TYPE).id(), new ConsentAnswer.Deny(false));
            case LIMITED_BY_ITEMS ->
                grants.answer(
                        grants.request(app.id(), false, EVERY_TYPE).id(),
                        new ConsentAnswer.AllowSelected(
                                Set.of(matrix.ids.get(CAT), matrix.ids.get(PARIS)), Set.of(), false));
            case LIMITED_BY_ALBUM ->
                grants.answer(
                        grants.request(app.id(), false, EVERY_TYPE).id(),
                        new ConsentAnswer.AllowSelected(Set.of(), Set.of(matrix.albums.get(TRIPS)), true));
            case ALL ->
                grants.answer(grants.request(app.id(), false, EVERY_TYPE).id(), new ConsentAnswer.AllowAll(true));
            case ALL_WITHOUT_LOCATION ->
                grants.answer(grants.request(app.id(), false, EVERY_TYPE).id(), new ConsentAnswer.AllowAll(false));
            case PHOTO_ONLY -> grants.set(app.id(), Grant.all(Set.of(GranularPermission.PHOTO), false));
            case VIDEO_ONLY -> grants.set(app.id(), Grant.all(Set.of(GranularPermission.VIDEO), false));
            case ADD_ONLY -> grants.set(app.id(), Grant.writeOnly(EVERY_TYPE));
            case ONE_TIME_EXPIRED -> {
                grants.answer(
                        grants.request(app.id(), false, EVERY_TYPE).id(),
                        new ConsentAnswer.AllowOnce(true, Duration.ofMillis(200)));
                Thread.sleep(300);
            }
        }
        Set<String> scopes = OAuthScopes.of(grants.grant(app.id()));
        String token = matrix.library
                .apps()
                .issue(app.id(), scopes.isEmpty() ? Set.of(OAuthScopes.LIBRARY_READ) : scopes)
                .accessToken();
        if (this == REVOKED) {
            grants.set(app.id(), Grant.all(EVERY_TYPE, true));
            matrix.library.apps().revoke(app.id());
        }
        return new Entered(app.id(), token);
    }
}
