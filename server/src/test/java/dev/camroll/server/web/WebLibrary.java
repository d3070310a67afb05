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
    final CamrollServer server;
    final String token;

    private WebLibrary(Path root, MediaLibrary library, CamrollServer server, String token) {
        this.root = root;
        this.library = library;
        this.server = server;
        this.token = token;
    }

    static WebLibrary serve(Path root) {
        Path data = root.resolve(".camroll");
        MediaLibrary library = MediaLibrary.open(root, LibraryOptions.defaults());
        OwnerToken.Opened token = OwnerToken.openOrCreate(data);
        CamrollServer server = CamrollServer.start(
                ((LocalMediaLibrary) library).scoped(Scope.owner()),
                data,
                token.stored(),
                ServerOptions.defaults().withPort(0));
        return new WebLibrary(root, library, server, token.createdToken().orElseThrow());
    }

    URI url(String fragment) {
        return URI.create("http://127.0.0.1:" + server.port() + "/" + fragment);
    }

    /** Opens the page and signs in with the owner's token. */
    void signIn(Browser browser, String fragment) {
        browser.get(url(fragment));
        browser.awaitVisible("#token").sendKeys(token, Keys.ENTER);
        browser.awaitVisible("#app");
    }

    @Override
    public void close() {
        server.close();
        library.close();
    }
}
