package dev.camroll.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.access.Scope;
import dev.camroll.core.library.LocalMediaLibrary;
import dev.camroll.core.library.ScopedLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A real server on a free port over a real library in a temporary folder, and a client of the
 * JDK that calls it with the owner's token.
 */
final class TestServer implements AutoCloseable {
    static final JsonMapper JSON = new JsonMapper();

    final Path root;
    final Path data;
    final ScopedLibrary library;
    /** The library itself: closing the owner's view of it does not close it (nor stop its watcher). */
    private final MediaLibrary opened;

    final CamrollServer server;
    final String token;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(
            Path root, Path data, MediaLibrary opened, ScopedLibrary library, CamrollServer server, String token) {
        this.root = root;
        this.data = data;
        this.opened = opened;
        this.library = library;
        this.server = server;
        this.token = token;
    }

    /** Serves the folder (scanned first, watched while open) with these options (the port is taken free). */
    static TestServer start(Path root, ServerOptions options) {
        return start(root, options, RenditionRoute.DEFAULT_WAIT);
    }

    /** {@link #start(Path, ServerOptions)}, a request waiting {@code renditionWait} for a conversion. */
    static TestServer start(Path root, ServerOptions options, Duration renditionWait) {
        return start(root, options, renditionWait, Clock.systemUTC());
    }

    /** {@link #start(Path, ServerOptions)} on this clock: sessions, sign-in and URLs see its time. */
    static TestServer start(Path root, ServerOptions options, Clock clock) {
        return start(root, options, RenditionRoute.DEFAULT_WAIT, clock);
    }

    private static TestServer start(Path root, ServerOptions options, Duration renditionWait, Clock clock) {
        Path data = root.resolve(".camroll");
        MediaLibrary opened = MediaLibrary.open(root, LibraryOptions.defaults());
        ScopedLibrary library = ((LocalMediaLibrary) opened).scoped(Scope.owner());
        OwnerToken.Opened token = OwnerToken.openOrCreate(data);
        CamrollServer server = CamrollServer.start(
                (LocalMediaLibrary) opened, data, token.stored(), options.withPort(0), renditionWait, clock);
        return new TestServer(
                root, data, opened, library, server, token.createdToken().orElseThrow());
    }

    /**
     * Stops this server and its library, then serves the same folder again as a new process
     * would: the token stays the one made at first start.
     */
    TestServer restart(ServerOptions options) {
        close();
        MediaLibrary reopened = MediaLibrary.open(root, LibraryOptions.defaults());
        ScopedLibrary view = ((LocalMediaLibrary) reopened).scoped(Scope.owner());
        OwnerToken.Opened stored = OwnerToken.openOrCreate(data);
        CamrollServer started =
                CamrollServer.start((LocalMediaLibrary) reopened, data, stored.stored(), options.withPort(0));
        return new TestServer(root, data, reopened, view, started, token);
    }

    /** The apps of the served library and their tokens. */
    dev.camroll.core.access.AppRegistry apps() {
        return ((LocalMediaLibrary) opened).apps();
    }

    /** The grants of the served library's apps: the owner's side of a consent request. */
    dev.camroll.core.access.AppGrants grants() {
        return ((LocalMediaLibrary) opened).grants();
    }

    /** A POST of JSON with another bearer token than the owner's (an app's). */
    HttpResponse<String> postAs(String bearer, String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** A GET with another bearer token than the owner's (an app's). */
    HttpResponse<String> getAs(String bearer, String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .GET()
                .build());
    }

    static TestServer start(Path root) {
        return start(root, ServerOptions.defaults());
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> put(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> patch(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** The error code of an error response. */
    static String errorCode(HttpResponse<String> response) {
        return json(response).path("error").path("code").asText();
    }

    @Override
    public void close() {
        server.close();
        opened.close();
    }
}
