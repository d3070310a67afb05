package dev.camroll.server.web;

import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.library.LocalMediaLibrary;
import dev.camroll.server.http.CamrollServer;
import dev.camroll.server.http.OwnerToken;
import dev.camroll.server.http.ServerOptions;
import dev.camroll.server.http.owner.OwnerPassword;
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

    /** The owner's password of every served library (set before the server starts). */
    static final String PASSWORD = "the owner's long password";

    static WebLibrary serve(Path root) {
        return serve(root, ServerOptions.defaults());
    }

    /** Serves the library with these options (the port chosen here). */
    static WebLibrary serve(Path root, ServerOptions options) {
        OwnerPassword.of(root.resolve(".camroll")).set(PASSWORD);
        return serveWithoutPassword(root, options);
    }

    /** Serves a library whose owner has not chosen a password yet: the server has a first-start link. */
    static WebLibrary serveWithoutPassword(Path root) {
        return serveWithoutPassword(root, ServerOptions.defaults());
    }

    /**
     * Serves the index the folder holds as it is: no scan at open and no watching, for an index
     * written row by row without media files ({@link IndexRows}).
     */
    static WebLibrary serveIndex(Path root) {
        OwnerPassword.of(root.resolve(".camroll")).set(PASSWORD);
        return serveWithoutPassword(
                root,
                ServerOptions.defaults(),
                LibraryOptions.defaults().withScanOnOpen(false).withWatch(false));
    }

    private static WebLibrary serveWithoutPassword(Path root, ServerOptions options) {
        return serveWithoutPassword(root, options, LibraryOptions.defaults());
    }

    private static WebLibrary serveWithoutPassword(Path root, ServerOptions options, LibraryOptions libraryOptions) {
        MediaLibrary library = MediaLibrary.open(root, libraryOptions);
        OwnerToken.Opened token = OwnerToken.openOrCreate(root.resolve(".camroll"));
        CamrollServer server = start(root, library, token.stored(), options.withPort(0));
        return new WebLibrary(root, library, server, token.createdToken().orElseThrow(), options);
    }

    private static CamrollServer start(Path root, MediaLibrary library, OwnerToken token, ServerOptions options) {
        return CamrollServer.start((LocalMediaLibrary) library, root.resolve(".camroll"), token, options);
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

    /** The one-time link to choose the password, while none is set. */
    URI firstSignInLink() {
        return server.firstSignInLink().orElseThrow();
    }

    /** Opens the page, which sends the browser to sign in, and signs in with the owner's password. */
    void signIn(Browser browser, String fragment) {
        browser.get(url(fragment));
        browser.awaitVisible("#password").sendKeys(PASSWORD, Keys.ENTER);
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
