package dev.camroll.server.access;

import static dev.camroll.server.access.MatrixLibrary.CAT;
import static dev.camroll.server.access.MatrixLibrary.CLIP;
import static dev.camroll.server.access.MatrixLibrary.PARIS;
import static dev.camroll.server.access.MatrixLibrary.SONG;
import static dev.camroll.server.access.MatrixLibrary.TRASHED;
import static dev.camroll.server.access.MatrixLibrary.TRIPS;
import static dev.camroll.server.access.MatrixLibrary.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camroll.core.media.redact.LocatedFiles;
import dev.camroll.core.media.redact.NoLocation;
import dev.camroll.core.testing.TestMedia;
import io.javalin.Javalin;
import java.lang.reflect.Field;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every route of the API against every state of an app, over one real server and library: nothing
 * outside the app's scope is observable. A hidden asset is not listed, not counted, answers as a
 * made-up id does byte for byte, is not in changes, and cannot be written; without the location
 * permission no coordinates are in any JSON or byte served. Every route registered in the server
 * has its row in {@link RouteRows}, so a new route cannot escape the matrix.
 */
class ScopeMatrixTest extends OnMatrixLibrary {
    private static final String ALL_TYPES = "mediaType=photo,video,audio";

    @Test
    void everyRouteOfTheApiHasARowInTheMatrix() throws Exception {
        Field app = dev.camroll.server.http.CamrollServer.class.getDeclaredField("app");
        app.setAccessible(true);
        Set<String> registered = new TreeSet<>();
        for (var endpoint : ((Javalin) app.get(matrix.server)).unsafe.internalRouter.allHttpHandlers()) {
            String method = endpoint.endpoint.method.name();
            if (endpoint.endpoint.path.startsWith("/api/v1")
                    && endpoint.endpoint.method.isHttpMethod()
                    && !method.equals("OPTIONS")) {
                registered.add(method + " " + endpoint.endpoint.path);
            }
        }
        assertThat(registered).isNotEmpty();
        assertThat(RouteRows.ROWS.keySet()).containsExactlyInAnyOrderElementsOf(registered);
    }

