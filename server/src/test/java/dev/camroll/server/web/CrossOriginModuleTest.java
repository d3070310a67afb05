package dev.camroll.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.camroll.api.LibraryOptions;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.library.LocalMediaLibrary;
import dev.camroll.server.http.CamrollServer;
import dev.camroll.server.http.OwnerToken;
import dev.camroll.server.http.ServerOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JavaScript module used by a page of another origin, as a web app on its own host uses it:
 * the page imports {@code /camroll.js} from the server, configures it with the owner's token (a
 * bearer token, no cookie) and lists assets, and an {@code <img>} shows an asset by its signed
 * {@code uri}. A page of an origin the server does not allow gets neither the module nor the API.
 */
class CrossOriginModuleTest {
    @TempDir
    Path root;

    @Test
    void aPageOfAnAllowedOriginUsesTheModuleWithATokenAndOneOfAnotherOriginCannot() throws Exception {
        Pictures.write(root, 6, Instant.parse("2026-05-01T10:00:00Z"), Duration.ofHours(5));
        HttpServer allowed = pageServer();
        HttpServer other = pageServer();
        String allowedOrigin = "http://127.0.0.1:" + allowed.getAddress().getPort();
        try (MediaLibrary library = MediaLibrary.open(root, LibraryOptions.defaults());
                Browser browser = Browser.open(Browser.Screen.DESKTOP)) {
            OwnerToken.Opened token = OwnerToken.openOrCreate(root.resolve(".camroll"));
            try (CamrollServer server = CamrollServer.start(
                    (LocalMediaLibrary) library,
                    root.resolve(".camroll"),
                    token.stored(),
                    ServerOptions.defaults().withPort(0).withCorsOrigins(List.of(allowedOrigin)))) {
                String api = "http://127.0.0.1:" + server.port();
                String secret = token.createdToken().orElseThrow();

                browser.get(java.net.URI.create(allowedOrigin + "/app.html"));
                Map<?, ?> result = run(browser, api, secret);
                assertThat(result.get("error"))
                        .as("the error of the allowed page")
                        .isNull();
                assertThat(((Number) result.get("total")).intValue()).isEqualTo(6);
                assertThat((List<?>) result.get("ids")).hasSize(6);
                assertThat(((Number) result.get("imageWidth")).intValue()).isPositive();
                assertThat(result.get("cookies")).isEqualTo("");
                browser.screenshot("cross-origin-module");

                browser.get(java.net.URI.create(
                        "http://127.0.0.1:" + other.getAddress().getPort() + "/app.html"));
                Map<?, ?> refused = run(browser, api, secret);
                assertThat((String) refused.get("error"))
                        .as("the page of an origin not allowed")
                        .isNotBlank();
                assertThat(refused.get("total")).isNull();
            }
        } finally {
            allowed.stop(0);
            other.stop(0);
        }
    }

    /**
     * In the page: imports the module from the server, lists the assets with the token, and loads
     * the first one's {@code uri} into an image; what happened, or the error met.
     */
    private static Map<?, ?> run(Browser browser, String api, String token) {
        Object outcome = browser.jsAsync("""
                const [api, token, done] = arguments;
                (async () => {
                  try {
                    const MediaLibrary = await import(api + '/camroll.js');
                    MediaLibrary.configure({ url: api, token });
                    const page = await MediaLibrary.getAssetsAsync({ first: 10 });
                    const image = new Image();
                    const width = await new Promise((resolve, reject) => {
                      image.onload = () => resolve(image.naturalWidth);
                      image.onerror = () => reject(new Error('the image did not load: ' + image.src));
                      image.src = page.assets[0].uri;
                    });
                    document.body.append(image);
                    done({ total: page.totalCount, ids: page.assets.map((a) => a.id), imageWidth: width,
                           cookies: document.cookie });
                  } catch (e) {
                    done({ error: String(e) + (e.code ? ' (' + e.code + ')' : '') });
                  }
                })();
                """, api, token);
        return (Map<?, ?>) outcome;
    }

    /** A plain page on a port of its own: another origin than the server's. */
    private static HttpServer pageServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page =
                "<!doctype html><html><head><title>Another app</title></head><body><h1>Another app</h1></body></html>"
                        .getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        server.start();
        return server;
    }
}
