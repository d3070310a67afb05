package dev.camroll.client;

import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.access.Scope;
import dev.camroll.core.library.LocalMediaLibrary;
import dev.camroll.core.library.ScopedLibrary;
import dev.camroll.server.http.CamrollServer;
import dev.camroll.server.http.OwnerToken;
import dev.camroll.server.http.ServerOptions;
import java.net.URI;
import java.nio.file.Path;

/**
 * A real server over a real library in a folder (scanned, watched), on a free port or a given
 * one, with the owner's token made at its first start, as {@code camroll serve} runs it.
 */
final class LiveServer implements AutoCloseable {
    final Path root;
    final ScopedLibrary library;
    /** The library itself: closing the owner's view of it does not close it (nor stop its watcher). */
    private final MediaLibrary opened;

    final CamrollServer server;
    final String token;
    private boolean closed;

    private LiveServer(Path root, MediaLibrary opened, ScopedLibrary library, CamrollServer server, String token) {
        this.root = root;
        this.opened = opened;
        this.library = library;
        this.server = server;
        this.token = token;
    }

    /** Serves the folder on a free port. */
    static LiveServer start(Path root) {
        return start(root, 0, null);
    }

    /**
     * Serves the folder on {@code port} (0 for a free one); {@code knownToken} is the token of an
     * earlier start over the same data folder, null at the first start.
     */
    static LiveServer start(Path root, int port, String knownToken) {
        return start(root, ServerOptions.defaults().withPort(port), knownToken);
    }

    /** Serves the folder with these options (port 0 for a free one). */
    static LiveServer start(Path root, ServerOptions options, String knownToken) {
        Path data = root.resolve(".camroll");
        MediaLibrary opened = MediaLibrary.open(root, LibraryOptions.defaults());
        ScopedLibrary library = ((LocalMediaLibrary) opened).scoped(Scope.owner());
        try {
            OwnerToken.Opened token = OwnerToken.openOrCreate(data);
            CamrollServer server = CamrollServer.start((LocalMediaLibrary) opened, data, token.stored(), options);
            return new LiveServer(
                    root, opened, library, server, token.createdToken().orElse(knownToken));
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    int port() {
        return server.port();
    }

    /** The apps of the served library and their tokens. */
    dev.camroll.core.access.AppRegistry apps() {
        return ((LocalMediaLibrary) opened).apps();
    }

    /** The grants of the served library's apps: the owner's side of a consent request. */
    dev.camroll.core.access.AppGrants grants() {
        return ((LocalMediaLibrary) opened).grants();
    }

    /** A client calling with an app's access token. */
    CamrollClient connectAs(String bearer) {
        return CamrollClient.connect(url(), bearer);
    }

    CamrollClient connect() {
        return CamrollClient.connect(url(), token);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.close();
            opened.close();
        }
    }
}
