package dev.camroll.server.http;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web library: its page at {@code /} and its modules, styles and icons under {@code /web/},
 * read from the {@code web/} folder of the classpath. Plain files, no build step: each answer has
 * its type, a strong ETag (304 on If-None-Match) and {@code Cache-Control: no-cache}, so a browser
 * keeps what it loaded and asks once per load whether it changed (the names carry no version).
 * A name is served only if it is made of plain segments with a known extension: no {@code ..},
 * no hidden file, no folder, so nothing outside the folder is reachable and nothing is listed.
 */
final class WebFiles {
    private static final String FOLDER = "web/";
    private static final String INDEX = "index.html";

    /**
     * Only this origin, for everything: scripts and styles are files (no inline code), media and
     * thumbnails come from the API, and no request leaves for another site.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' blob: data:; media-src 'self' blob:; connect-src 'self'; font-src 'self';"
            + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final Pattern NAME =
            Pattern.compile("[a-z0-9][a-z0-9_-]*(\\.[a-z0-9_-]+)*(/[a-z0-9][a-z0-9_-]*(\\.[a-z0-9_-]+)*)*");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "webmanifest", "application/manifest+json");

    /** A file read once: its bytes, type and tag. */
    private record WebFile(byte[] bytes, String type, String etag) {}

    /** The files found so far; a name not found is not kept, so requests for made-up names cost no memory. */
    private final Map<String, WebFile> files = new ConcurrentHashMap<>();

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/", ctx -> respond(ctx, INDEX));
        routes.get("/web/<name>", ctx -> respond(ctx, ctx.pathParam("name")));
    }

    private void respond(Context ctx, String name) {
        WebFile file = files.computeIfAbsent(name, found -> read(found).orElse(null));
        if (file == null) {
            throw ApiException.notFound("file", ctx.path());
        }
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        // The page links to a map site: the signed media URLs in its address must not ride along.
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", file.etag());
        if (file.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(file.type());
        ctx.result(file.bytes());
    }

    private static Optional<WebFile> read(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null || name.indexOf('.') < 0) {
            return Optional.empty();
        }
        try (InputStream in = WebFiles.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new WebFile(bytes, type, tagOf(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
