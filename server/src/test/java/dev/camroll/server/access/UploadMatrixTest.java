package dev.camroll.server.access;

import static dev.camroll.server.access.MatrixLibrary.TRIPS;
import static dev.camroll.server.access.MatrixLibrary.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camroll.core.testing.TestMedia;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The upload routes by apps ({@code POST /api/v1/assets} as a raw body and as a multipart form,
 * and {@code POST /api/v1/albums/upload}, an album with its first file): an app whose grant writes
 * uploads and then sees what it saw and what it uploaded, an add-only app only what it uploaded;
 * an app without a grant is refused and nothing of its upload is left, in the library or the
 * server's data. An upload into an album the app does not see fails as one into a made-up album.
 */
class UploadMatrixTest extends OnMatrixLibrary {
    private static final String MADE_UP = "a".repeat(13);

    private final AtomicInteger made = new AtomicInteger();

    @ParameterizedTest
    @EnumSource(
            value = AppState.class,
            names = {"ADD_ONLY", "LIMITED_BY_ITEMS", "ALL", "PHOTO_ONLY"})
    void anAppThatWritesUploadsAndSeesWhatItUploaded(AppState state) throws Exception {
        String token = state.enter(matrix);
        Map<String, String> before = owners();
        Set<String> uploaded = new TreeSet<>();
        String raw = name("raw");
        expectCreated(matrix.upload(token, raw, jpeg()), raw);
        uploaded.add(raw);
        String form = name("form");
        expectCreated(multipart(token, "/api/v1/assets", form, jpeg()), form);
        uploaded.add(form);
        String albumName = "Album " + made.incrementAndGet();
        String first = name("first");
        HttpResponse<String> album = rawUpload(
                token, "/api/v1/albums/upload?name=" + albumName.replace(" ", "%20") + "&filename=" + first, jpeg());
        assertThat(album.statusCode())
                .as(state + ": an album with its first file: " + album.body())
                .isEqualTo(201);
        assertThat(json(album).path("assetCount").asInt()).isEqualTo(1);
        uploaded.add(first);

        Map<String, String> after = owners();
        assertThat(after.keySet()).as("the owner's library").containsAll(before.keySet());
        Set<String> added = new TreeSet<>(after.keySet());
        added.removeAll(before.keySet());
        assertThat(added).as("what the uploads added").isEqualTo(uploaded);

        Set<String> expected = new TreeSet<>(uploaded);
        before.forEach((name, type) -> {
            if (state.sees(name, type, Set.of())) {
                expected.add(name);
            }
        });
        JsonNode list = json(matrix.get(token, "/api/v1/assets?first=100&mediaType=photo,video,audio"));
        assertThat(names(list)).as(state + ": what it sees after its uploads").isEqualTo(expected);
        assertThat(list.path("totalCount").asInt()).isEqualTo(expected.size());
        Map<String, Integer> albums = new TreeMap<>();
        json(matrix.get(token, "/api/v1/albums"))
                .forEach(each -> albums.put(
                        each.path("title").asText(), each.path("assetCount").asInt()));
        assertThat(albums).as(state + ": its albums").containsEntry(albumName, 1);
        if (state == AppState.ADD_ONLY) {
            assertThat(albums.values().stream().mapToInt(Integer::intValue).sum())
                    .as("an add-only app's albums count only its uploads")
                    .isEqualTo(uploaded.size());
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = AppState.class,
            names = {"NONE", "UNDETERMINED", "DENIED", "ONE_TIME_EXPIRED"})
    void anAppWithoutAGrantUploadsNothing(AppState state) throws Exception {
        String token = state.enter(matrix);
        Map<String, String> before = owners();
        Set<Path> files = filesOfTheLibrary();
        String raw = name("refused");
        HttpResponse<String> byBody = matrix.upload(token, raw, jpeg());
        HttpResponse<String> byForm = multipart(token, "/api/v1/assets", name("refused"), jpeg());
        String albumName = "Refused " + made.incrementAndGet();
        HttpResponse<String> byAlbum = rawUpload(
                token,
                "/api/v1/albums/upload?name=" + albumName.replace(" ", "%20") + "&filename=" + name("x"),
                jpeg());
        for (HttpResponse<String> refused : new HttpResponse[] {byBody, byForm, byAlbum}) {
            assertThat(refused.statusCode())
                    .as(state + ": " + refused.request().uri() + " " + refused.body())
                    .isEqualTo(403);
            assertThat(refused.body()).contains("\"forbidden\"");
        }
        assertThat(owners()).as("the owner's library").isEqualTo(before);
        assertThat(filesOfTheLibrary())
                .as("the files of the library and the server's data")
                .isEqualTo(files);
        assertThat(root.resolve(albumName)).doesNotExist();
    }

    /** An upload into an album the app does not see answers as one into a made-up album, and adds nothing. */
    @ParameterizedTest
    @EnumSource(
            value = AppState.class,
            names = {"ADD_ONLY", "LIMITED_BY_ITEMS", "PHOTO_ONLY"})
    void anUploadIntoAHiddenAlbumIsAsIntoAMadeUpOne(AppState state) throws Exception {
        String token = state.enter(matrix);
        matrix.readAlbums();
        String trips = matrix.albums.get(TRIPS);
        boolean seesTrips =
                json(matrix.get(token, "/api/v1/albums")).findValuesAsText("id").contains(trips);
        if (seesTrips) {
            return;
        }
        Map<String, String> before = owners();
        HttpResponse<String> hidden =
                rawUpload(token, "/api/v1/assets?album=" + trips + "&filename=" + name("in"), jpeg());
        HttpResponse<String> madeUp =
                rawUpload(token, "/api/v1/assets?album=" + MADE_UP + "&filename=" + name("in"), jpeg());
        assertThat(hidden.statusCode())
                .as(state + " " + hidden.body())
                .isEqualTo(madeUp.statusCode())
                .isEqualTo(404);
        assertThat(hidden.body().replace(trips, "ID")).isEqualTo(madeUp.body().replace(MADE_UP, "ID"));
        assertThat(owners()).isEqualTo(before);
    }

    private String name(String what) {
        return what + "-" + made.incrementAndGet() + ".jpg";
    }

    /** A JPEG unlike any other of the library (its size), so that no upload is taken for a copy. */
    private byte[] jpeg() {
        int n = made.incrementAndGet();
        return TestMedia.jpegBytes(60 + n, 20 + n % 7);
    }

    private static void expectCreated(HttpResponse<String> response, String name) {
        assertThat(response.statusCode())
                .as(response.request().uri() + " " + response.body())
                .isEqualTo(201);
        assertThat(json(response).path("filename").asText()).isEqualTo(name);
    }

    private HttpResponse<String> rawUpload(String token, String pathAndQuery, byte[] body) {
        return matrix.call(
                HttpRequest.newBuilder(matrix.uri(pathAndQuery))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> multipart(String token, String path, String filename, byte[] file) throws IOException {
        String boundary = "matrix" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return matrix.call(
                HttpRequest.newBuilder(matrix.uri(path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The owner's assets (not trashed): file name to media type. */
    private Map<String, String> owners() {
        Map<String, String> types = new TreeMap<>();
        for (JsonNode asset : json(matrix.get(
                        matrix.ownerToken, "/api/v1/assets?first=200&mediaType=photo,video,audio"))
                .path("assets")) {
            types.put(asset.path("filename").asText(), asset.path("mediaType").asText());
        }
        return types;
    }

    /** Every file under the root, the data folder's included (but the index's own files, which a read may touch). */
    private Set<Path> filesOfTheLibrary() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            Set<Path> found = new TreeSet<>();
            files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("index.db"))
                    .forEach(found::add);
            return found;
        }
    }

    private static Set<String> names(JsonNode list) {
        Set<String> names = new TreeSet<>();
        list.path("assets").forEach(asset -> names.add(asset.path("filename").asText()));
        return names;
    }
}
