package dev.camroll.server.http;

import dev.camroll.core.library.AssetRendition;
import dev.camroll.core.media.CachedRendition;
import dev.camroll.core.media.RenditionPendingException;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;

/**
 * What a browser can show of an asset ({@code GET|HEAD /api/v1/assets/{id}/rendition}): the
 * original's bytes when a browser shows it as it is, else the rendition from the library's cache
 * (an H.264/AAC MP4, an AAC M4A, a full-size JPEG), made on the first request. A request waits
 * for a conversion up to a bound, then answers 503 {@code unavailable} with Retry-After while the
 * conversion goes on. Served as originals are ({@link RangedFile}: Range, ETag, 304), through the
 * caller's scope, and opened by the asset's signed {@code uri} with {@code /original} turned into
 * {@code /rendition} (see {@link MediaUrls}).
 */
final class RenditionRoute {
    /** How long a request waits for a conversion before it is told to come back. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);

    private final Callers callers;
    private final Duration wait;

    RenditionRoute(Callers callers, Duration wait) {
        this.callers = callers;
        this.wait = wait;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get(Api.ROOT + "/assets/{id}/rendition", this::serve);
        routes.head(Api.ROOT + "/assets/{id}/rendition", this::serve);
    }

    private void serve(Context ctx) throws IOException {
        QueryParameters.of(ctx, Set.of(UrlSigner.EXPIRES, UrlSigner.SIGNATURE, UrlSigner.APP));
        String id = ctx.pathParam("id");
        AssetRendition rendition;
        try {
            rendition = callers.library(ctx).rendition(id, wait).orElseThrow(() -> ApiException.notFound("asset", id));
        } catch (RenditionPendingException e) {
            ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            throw e;
        }
        RangedFile.Served served =
                switch (rendition) {
                    case AssetRendition.AsIs(var original) -> OriginalRoute.served(original);
                    case AssetRendition.Converted(CachedRendition made, String filename) ->
                        new RangedFile.Served(
                                made.etag(),
                                made.length(),
                                made.lastModifiedMillis(),
                                made.mimeType(),
                                filename,
                                () -> Files.newByteChannel(made.file()));
                };
        RangedFile.send(ctx, served, "private");
    }
}