    /**
     * An app's signed media URL opens for that app alone: named for another app it is refused, and
     * once its asset leaves the app's selection it opens nothing.
     */
    @Test
    void aSignedUrlIsTheAppsOwnAndEndsWhenItsAssetLeavesTheScope() throws Exception {
        String token = AppState.LIMITED_BY_ITEMS.enter(matrix);
        String other = AppState.ALL.enter(matrix);
        JsonNode cat = json(matrix.get(token, "/api/v1/assets/" + matrix.ids.get(CAT)));
        java.net.URI signed = java.net.URI.create(cat.path("uri").asText());
        assertThat(matrix.bytes(signed).statusCode()).as("the app's own URL").isEqualTo(200);
        assertThat(matrix.bytes(java.net.URI.create(signed.toString().replace("/original", "/thumbnail")))
                        .statusCode())
                .isEqualTo(200);

        String othersApp = java.net
                .URI
                .create(json(matrix.get(other, "/api/v1/assets/" + matrix.ids.get(CAT)))
                        .path("uri")
                        .asText())
                .getQuery()
                .replaceAll(".*app=([^&]+).*", "$1");
        String named = signed.toString().replaceAll("app=[^&]+", "app=" + othersApp);
        assertThat(named).isNotEqualTo(signed.toString());
        assertThat(matrix.bytes(java.net.URI.create(named)).statusCode())
                .as("named for another app")
                .isEqualTo(401);

        String appId = signed.getQuery().replaceAll(".*app=([^.&]+).*", "$1");
        dev.camroll.core.access.AppId app = new dev.camroll.core.access.AppId(appId);
        matrix.library
                .grants()
                .set(
                        app,
                        matrix.library.grants().grant(app),
                        new dev.camroll.core.access.Selection(Set.of(matrix.ids.get(PARIS)), Set.of()));
        assertThat(matrix.bytes(signed).statusCode())
                .as("after the asset left the selection")
                .isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(AppState.class)
    void nothingOutsideTheScopeIsObservable(AppState state) throws Exception {
        String token = state.enter(matrix);
        if (state == AppState.REVOKED) {
            RouteRows.assertEveryRouteRefuses(matrix, token, matrix.ids.get(CAT), matrix.albums.get(TRIPS));
            return;
        }
        Set<String> created = new HashSet<>();
        if (state.seen == AppState.Seen.CREATED) {
            HttpResponse<String> made = matrix.upload(token, "made.jpg", TestMedia.jpegBytes(21, 34));
            assertThat(made.statusCode()).as(made.body()).isIn(200, 201);
            created.add("made.jpg");
        }
        Map<String, String> owners = ownersAssets();
        matrix.readAlbums();
        // An album given whole shows what is added to it later.
        if (state.seen == AppState.Seen.SELECTED_ALBUM) {
            TestMedia.jpeg(root.resolve(TRIPS).resolve("later-" + System.nanoTime() + ".jpg"), 33, 22);
            matrix.scan();
            owners = ownersAssets();
            matrix.readAlbums();
        }
        List<String> served = new ArrayList<>();
        Set<String> visible = visible(state, owners, created);
        Set<String> hidden = new HashSet<>(owners.keySet());
        hidden.removeAll(visible);
        if (!seesTrash(state)) {
            hidden.add(TRASHED);
        }

        JsonNode list = read(served, matrix.get(token, "/api/v1/assets?first=100&" + ALL_TYPES));
        assertThat(names(list.path("assets"))).as("listed").containsExactlyInAnyOrderElementsOf(visible);
        assertThat(list.path("totalCount").asInt()).as("totalCount").isEqualTo(visible.size());

        String byIds = "/api/v1/assets?id=" + String.join("&id=", matrix.ids.values());
        assertThat(names(read(served, matrix.get(token, byIds)).path("assets")))
                .as("by ids")
                .containsExactlyInAnyOrderElementsOf(visible);

        assertThat(read(served, matrix.get(token, "/api/v1/assets/months?" + ALL_TYPES))
                        .path("totalCount")
                        .asInt())
                .as("months' total")
                .isEqualTo(visible.size());

        checkAlbums(token, visible, served);
        checkSubtypes(token, visible, served);
        checkHiddenIds(token, hidden);
        checkVisibleIds(state, token, visible, served);
        checkTrash(state, token, served);
        checkChanges(token, hidden, visible, served);
        checkWritesOnHidden(token, hidden);
        assertThat(matrix.send(token, "POST", "/api/v1/session", "{\"token\":\"" + token + "\"}")
                        .statusCode())
                .as("an app's token opens no owner's session")
                .isEqualTo(401);
        JsonNode scan = read(served, matrix.send(token, "POST", "/api/v1/scan", "{}"));
        assertThat(scan.path("unchanged").asInt() + scan.path("added").asInt())
                .as("an app's scan counts no file of the library")
                .isZero();
        assertThat(scan.path("warnings")).as("nor names one").isEmpty();

        if (!state.location) {
            for (String body : served) {
                assertThat(body)
                        .doesNotContain("48.858")
                        .doesNotContain("2.294")
                        .doesNotContain(LocatedFiles.ISO6709);
            }
        }
    }

    /** The owner's assets (not trashed): file name to media type. */
    private Map<String, String> ownersAssets() {
        Map<String, String> types = new HashMap<>();
        for (JsonNode asset : json(matrix.get(matrix.ownerToken, "/api/v1/assets?first=100&" + ALL_TYPES))
                .path("assets")) {
            types.put(asset.path("filename").asText(), asset.path("mediaType").asText());
            matrix.ids.putIfAbsent(
                    asset.path("filename").asText(), asset.path("id").asText());
        }
        return types;
    }

    private Set<String> visible(AppState state, Map<String, String> owners, Set<String> created) {
        Set<String> names = new HashSet<>();
        owners.forEach((name, type) -> {
            if (state.sees(name, type, created)) {
                names.add(name);
            }
        });
        return names;
    }

    private void checkAlbums(String token, Set<String> visible, List<String> served) {
        Map<String, Set<String>> contents = new HashMap<>();
        matrix.albums.forEach((title, id) -> {
            Set<String> inAlbum =
                    names(json(matrix.get(matrix.ownerToken, "/api/v1/assets?first=100&album=" + id + "&" + ALL_TYPES))
                            .path("assets"));
            inAlbum.retainAll(visible);
            contents.put(id, inAlbum);
        });
        Map<String, Integer> listed = new HashMap<>();
        for (JsonNode album : read(served, matrix.get(token, "/api/v1/albums"))) {
            listed.put(album.path("id").asText(), album.path("assetCount").asInt());
        }
        Map<String, Integer> expected = new HashMap<>();
        contents.forEach((id, names) -> {
            if (!names.isEmpty()) {
                expected.put(id, names.size());
            }
        });
        assertThat(listed).as("albums and their counts").isEqualTo(expected);
        matrix.albums.forEach((title, id) -> {
            HttpResponse<String> byTitle = matrix.get(token, "/api/v1/albums/by-title?title=" + title);
            served.add(byTitle.body());
            assertThat(byTitle.statusCode())
                    .as("album " + title + " by title")
                    .isEqualTo(expected.containsKey(id) ? 200 : 404);
        });
        // Moments: only those holding a photo or video the app sees, counted by what it sees.
        int inMoments = 0;
        for (JsonNode moment : read(served, matrix.get(token, "/api/v1/moments"))) {
            int count = moment.path("assetCount").asInt();
            assertThat(count).as("a moment listed holds what the app sees").isPositive();
            Set<String> inMoment = names(json(matrix.get(
                            token,
                            "/api/v1/assets?first=100&album="
                                    + moment.path("id").asText() + "&" + ALL_TYPES))
                    .path("assets"));
            assertThat(inMoment).as("moment " + moment.path("title").asText()).hasSize(count);
            assertThat(visible).containsAll(inMoment);
            inMoments += count;
        }
        assertThat(inMoments)
                .as("every photo and video the app sees, in one moment each")
                .isEqualTo((int)
                        visible.stream().filter(name -> !name.equals(SONG)).count());
        checkSmartAlbums(token, visible, served);
    }

    /**
     * An app sees a smart album only when it holds an asset the app sees (Favorites and Recents
     * always, as on a phone), counted over what it sees; listing it gives those assets alone, and
     * by title it is found only when listed.
     */
    private void checkSmartAlbums(String token, Set<String> visible, List<String> served) {
        Map<String, Integer> expected = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        for (JsonNode album : json(matrix.get(matrix.ownerToken, "/api/v1/albums?includeSmartAlbums=true"))) {
            String id = album.path("id").asText();
            if (!album.path("type").asText().equals("smart")) {
                continue;
            }
            titles.put(id, album.path("title").asText());
            Set<String> inAlbum =
                    names(json(matrix.get(matrix.ownerToken, "/api/v1/assets?first=100&album=" + id + "&" + ALL_TYPES))
                            .path("assets"));
            inAlbum.retainAll(visible);
            if (!inAlbum.isEmpty() || id.equals("smart-favorites") || id.equals("smart-recents")) {
                expected.put(id, inAlbum.size());
            }
            JsonNode page = read(served, matrix.get(token, "/api/v1/assets?first=100&album=" + id + "&" + ALL_TYPES));
            assertThat(names(page.path("assets"))).as("the assets of " + id).isEqualTo(inAlbum);
            assertThat(page.path("totalCount").asInt()).as("the total of " + id).isEqualTo(inAlbum.size());
        }
        assertThat(titles).containsKeys("smart-favorites", "smart-recents", "smart-videos", "smart-screenshots");
        Map<String, Integer> listed = new HashMap<>();
        for (JsonNode album : read(served, matrix.get(token, "/api/v1/albums?includeSmartAlbums=true"))) {
            if (album.path("type").asText().equals("smart")) {
                listed.put(album.path("id").asText(), album.path("assetCount").asInt());
            }
        }
        assertThat(listed).as("smart albums and their counts").isEqualTo(expected);
        titles.forEach((id, title) -> {
            HttpResponse<String> byTitle =
                    matrix.get(token, "/api/v1/albums/by-title?title=" + title.replace(" ", "%20"));
            served.add(byTitle.body());
            assertThat(byTitle.statusCode())
                    .as("smart album " + title + " by title")
                    .isEqualTo(expected.containsKey(id) ? 200 : 404);
        });
    }

    /** A visible asset has the subtypes the owner sees: the rule's result, neither withheld nor another's. */
    private void checkSubtypes(String token, Set<String> visible, List<String> served) {
        Map<String, String> owners = new HashMap<>();
        for (JsonNode asset : json(matrix.get(matrix.ownerToken, "/api/v1/assets?first=100&" + ALL_TYPES))
                .path("assets")) {
            owners.put(
                    asset.path("filename").asText(), asset.path("mediaSubtypes").toString());
        }
        assertThat(owners.get(MatrixLibrary.SCREENSHOT)).isEqualTo("[\"screenshot\"]");
        Map<String, String> apps = new HashMap<>();
        for (JsonNode asset : read(served, matrix.get(token, "/api/v1/assets?first=100&" + ALL_TYPES))
                .path("assets")) {
            apps.put(
                    asset.path("filename").asText(), asset.path("mediaSubtypes").toString());
        }
        Map<String, String> expected = new HashMap<>(owners);
        expected.keySet().retainAll(visible);
        assertThat(apps).as("the subtypes of what the app sees").isEqualTo(expected);
    }

    /** Every read of a hidden id answers as a made-up id does, but for the id. */
    private void checkHiddenIds(String token, Set<String> hidden) {
        String madeUp = "a".repeat(13);
        for (String name : hidden) {
            String id = matrix.ids.get(name);
            for (String suffix : new String[] {"", "/original", "/thumbnail", "/rendition", "/paired-video"}) {
                for (String method : suffix.isEmpty() ? new String[] {"GET"} : new String[] {"GET", "HEAD"}) {
                    HttpResponse<byte[]> real = matrix.bytes(token, method, "/api/v1/assets/" + id + suffix);
                    HttpResponse<byte[]> missing = matrix.bytes(token, method, "/api/v1/assets/" + madeUp + suffix);
                    String what = method + " " + name + suffix + " " + new String(real.body());
                    assertThat(real.statusCode()).as(what).isEqualTo(404).isEqualTo(missing.statusCode());
                    assertThat(new String(real.body()).replace(id, "ID"))
                            .as(what)
                            .isEqualTo(new String(missing.body()).replace(madeUp, "ID"));
                }
            }
        }
    }

    private void checkVisibleIds(AppState state, String token, Set<String> visible, List<String> served) {
        for (String name : visible) {
            String id = matrix.ids.get(name);
            JsonNode info = read(served, matrix.get(token, "/api/v1/assets/" + id));
            assertThat(info.path("id").asText()).isEqualTo(id);
            assertThat(info.path("location").isObject())
                    .as("location of " + name)
                    .isEqualTo(state.location
                            && (name.endsWith(".jpg")
                                            && !name.startsWith("dog")
                                            && !name.startsWith("made")
                                            && !name.startsWith("later")
                                    || name.equals(CLIP)));
            HttpResponse<byte[]> original = matrix.bytes(token, "GET", "/api/v1/assets/" + id + "/original");
            assertThat(original.statusCode()).as("original of " + name).isEqualTo(200);
            if (!state.location && MatrixLibrary.LOCATED.contains(name) && !name.equals(CLIP)) {
                byte[] onDisk = matrix.bytes(matrix.ownerToken, "GET", "/api/v1/assets/" + id + "/original")
                        .body();
                NoLocation.assertNone(original.body(), NoLocation.rawCoordinates(onDisk));
            }
            if (!state.location && name.equals(CLIP)) {
                NoLocation.assertNoText(original.body(), LocatedFiles.ISO6709);
            }
        }
    }

    private static boolean seesTrash(AppState state) {
        return state.seen == AppState.Seen.EVERYTHING || state.seen == AppState.Seen.PHOTOS;
    }

    private void checkTrash(AppState state, String token, List<String> served) {
        boolean seesTrashed = seesTrash(state);
        JsonNode trash = read(served, matrix.get(token, "/api/v1/trash"));
        Set<String> ids = new HashSet<>();
        trash.path("ids").forEach(id -> ids.add(id.asText()));
        assertThat(ids).as("the trash").isEqualTo(seesTrashed ? Set.of(matrix.ids.get(TRASHED)) : Set.of());
        JsonNode page = read(served, matrix.get(token, "/api/v1/trash/assets"));
        assertThat(names(page.path("assets")))
                .as("the trash's assets")
                .isEqualTo(seesTrashed ? Set.of(TRASHED) : Set.of());
        assertThat(page.path("totalCount").asInt()).isEqualTo(seesTrashed ? 1 : 0);
    }

    /** A change to a hidden asset is not in the app's changes; one to a visible asset is. */
    private void checkChanges(String token, Set<String> hidden, Set<String> visible, List<String> served) {
        String since = read(served, matrix.get(token, "/api/v1/changes/token"))
                .path("token")
                .asText();
        String hiddenName = hidden.stream()
                .filter(name -> !name.equals(TRASHED))
                .findFirst()
                .orElse(null);
        if (hiddenName != null) {
            toggleFavorite(matrix.ids.get(hiddenName));
        }
        String visibleName = visible.stream().findFirst().orElse(null);
        if (visibleName != null) {
            toggleFavorite(matrix.ids.get(visibleName));
        }
        HttpResponse<String> changes = matrix.get(token, "/api/v1/changes?since=" + since);
        served.add(changes.body());
        assertThat(changes.statusCode()).isEqualTo(200);
        for (String name : hidden) {
            assertThat(changes.body()).as("changes").doesNotContain(matrix.ids.get(name));
        }
        if (visibleName != null) {
            assertThat(changes.body()).as("changes").contains(matrix.ids.get(visibleName));
        }
        if (hiddenName != null) {
            toggleFavorite(matrix.ids.get(hiddenName));
        }
        if (visibleName != null) {
            toggleFavorite(matrix.ids.get(visibleName));
        }
    }

    private void toggleFavorite(String id) {
        boolean favorite = json(matrix.get(matrix.ownerToken, "/api/v1/assets/" + id))
                .path("isFavorite")
                .asBoolean();
        MatrixLibrary.expect(
                matrix.send(
                        matrix.ownerToken,
                        "PUT",
                        "/api/v1/assets/" + id + "/favorite",
                        "{\"favorite\":" + !favorite + "}"),
                204);
    }

    /** Writes naming a hidden asset are refused as for a missing one, and the owner sees nothing changed. */
    private void checkWritesOnHidden(String token, Set<String> hidden) {
        String before = ownersState();
        String trashBefore = matrix.get(matrix.ownerToken, "/api/v1/trash").body();
        String album = matrix.albums.get(TRIPS);
        for (String name : hidden) {
            String id = matrix.ids.get(name);
            List<HttpResponse<String>> writes = List.of(
                    matrix.send(token, "PUT", "/api/v1/assets/" + id + "/favorite", "{\"favorite\":true}"),
                    matrix.send(token, "POST", "/api/v1/assets/delete", "{\"ids\":[\"" + id + "\"]}"),
                    matrix.send(token, "POST", "/api/v1/trash/restore", "{\"ids\":[\"" + id + "\"]}"),
                    matrix.send(
                            token, "POST", "/api/v1/albums/" + album + "/assets", "{\"assetIds\":[\"" + id + "\"]}"),
                    matrix.send(
                            token,
                            "POST",
                            "/api/v1/albums/" + album + "/assets/remove",
                            "{\"assetIds\":[\"" + id + "\"]}"),
                    matrix.send(token, "POST", "/api/v1/albums", "{\"name\":\"Copied\",\"assetId\":\"" + id + "\"}"));
            for (HttpResponse<String> write : writes) {
                assertThat(write.statusCode())
                        .as(write.request().method() + " " + write.request().uri() + " " + write.body())
                        .isIn(403, 404);
                assertThat(write.body()).doesNotContain("confirmation_required");
            }
        }
        assertThat(ownersState()).as("the owner's library after the writes").isEqualTo(before);
        assertThat(matrix.get(matrix.ownerToken, "/api/v1/trash").body()).isEqualTo(trashBefore);
    }

    /** The owner's assets with their albums and favorites (not their signed URLs, which are new each time). */
    private String ownersState() {
        StringBuilder state = new StringBuilder();
        for (JsonNode asset : json(matrix.get(matrix.ownerToken, "/api/v1/assets?first=100&" + ALL_TYPES))
                .path("assets")) {
            String id = asset.path("id").asText();
            state.append(id)
                    .append(' ')
                    .append(asset.path("albumId").asText())
                    .append(' ')
                    .append(json(matrix.get(matrix.ownerToken, "/api/v1/assets/" + id))
                            .path("isFavorite")
                            .asBoolean())
                    .append('\n');
        }
        return state.toString();
    }

    private static JsonNode read(List<String> served, HttpResponse<String> response) {
        served.add(response.body());
        assertThat(response.statusCode())
                .as(response.request().uri() + " " + response.body())
                .isEqualTo(200);
        return json(response);
    }

    private static Set<String> names(JsonNode assets) {
        Set<String> names = new TreeSet<>();
        assets.forEach(asset -> names.add(asset.path("filename").asText()));
        return names;
    }
}
