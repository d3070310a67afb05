package dev.camroll.server.http;

import dev.camroll.api.ErrorCode;
import dev.camroll.core.library.OriginalFile;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The video of a Live Photo, by the photo's id: served as the photo's original is (one byte range,
 * validators, private caching, the location taken out for a caller without it), to whoever sees
 * the photo. A photo the caller does not see answers as a made-up id; one it sees without a video
 * answers {@code not_found} saying so.
 */
final class PairedVideoRoute {
    private final Callers callers;

    PairedVideoRoute(Callers callers) {
        this.callers = callers;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get(Api.ROOT + "/assets/{id}" + MediaUrls.PAIRED_VIDEO, this::serve);
        routes.head(Api.ROOT + "/assets/{id}" + MediaUrls.PAIRED_VIDEO, this::serve);
    }

    private void serve(Context ctx) throws IOException {
        QueryParameters.of(ctx, Set.of(UrlSigner.EXPIRES, UrlSigner.SIGNATURE, UrlSigner.APP));
        String id = ctx.pathParam("id");
        var library = callers.library(ctx);
        OriginalFile video = library.pairedVideo(id).orElse(null);
        if (video == null) {
            // Asked only once the photo is known to be visible, so a hidden one says nothing more.
            library.original(id).orElseThrow(() -> ApiException.notFound("asset", id));
            throw new ApiException(
                    404, ErrorCode.NOT_FOUND, "the asset " + id + " has no paired video", Map.of("asset", id));
        }
        RangedFile.send(ctx, OriginalRoute.served(video), "private");
    }
}
