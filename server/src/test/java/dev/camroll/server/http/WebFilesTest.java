package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web library's files: the page at {@code /}, its modules under {@code /web/}, and nothing else. */
class WebFilesTest {
    @TempDir
    Path root;

    private static HttpResponse<String> plain(TestServer server, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return server.send(request.GET().build());
    }

    /** The type without spaces: Jetty writes its own types' charset without one. */
    private static String typeOf(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElseThrow().replace(" ", "");
    }

    @Test
    void thePageIsServedAtTheRootWithoutSigningInAndAllowsOnlyItsOwnOrigin() {
        try (TestServer server = TestServer.start(root)) {
            HttpResponse<String> page = plain(server, "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(typeOf(page)).isEqualTo("text/html;charset=utf-8");
            assertThat(page.body()).contains("<script type=\"module\" src=\"/web/js/main.js\"");
            String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).contains("default-src 'self'", "script-src 'self'", "connect-src 'self'");
            assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            // Signed media URLs must not leak to a map site through a link's Referer.
            assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        }
    }

    @Test
    void modulesAndStylesHaveTheirTypesAndStrongTagsThatRevalidate() {
        try (TestServer server = TestServer.start(root)) {
            HttpResponse<String> module = plain(server, "/web/js/main.js");
            assertThat(module.statusCode()).isEqualTo(200);
            assertThat(typeOf(module)).isEqualTo("text/javascript;charset=utf-8");
            String tag = module.headers().firstValue("ETag").orElseThrow();
            assertThat(tag).matches("\"[A-Za-z0-9_-]{16,}\"");

            HttpResponse<String> again = plain(server, "/web/js/main.js", "If-None-Match", tag);
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(plain(server, "/web/js/main.js", "If-None-Match", "\"other\"")
                            .statusCode())
                    .isEqualTo(200);

            HttpResponse<String> style = plain(server, "/web/style.css");
            assertThat(style.statusCode()).isEqualTo(200);
            assertThat(typeOf(style)).isEqualTo("text/css;charset=utf-8");
            assertThat(style.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(tag);
        }
    }

    @Test
    void nothingOutsideTheWebFolderNorAFolderListingIsReachable() {
        try (TestServer server = TestServer.start(root)) {
            for (String path : new String[] {
                "/web/",
                "/web/js",
                "/web/js/",
                "/web/../dev/camroll/server/http/openapi.json",
                "/web/%2e%2e/dev/camroll/server/cli/version.properties",
                "/web/js/%2e%2e/%2e%2e/logback.xml",
                "/web/..%2fdev/camroll/server/cli/version.properties",
                "/web/js/..%5C..%5Cindex.html",
                "/web/nothing-here.js",
                "/web/.hidden.js",
                "/dev/camroll/server/cli/version.properties",
                "/index.html.bak"
            }) {
                HttpResponse<String> response = plain(server, path);
                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.body()).as(path).doesNotContain("camroll.version");
            }
        }
    }

    @Test
    void theApiKeepsItsOwnErrorsBesideThePage() {
        try (TestServer server = TestServer.start(root)) {
            HttpResponse<String> unknown = server.get("/api/v1/nothing");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(TestServer.errorCode(unknown)).isEqualTo("not_found");
            assertThat(plain(server, "/api/v1/assets").statusCode()).isEqualTo(401);
        }
    }
}
