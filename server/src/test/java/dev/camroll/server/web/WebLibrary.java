package dev.camroll.server.web;

import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.access.Scope;
import dev.camroll.core.library.LocalMediaLibrary;
import dev.camroll.server.http.CamrollServer;
import dev.camroll.server.http.OwnerToken;
import dev.camroll.server.http.ServerOptions;
import java.net.URI;
import java.nio.file.Path;
import org.openqa.selenium.Keys;

/** A real library in a folder, served on a free port as {@code camroll serve} serves it. */
final class WebLibrary implements AutoCloseable {
    final Path root;
    final MediaLibrary library;
    final String token;
    private final int port;
    private final ServerOptions options;
    private CamrollServer server;

    private WebLibrary(Path root, MediaLibrary library, CamrollServer server, String token, ServerOptions options) {
        this.root = root;
        this.library = library;
        this.server = server;
        this.token = token;
        this.port = server.port();
        this.options = options.withPort(server.port());
    }

    static WebLibrary serve(Path root) {
        return serve(root, ServerOptions.defaults());
    }

    /** Serves the library with these options (the port chosen here). */
    static WebLibrary serve(Path root, ServerOptions options) {
        MediaLibrary library = MediaLibrary.open(root, LibraryOptions.defaults());
        OwnerToken.Opened token = OwnerToken.openOrCreate(root.resolve(".camroll"));
        CamrollServer server = start(root, library, token.stored(), options.withPort(0));
        return new WebLibrary(root, library, server, token.createdToken().orElseThrow(), options);
    }

    private static CamrollServer start(Path root, MediaLibrary library, OwnerToken token, ServerOptions options) {
        return CamrollServer.start(
                ((LocalMediaLibrary) library).scoped(Scope.owner()), root.resolve(".camroll"), token, options);
    }

    /** Stops the server (the library stays open), as a restart begins. */
    void stopServer() {
        server.close();
        server = null;
    }

    /** Serves the library again on the same port, as a restarted server: its sessions are gone. */
    void startServerAgain() {
        server = start(
                root, library, OwnerToken.openOrCreate(root.resolve(".camroll")).stored(), options);
    }

    URI url(String fragment) {
        return URI.create("http://127.0.0.1:" + port + "/" + fragment);
    }

    /** Opens the page and signs in with the owner's token. */
    void signIn(Browser browser, String fragment) {
        browser.get(url(fragment));
        browser.awaitVisible("#token").sendKeys(token, Keys.ENTER);
        browser.awaitVisible("#app");
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        library.close();
    }
}
