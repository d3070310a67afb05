package dev.camroll.server.http;

import dev.camroll.api.ErrorCode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * The API's description: the OpenAPI 3.1 document (written by hand, kept equal to the routes by
 * {@code ApiDocsTest}) and a page of Swagger UI, served from its WebJar (no CDN).
 */
final class ApiDocs {
    static final String DOCUMENT = "/dev/camroll/server/http/openapi.json";
    private static final String SWAGGER_UI = "/META-INF/resources/webjars/swagger-ui/5.34.1/";
    private static final Map<String, String> SWAGGER_FILES = Map.of(
            "swagger-ui.css", "text/css",
            "swagger-ui-bundle.js", "text/javascript",
            "favicon-32x32.png", "image/png");

    private final byte[] document = resource(DOCUMENT);

    void register(JavalinDefaultRoutingApi routes) {
        routes.get(Api.ROOT + "/openapi.json", this::document);
        routes.get(Api.ROOT + "/docs", this::page);
        routes.get(Api.ROOT + "/docs/{file}", this::swaggerFile);
    }

    private void document(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        ctx.contentType(ApiJson.CONTENT_TYPE).result(document);
    }

    private void page(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        ctx.contentType("text/html; charset=utf-8").result("""
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>Camroll API</title>
                  <link rel="icon" href="docs/favicon-32x32.png">
                  <link rel="stylesheet" href="docs/swagger-ui.css">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="docs/swagger-ui-bundle.js"></script>
                  <script>
                    window.ui = SwaggerUIBundle({url: "openapi.json", dom_id: "#swagger-ui"});
                  </script>
                </body>
                </html>
                """);
    }

    private void swaggerFile(Context ctx) {
        String file = ctx.pathParam("file");
        String type = SWAGGER_FILES.get(file);
        if (type == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no file " + file + " in the documentation page", Map.of());
        }
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.contentType(type).result(resource(SWAGGER_UI + file));
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
