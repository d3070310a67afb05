package dev.camroll.server.http;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetSource;
import dev.camroll.api.ErrorCode;
import dev.camroll.core.library.ScopedLibrary;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

/**
 * Creates an asset from an upload: the raw body with its name in {@code filename}, or a
 * multipart form with a {@code file} part. The bytes go as a stream to the library, which writes
 * them once into the temporary file of the write and checks them there: past the limit (413), not
 * media (415), cut off half-way or a full disk (507) leave nothing behind. (A multipart part is
 * spooled by the HTTP server first; the raw body is never copied twice.)
 */
final class UploadRoute {
    private final ScopedLibrary library;
    private final MediaUrls urls;
    private final long limit;

    UploadRoute(ScopedLibrary library, MediaUrls urls, long limit) {
        this.library = library;
        this.urls = urls;
        this.limit = limit;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.post(Api.ROOT + "/assets", this::create);
    }

    private void create(Context ctx) throws IOException {
        QueryParameters parameters = QueryParameters.of(ctx, Set.of("filename", "album"));
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge();
        }
        String album = parameters.get("album");
        String name;
        long length;
        InputStream in;
        String type = ctx.contentType();
        if (type != null && type.startsWith("multipart/form-data")) {
            UploadedFile part = ctx.uploadedFile("file");
            if (part == null) {
                throw ApiException.badParameter("file", "a multipart upload needs a part named file");
            }
            name = checkedName("file", part.filename());
            length = part.size();
            in = part.content();
        } else {
            name = parameters.get("filename");
            if (name == null) {
                throw ApiException.badParameter(
                        "filename", "an upload of the raw body needs its file name in filename");
            }
            name = checkedName("filename", name);
            length = declared;
            in = ctx.bodyInputStream();
        }
        Asset asset;
        try (InputStream body = in) {
            asset = library.createAsset(
                    AssetSource.stream(name, body, length >= 0 ? length : AssetSource.FromStream.UNKNOWN_LENGTH)
                            .withMaxBytes(limit),
                    album);
        }
        ctx.status(201);
        ApiJson.respond(ctx, urls.link(ctx, asset, Authentication.identity(ctx)));
    }

    /** A plain file name: the library checks the rest (extension, length) and says what is wrong. */
    private static String checkedName(String parameter, String name) {
        if (name == null
                || name.isBlank()
                || name.contains("/")
                || name.contains("\0")
                || name.equals(".")
                || name.equals("..")) {
            throw ApiException.badParameter(parameter, "'" + name + "' is not a plain file name");
        }
        return name;
    }

    private ApiException tooLarge() {
        return new ApiException(
                ErrorCode.TOO_LARGE,
                "the upload is larger than the limit of " + limit + " bytes",
                Map.of("limit", limit));
    }
}
