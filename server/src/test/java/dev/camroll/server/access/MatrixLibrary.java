package dev.camroll.server.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.library.LocalMediaLibrary;
import dev.camroll.core.media.redact.LocatedFiles;
import dev.camroll.core.testing.TestMedia;
import dev.camroll.server.http.CamrollServer;
import dev.camroll.server.http.OwnerToken;
import dev.camroll.server.http.ServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The matrix's one library and one server: photos with GPS in their EXIF, a video with a place, an
 * audio file, a screenshot, in two albums and the root, a favorite, one asset in the trash; so
 * the smart albums Favorites, Recents, Videos and Screenshots hold something. Every state of the
 * matrix is an app of its own over this same server.
 */
final class MatrixLibrary implements AutoCloseable {
    static final JsonMapper JSON = new JsonMapper();

    /** The files of the library by name (each name once), and their folders. */
    static final String ROOT_PHOTO = "root.jpg";

    static final String SONG = "song.m4a";
    static final String PARIS = "paris.jpg";
    static final String CLIP = "clip.mov";
    /** A screenshot (by its name, as Android names them): the one asset of the Screenshots smart album. */
    static final String SCREENSHOT = "Screenshot_20240501-100000.png";

    static final String CAT = "cat.jpg";
    static final String DOG = "dog.jpg";
    static final String TRASHED = "trashed.jpg";
    static final String TRIPS = "Trips";
    static final String HOME = "Home";

    /** The files that carry a location. */
    static final java.util.Set<String> LOCATED = java.util.Set.of(ROOT_PHOTO, PARIS, CLIP, CAT, TRASHED);

    final Path root;
    final LocalMediaLibrary library;
    final CamrollServer server;
    final String ownerToken;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Asset ids by file name, as the owner sees them (the trashed one included). */
    final Map<String, String> ids = new LinkedHashMap<>();
    /** Album ids by title. */
    final Map<String, String> albums = new LinkedHashMap<>();

    MatrixLibrary(Path root) throws IOException {
        this.root = root;
        located(root.resolve(ROOT_PHOTO), 64, 48);
        TestMedia.audio(root.resolve(SONG), 0.5);
        located(root.resolve(TRIPS).resolve(PARIS), 80, 60);
        TestMedia.video(
                root.resolve(TRIPS).resolve(CLIP),
                0.5,
                64,
                48,
                TestMedia.VideoSpec.PLAIN.withTag("com.apple.quicktime.location.ISO6709", LocatedFiles.ISO6709));
        TestMedia.png(root.resolve(TRIPS).resolve(SCREENSHOT), 36, 72);
        located(root.resolve(HOME).resolve(CAT), 48, 64);
        TestMedia.jpeg(root.resolve(HOME).resolve(DOG), 50, 40);
        located(root.resolve(HOME).resolve(TRASHED), 40, 40);
        library = (LocalMediaLibrary)
                MediaLibrary.open(root, LibraryOptions.defaults().withWatch(false));
        Path data = root.resolve(".camroll");
        OwnerToken.Opened token = OwnerToken.openOrCreate(data);
        server = CamrollServer.start(
                library, data, token.stored(), ServerOptions.defaults().withPort(0));
        ownerToken = token.createdToken().orElseThrow();
        for (JsonNode asset : json(get(ownerToken, "/api/v1/assets?first=100&mediaType=photo,video,audio"))
                .path("assets")) {
            ids.put(asset.path("filename").asText(), asset.path("id").asText());
        }
        readAlbums();
        expect(send(ownerToken, "PUT", "/api/v1/assets/" + ids.get(CAT) + "/favorite", "{\"favorite\":true}"), 204);
        expect(send(ownerToken, "POST", "/api/v1/assets/delete", "{\"ids\":[\"" + ids.get(TRASHED) + "\"]}"), 204);
    }

    /** A photo with GPS in its EXIF (sizes differ so that no two files are alike). */
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

    /** The owner's albums again (an app's new asset may have made one). */
    void readAlbums() {
        for (JsonNode album : json(get(ownerToken, "/api/v1/albums"))) {
            albums.put(album.path("title").asText(), album.path("id").asText());
        }
    }

    static void expect(HttpResponse<?> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + ", got " + response.statusCode() + ": " + response.body());
        }
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    HttpResponse<String> get(String bearer, String pathAndQuery) {
        return send(bearer, "GET", pathAndQuery, null);
    }

    HttpResponse<String> send(String bearer, String method, String pathAndQuery, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return call(
                request.method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A new asset made from these bytes by the caller of {@code bearer}. */
    HttpResponse<String> upload(String bearer, String filename, byte[] body) {
        return call(
                HttpRequest.newBuilder(uri("/api/v1/assets?filename=" + filename))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(String bearer, String method, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return call(
                request.method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> bytes(URI signed) {
        return call(
                HttpRequest.newBuilder(signed).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** Reads the file tree again (a file added on disk becomes an asset). */
    void scan() {
        expect(send(ownerToken, "POST", "/api/v1/scan", "{}"), 200);
    }

    @Override
    public void close() throws IOException {
        server.close();
        library.close();
    }
}
