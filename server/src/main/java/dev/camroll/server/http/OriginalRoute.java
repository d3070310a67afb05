package dev.camroll.server.http;

import dev.camroll.core.library.OriginalFile;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.util.Set;

/**
 * An asset's original bytes, read through the library (never from a path built here), as
 * {@link RangedFile} serves media: one byte range, validators (304), the file name, and private
 * caching only.
 */
final class OriginalRoute {
    private final Callers callers;

    OriginalRoute(Callers callers) {
        this.callers = callers;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get(Api.ROOT + "/assets/{id}/original", this::serve);
        routes.head(Api.ROOT + "/assets/{id}/original", this::serve);
    }

    private void serve(Context ctx) throws IOException {
        QueryParameters.of(ctx, Set.of(UrlSigner.EXPIRES, UrlSigner.SIGNATURE, UrlSigner.APP));
        String id = ctx.pathParam("id");
        OriginalFile file = callers.library(ctx).original(id).orElseThrow(() -> ApiException.notFound("asset", id));
        RangedFile.send(ctx, served(file), "private");
    }

    /** An original as {@link RangedFile} serves it. */
    static RangedFile.Served served(OriginalFile file) {
        return new RangedFile.Served(
                file.etag(), file.size(), file.lastModifiedMillis(), file.mimeType(), file.filename(), file::open);
    }
}
