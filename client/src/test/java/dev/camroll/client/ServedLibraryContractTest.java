package dev.camroll.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camroll.api.Asset;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.contract.MediaLibraryContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract suite against {@link CamrollClient}, each library a client of a real server on a
 * free port over the test's folder: the same tests as the embedded engine passes.
 */
class ServedLibraryContractTest extends MediaLibraryContract {
    private final List<LiveServer> servers = new ArrayList<>();
    private final Map<MediaLibrary, LiveServer> serverOf = new IdentityHashMap<>();

    @Override
    public MediaLibrary open(Path root) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LiveServer server = LiveServer.start(root);
        servers.add(server);
        CamrollClient client = server.connect();
        // Closing the library closes the client, then its server, before the test's folder goes.
        MediaLibrary library = (MediaLibrary) Proxy.newProxyInstance(
                MediaLibrary.class.getClassLoader(), new Class<?>[] {MediaLibrary.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (method.getName().equals("close") && method.getParameterCount() == 0) {
                            server.close();
                        }
                    }
                });
        serverOf.put(library, server);
        return library;
    }

    /** The file, as the library behind the server knows it: the client sees only a URL. */
    @Override
    public Path fileOf(MediaLibrary library, Asset asset) {
        LiveServer server = serverOf.get(library);
        return Path.of(
                URI.create(server.library.getAssetInfo(asset.id()).asset().uri()));
    }

    /** A signed http URL of this server that gives the file's bytes without the token. */
    @Override
    public void assertUriLeadsTo(Asset asset, Path file) {
        URI uri = URI.create(asset.uri());
        assertThat(uri.getScheme()).isEqualTo("http");
        assertThat(servers).anySatisfy(server -> assertThat(uri.getPort()).isEqualTo(server.port()));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response =
                    http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Equal but for the signature and expiry of the uri, which name the same original. */
    @Override
    public void assertSameAsset(Asset actual, Asset expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFields("uri").isEqualTo(expected);
        assertThat(URI.create(actual.uri()).getPath())
                .isEqualTo(URI.create(expected.uri()).getPath());
    }

    @AfterEach
    void stopServers() {
        // What a failed test left open; closing twice does nothing.
        for (LiveServer server : servers) {
            server.close();
        }
    }
}
