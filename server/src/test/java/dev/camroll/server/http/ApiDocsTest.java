package dev.camroll.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.lang.reflect.Field;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document and the routes agree both ways; the document and its page are served. */
class ApiDocsTest {
    @TempDir
    Path root;

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
        try (TestServer server = TestServer.start(root)) {
            HttpResponse<String> document = server.send(
                    HttpRequest.newBuilder(server.uri("/api/v1/openapi.json")).build());
            assertThat(document.statusCode()).isEqualTo(200);
            JsonNode openApi = TestServer.json(document);
            assertThat(openApi.path("openapi").asText()).isEqualTo("3.1.0");
            Set<String> documented = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths =
                            openApi.path("paths").fields();
                    paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                    documented.add(methods.next().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
            Set<String> registered = new TreeSet<>();
            for (var endpoint : javalin(server.server).unsafe.internalRouter.allHttpHandlers()) {
                String method = endpoint.endpoint.method.name();
                String path = endpoint.endpoint.path;
                if (path.startsWith(Api.ROOT) && endpoint.endpoint.method.isHttpMethod() && !method.equals("OPTIONS")) {
                    registered.add(method + " " + path);
                }
            }
            assertThat(registered).isNotEmpty();
            assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
        }
    }

    @Test
    void theDocumentedAudioTagsAreTheFieldsTheServerWrites() throws Exception {
        try (TestServer server = TestServer.start(root)) {
            JsonNode openApi = TestServer.json(server.send(
                    HttpRequest.newBuilder(server.uri("/api/v1/openapi.json")).build()));
            Set<String> documented = new TreeSet<>();
            openApi.path("components")
                    .path("schemas")
                    .path("AudioTags")
                    .path("properties")
                    .fieldNames()
                    .forEachRemaining(documented::add);
            Set<String> written = new TreeSet<>();
            for (var component : dev.camroll.api.AssetInfo.AudioTags.class.getRecordComponents()) {
                written.add(component.getName());
            }
            assertThat(documented).isEqualTo(written);
        }
    }

    @Test
    void theDocumentationPageComesFromTheWebJar() throws Exception {
        try (TestServer server = TestServer.start(root)) {
            HttpResponse<String> page = server.send(
                    HttpRequest.newBuilder(server.uri("/api/v1/docs")).build());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains("swagger-ui-bundle.js")
                    .contains("openapi.json")
                    .doesNotContain("https://");
            HttpResponse<String> script =
                    server.send(HttpRequest.newBuilder(server.uri("/api/v1/docs/swagger-ui-bundle.js"))
                            .build());
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.body()).contains("SwaggerUIBundle");
            assertThat(server.send(HttpRequest.newBuilder(server.uri("/api/v1/docs/secret.txt"))
                                    .build())
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    private static Javalin javalin(CamrollServer server) throws ReflectiveOperationException {
        Field app = CamrollServer.class.getDeclaredField("app");
        app.setAccessible(true);
        return (Javalin) app.get(server);
    }
}
