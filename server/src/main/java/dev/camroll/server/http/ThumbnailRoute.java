package dev.camroll.server.http;

import dev.camroll.core.media.CachedThumbnail;
import dev.camroll.core.media.ThumbnailFormat;
import dev.camroll.core.media.ThumbnailSize;
import dev.camroll.core.media.Thumbnailer;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Set;

/**
 * An asset's thumbnail ({@code size=grid|preview}, {@code format=jpeg|webp}), from the library's
 * cache through the caller's scope. A cache entry never changes (a changed file gets a new entry
 * and a new ETag), so it is cached for 30 days and revalidated by its strong ETag (304).
 * Authorised as the original is: by a bearer token, a session, or the signed URL of the asset's
 * original with {@code /original} turned into {@code /thumbnail} (see {@link MediaUrls}).
 */
final class ThumbnailRoute {
    static final String SIZE = "size";
    static final String FORMAT = "format";

    /** 30 days: long-lived, since the ETag (and the entry) changes with the file. */
    static final String CACHE_CONTROL = "private, max-age=2592000";

    private final Callers callers;

    ThumbnailRoute(Callers callers) {
        this.callers = callers;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get(Api.ROOT + "/assets/{id}/thumbnail", this::serve);
        routes.head(Api.ROOT + "/assets/{id}/thumbnail", this::serve);
    }

    private void serve(Context ctx) throws IOException {
        QueryParameters parameters =
                QueryParameters.of(ctx, Set.of(SIZE, FORMAT, UrlSigner.EXPIRES, UrlSigner.SIGNATURE, UrlSigner.APP));
        ThumbnailSize size = size(parameters.get(SIZE));
        ThumbnailFormat format = format(parameters.get(FORMAT));
        String id = ctx.pathParam("id");
        CachedThumbnail thumbnail = find(ctx, id, size, format);
        ctx.header("ETag", thumbnail.etag());
        ctx.header("Cache-Control", CACHE_CONTROL);
        if (RangedFile.matchesNoneMatch(ctx, thumbnail.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(thumbnail.mimeType());
        try (InputStream in = open(id, size, format, thumbnail, ctx)) {
            if (ctx.method() == HandlerType.HEAD) {
                return;
            }
            OutputStream out = ctx.outputStream();
            in.transferTo(out);
            out.flush();
        }
    }

    private CachedThumbnail find(Context ctx, String id, ThumbnailSize size, ThumbnailFormat format) {
        return callers.library(ctx).thumbnail(id, size, format).orElseThrow(() -> ApiException.notFound("asset", id));
    }

    /**
     * Opens the entry, and sets the length of what it opened. Another process may have removed it
     * as outdated between the look-up and the open: the library is asked once more.
     */
    private InputStream open(String id, ThumbnailSize size, ThumbnailFormat format, CachedThumbnail found, Context ctx)
            throws IOException {
        CachedThumbnail thumbnail = found;
        try {
            return opened(thumbnail, ctx);
        } catch (NoSuchFileException e) {
            thumbnail = find(ctx, id, size, format);
            ctx.header("ETag", thumbnail.etag());
            return opened(thumbnail, ctx);
        }
    }

    private static InputStream opened(CachedThumbnail thumbnail, Context ctx) throws IOException {
        InputStream in = Files.newInputStream(thumbnail.file());
        ctx.header("Content-Length", Long.toString(thumbnail.length()));
        return in;
    }

    private static ThumbnailSize size(String text) {
        if (text == null) {
            return ThumbnailSize.GRID;
        }
        ThumbnailSize size = ThumbnailSize.fromWireName(text);
        if (size == null) {
            throw ApiException.badParameter(
                    SIZE, "size must be grid (256 px) or preview (1440 px), got '" + text + "'");
        }
        return size;
    }

    private static ThumbnailFormat format(String text) {
        if (text == null || text.equals("jpeg")) {
            return ThumbnailFormat.JPEG;
        }
        if (!text.equals("webp")) {
            throw ApiException.badParameter(FORMAT, "format must be jpeg or webp, got '" + text + "'");
        }
        if (!Thumbnailer.webpAvailable()) {
            throw ApiException.badParameter(FORMAT, "this server cannot encode WebP (no libwebp): ask for jpeg");
        }
        return ThumbnailFormat.WEBP;
    }
}
