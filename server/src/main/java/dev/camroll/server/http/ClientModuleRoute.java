package dev.camroll.server.http;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The JavaScript module (expo-media-library's names) at {@code /camroll.js}, its object API at
 * {@code /camroll-next.js} and the files they import beside them: the files of {@code clients/js},
 * which the build copies into the jar, so that the file served is the file its tests run. They are
 * public (code, no data), may be imported by pages of any origin (a module script is fetched with
 * CORS), and are revalidated on each load by a strong ETag, so a new server is never hidden
 * behind an old module.
 */
final class ClientModuleRoute {
    /** Where the build puts the module's files in the jar. */
    static final String RESOURCES = "/dev/camroll/server/js/";

    /** The module's files, each served at the root under its own name. */
    static final List<String> FILES = List.of(
            "camroll.js",
            "camroll-next.js",
            "camroll-query.js",
            "camroll-transport.js",
            "camroll-events.js",
            "camroll-upload.js",
            "camroll-permissions.js");

    private static final String CONTENT_TYPE = "text/javascript; charset=utf-8";

    private record ModuleFile(byte[] bytes, String etag) {}

    void register(JavalinDefaultRoutingApi routes) {
        for (String name : FILES) {
            ModuleFile file = load(name);
            routes.get("/" + name, ctx -> serve(ctx, file));
            routes.head("/" + name, ctx -> serve(ctx, file));
        }
    }

    private static void serve(Context ctx, ModuleFile file) {
        QueryParameters.of(ctx, Set.of());
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", file.etag());
        ctx.contentType(CONTENT_TYPE);
        if (matches(ctx.header("If-None-Match"), file.etag())) {
            ctx.status(304);
            return;
        }
        ctx.result(file.bytes());
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static ModuleFile load(String name) {
        try (InputStream in = ClientModuleRoute.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name + " (copied from clients/js)");
            }
            byte[] bytes = in.readAllBytes();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new ModuleFile(bytes, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
