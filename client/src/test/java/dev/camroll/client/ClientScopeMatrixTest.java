package dev.camroll.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.AssetSource;
import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.MediaType;
import dev.camroll.api.NotFoundException;
import dev.camroll.core.access.App;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.ConsentAnswer;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.OAuthScopes;
import dev.camroll.core.media.redact.LocatedFiles;
import dev.camroll.core.media.redact.NoLocation;
import dev.camroll.core.testing.TestMedia;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Java client as an app, against the states of the server's scope matrix over one real server:
 * what the client lists, counts, reads by id and opens is what the same token sees over HTTP, and
 * a hidden id has the client's not-found outcome, the same as a made-up id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientScopeMatrixTest {
    private static final JsonMapper JSON = new JsonMapper();
    private static final Set<GranularPermission> EVERY_TYPE = Set.of(GranularPermission.values());
    private static final String MADE_UP = "a".repeat(13);
    private static final AssetQuery EVERYTHING = AssetQuery.builder()
            .first(100)
            .mediaTypes(MediaType.PHOTO, MediaType.VIDEO, MediaType.AUDIO)
            .build();

    /** The files with GPS in their EXIF. */
    private static final Set<String> LOCATED = Set.of("root.jpg", "paris.jpg", "cat.jpg");

    /** A state of an app, what it sees of the library (a file name and its media type) and whether with locations. */
    enum State {
        NONE(false),
        UNDETERMINED(false),
        DENIED(false),
        LIMITED_BY_ITEMS(false),
        LIMITED_BY_ALBUM(true),
        ALL(true),
        ALL_WITHOUT_LOCATION(false),
        PHOTO_ONLY(false),
        VIDEO_ONLY(false),
        ADD_ONLY(false),
        ONE_TIME_EXPIRED(false),
        REVOKED(false);

        final boolean location;

        State(boolean location) {
            this.location = location;
        }

        boolean sees(String name, MediaType type, Set<String> created) {
            return switch (this) {
                case NONE, UNDETERMINED, DENIED, ONE_TIME_EXPIRED, REVOKED -> false;
                case LIMITED_BY_ITEMS -> name.equals("cat.jpg") || name.equals("paris.jpg");
                case LIMITED_BY_ALBUM -> name.equals("paris.jpg") || name.equals("clip.mp4");
                case ALL, ALL_WITHOUT_LOCATION -> true;
                case PHOTO_ONLY -> type == MediaType.PHOTO;
                case VIDEO_ONLY -> type == MediaType.VIDEO;
                case ADD_ONLY -> created.contains(name);
            };
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private LiveServer server;
    /** The owner's assets by file name, and the albums by title. */
    private final Map<String, Asset> assets = new TreeMap<>();

    private final Map<String, String> albums = new TreeMap<>();

    @BeforeAll
    void start(@TempDir Path root) throws IOException {
        located(root.resolve("root.jpg"), 64, 48);
        TestMedia.audio(root.resolve("song.m4a"), 0.5);
        Files.createDirectories(root.resolve("Trips"));
        located(root.resolve("Trips/paris.jpg"), 80, 60);
        TestMedia.video(root.resolve("Trips/clip.mp4"), 0.5, 64, 48);
        Files.createDirectories(root.resolve("Home"));
        located(root.resolve("Home/cat.jpg"), 48, 64);
        TestMedia.jpeg(root.resolve("Home/dog.jpg"), 50, 40);
        server = LiveServer.start(root);
        try (CamrollClient owner = server.connect()) {
            for (Asset asset : owner.getAssets(EVERYTHING).assets()) {
                assets.put(asset.filename(), asset);
            }
            for (Album album : owner.getAlbums(false)) {
                albums.put(album.title(), album.id());
            }
        }
        assertThat(assets).hasSize(6);
        assertThat(albums).containsKeys("Trips", "Home");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static void located(Path target, int width, int height) {
        TestMedia.jpegWithExif(
                target,
                width,
                height,
                TestMedia.ExifSpec.builder()
                        .make(LocatedFiles.MAKE)
                        .dateTimeOriginal(LocalDateTime.of(2024, 5, 1, 10, 0))
                        .gps(LocatedFiles.LATITUDE, LocatedFiles.LONGITUDE)
                        .build());
    }

    /** A new app in the state, through the library's grants, and its access token. */
    private String enter(State state) throws InterruptedException {
        App app = server.apps().add("Client " + state);
        AppGrants grants = server.grants();
        switch (state) {
            case NONE, REVOKED -> {}
            case UNDETERMINED -> grants.request(app.id(), false, EVERY_TYPE);
            case DENIED ->
                grants.answer(grants.request(app.id(), false, EVERY_TYPE).id(), new ConsentAnswer.Deny(false));
            case ALL_WITHOUT_LOCATION ->
                grants.answer(grants.request(app.id(), false, EVERY_TYPE).id(), new ConsentAnswer.AllowAll(false));
            case VIDEO_ONLY -> grants.set(app.id(), Grant.all(Set.of(GranularPermission.VIDEO), false));
            case ONE_TIME_EXPIRED -> {
                grants.answer(
                        grants.request(app.id(), false, EVERY_TYPE).id(),
                        new ConsentAnswer.AllowOnce(true, java.time.Duration.ofMillis(200)));
                Thread.sleep(300);
            }
            case LIMITED_BY_ITEMS ->
                grants.answer(
                        grants.request(app.id(), false, EVERY_TYPE).id(),
                        new ConsentAnswer.AllowSelected(
                                Set.of(id("cat.jpg"), id("paris.jpg")), Set.of(), state.location));
            case LIMITED_BY_ALBUM ->
                grants.answer(
                        grants.request(app.id(), false, EVERY_TYPE).id(),
                        new ConsentAnswer.AllowSelected(Set.of(), Set.of(albums.get("Trips")), state.location));
            case ALL ->
                grants.answer(
                        grants.request(app.id(), false, EVERY_TYPE).id(), new ConsentAnswer.AllowAll(state.location));
            case PHOTO_ONLY -> grants.set(app.id(), Grant.all(Set.of(GranularPermission.PHOTO), false));
            case ADD_ONLY -> grants.set(app.id(), Grant.writeOnly(EVERY_TYPE));
        }
        Set<String> scopes = OAuthScopes.of(grants.grant(app.id()));
        String token = server.apps()
                .issue(app.id(), scopes.isEmpty() ? Set.of(OAuthScopes.LIBRARY_READ) : scopes)
                .accessToken();
        if (state == State.REVOKED) {
            grants.set(app.id(), Grant.all(EVERY_TYPE, true));
            server.apps().revoke(app.id());
        }
        return token;
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void theClientSeesWhatTheSameTokenSeesOverHttp(State state) throws Exception {
        String token = enter(state);
        try (CamrollClient app = server.connectAs(token)) {
            if (state == State.REVOKED) {
                assertRefused(() -> app.getAssets(EVERYTHING));
                assertRefused(() -> app.getAssetInfo(id("cat.jpg")));
                assertRefused(() -> app.getAlbums(false));
                assertRefused(() -> app.openOriginal(id("cat.jpg")));
                assertRefused(() -> app.openThumbnail(id("cat.jpg"), "grid"));
                return;
            }
            Set<String> created = new TreeSet<>();
            if (state == State.ADD_ONLY) {
                Asset made = app.createAsset(AssetSource.bytes("made.jpg", TestMedia.jpegBytes(21, 34)), null);
                created.add(made.filename());
                assets.put(made.filename(), made);
                // A new asset of no album goes to the default one, which it may have made.
                try (CamrollClient owner = server.connect()) {
                    owner.getAlbums(false).forEach(album -> albums.put(album.title(), album.id()));
                }
            }
            Set<String> visible = new TreeSet<>();
            Set<String> hidden = new TreeSet<>();
            assets.forEach(
                    (name, asset) -> (state.sees(name, asset.mediaType(), created) ? visible : hidden).add(name));

            AssetPage page = app.getAssets(EVERYTHING);
            JsonNode overHttp = get(token, "/api/v1/assets?first=100&mediaType=photo,video,audio");
            assertThat(names(page)).as(state + ": listed").isEqualTo(visible);
            assertThat(page.totalCount()).as(state + ": totalCount").isEqualTo(visible.size());
            assertThat(ids(page)).isEqualTo(ids(overHttp.path("assets"), node -> node.path("id")
                    .asText()));
            assertThat(overHttp.path("totalCount").asInt()).isEqualTo(page.totalCount());

            assertThat(albumCounts(app)).as(state + ": albums and their counts").isEqualTo(expectedAlbums(visible));
            Map<String, Integer> httpAlbums = new TreeMap<>();
            get(token, "/api/v1/albums")
                    .forEach(album -> httpAlbums.put(
                            album.path("id").asText(), album.path("assetCount").asInt()));
            assertThat(albumCounts(app)).isEqualTo(httpAlbums);

            for (String name : hidden) {
                assertHiddenAsMadeUp(app, assets.get(name).id());
            }
            for (String name : visible) {
                checkVisible(state, app, name);
            }
        }
    }

    /** A hidden id: null info, and the same not-found failure as a made-up id, but for the id. */
    private void assertHiddenAsMadeUp(CamrollClient app, String id) {
        assertThat(app.getAssetInfo(id)).as("info of hidden " + id).isNull();
        assertThat(app.getAssetInfo(MADE_UP)).isNull();
        for (Function<String, InputStream> open : java.util.List.<Function<String, InputStream>>of(
                app::openOriginal, hiddenId -> app.openThumbnail(hiddenId, "grid"))) {
            Throwable hiddenFailure = catchFailure(() -> open.apply(id));
            Throwable madeUpFailure = catchFailure(() -> open.apply(MADE_UP));
            assertThat(hiddenFailure).as("opening hidden " + id).isInstanceOf(NotFoundException.class);
            assertThat(hiddenFailure.getClass()).isEqualTo(madeUpFailure.getClass());
            assertThat(hiddenFailure.getMessage().replace(id, "ID"))
                    .isEqualTo(madeUpFailure.getMessage().replace(MADE_UP, "ID"));
        }
    }

    private void checkVisible(State state, CamrollClient app, String name) throws IOException {
        String id = assets.get(name).id();
        AssetInfo info = app.getAssetInfo(id);
        assertThat(info).as(state + ": info of " + name).isNotNull();
        assertThat(info.asset().id()).isEqualTo(id);
        boolean located = LOCATED.contains(name);
        assertThat(info.location() != null).as(state + ": location of " + name).isEqualTo(state.location && located);
        if (!state.location) {
            assertThat(info.exif().toString().toLowerCase(java.util.Locale.ROOT))
                    .as(state + ": exif of " + name)
                    .doesNotContain("gps latitude")
                    .doesNotContain("gps longitude")
                    .doesNotContain("48.858")
                    .doesNotContain("2.294");
        }
        byte[] served;
        try (InputStream in = app.openOriginal(id)) {
            served = in.readAllBytes();
        }
        assertThat(served).as(state + ": original of " + name).isNotEmpty();
        if (located) {
            byte[] onDisk = Files.readAllBytes(server.root.resolve(
                    name.equals("root.jpg") ? name : (name.equals("paris.jpg") ? "Trips/" : "Home/") + name));
            if (state.location) {
                assertThat(NoLocation.read(served)
                                .getFirstDirectoryOfType(com.drew.metadata.exif.GpsDirectory.class)
                                .getGeoLocation())
                        .as(state + ": the location of " + name)
                        .isNotNull();
            } else {
                NoLocation.assertNone(served, NoLocation.rawCoordinates(onDisk));
            }
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(CamrollException.class)
                .satisfies(e -> assertThat(((CamrollException) e).code()).isEqualTo(ErrorCode.UNAUTHORIZED));
    }

    private static Throwable catchFailure(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("no failure");
    }

    private Map<String, Integer> albumCounts(CamrollClient app) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Album album : app.getAlbums(false)) {
            counts.put(album.id(), album.assetCount());
        }
        return counts;
    }

    /** The albums holding a visible asset, with how many they hold, as the owner lists their assets. */
    private Map<String, Integer> expectedAlbums(Set<String> visible) {
        Map<String, Integer> counts = new HashMap<>();
        try (CamrollClient owner = server.connect()) {
            for (String albumId : albums.values()) {
                Set<String> inAlbum = names(owner.getAssets(AssetQuery.builder()
                        .first(100)
                        .album(albumId)
                        .mediaTypes(MediaType.PHOTO, MediaType.VIDEO, MediaType.AUDIO)
                        .build()));
                inAlbum.retainAll(visible);
                if (!inAlbum.isEmpty()) {
                    counts.put(albumId, inAlbum.size());
                }
            }
        }
        return new TreeMap<>(counts);
    }

    private JsonNode get(String token, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(pathAndQuery + " " + response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String id(String name) {
        return assets.get(name).id();
    }

    private static Set<String> names(AssetPage page) {
        Set<String> names = new TreeSet<>();
        page.assets().forEach(asset -> names.add(asset.filename()));
        return names;
    }

    private static Set<String> ids(AssetPage page) {
        Set<String> ids = new TreeSet<>();
        page.assets().forEach(asset -> ids.add(asset.id()));
        return ids;
    }

    private static Set<String> ids(JsonNode nodes, Function<JsonNode, String> id) {
        Set<String> ids = new TreeSet<>();
        nodes.forEach(node -> ids.add(id.apply(node)));
        return ids;
    }
}
