package dev.camroll.server.http;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetSource;
import dev.camroll.api.ErrorCode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Creates an asset from an upload: the raw body with its name in {@code filename}, or a
 * multipart form with a {@code file} part. For {@code POST /assets} the bytes go as a stream to
 * the library, which writes them once into the temporary file of the write and checks them there:
 * past the limit (413), not media (415), cut off half-way or a full disk (507) leave nothing
 * behind (a multipart part is spooled by the HTTP server first; the raw body is never copied
 * twice). An album's first file ({@code POST /albums/upload}) is received into a folder of its own
 * under {@code DATA/uploads}, which goes whatever happens, then given to createAlbum as the
 * caller's bytes (not as that file's path, which an app's scope may not name).
 */
final class UploadRoute {
    static final String UPLOADS = "uploads";
    private static final int BUFFER = 64 * 1024;
    private static final int MAX_NAME_BYTES = 255;

    private final Callers callers;
    private final MediaUrls urls;
    private final Path uploads;
    private final long limit;

    UploadRoute(Callers callers, MediaUrls urls, Path dataDir, long limit) {
        this.callers = callers;
        this.urls = urls;
        this.uploads = dataDir.resolve(UPLOADS);
        this.limit = limit;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.post(Api.ROOT + "/assets", this::create);
        routes.post(Api.ROOT + "/albums/upload", this::createAlbum);
        routes.get(Api.ROOT + "/limits", this::limits);
    }

    /**
     * The server's limits, for a page to refuse a file before sending it: a browser that sends a
     * large body the server refuses by its length may see the connection closed under it rather
     * than the 413.
     */
    private void limits(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        ApiJson.respond(ctx, Map.of("uploadMaxBytes", limit));
    }

    private void create(Context ctx) throws IOException {
        QueryParameters parameters = QueryParameters.of(ctx, Set.of("filename", "album"));
        String album = parameters.get("album");
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge();
        }
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
            asset = callers.library(ctx)
                    .createAsset(
                            AssetSource.stream(name, body, length >= 0 ? length : AssetSource.FromStream.UNKNOWN_LENGTH)
                                    .withMaxBytes(limit),
                            album);
        }
        ctx.status(201);
        ApiJson.respond(ctx, urls.link(ctx, asset, Callers.of(ctx)));
    }

    /**
     * createAlbum with a first file that the caller has (its initialAssetLocalUri): the upload
     * becomes the album's first asset under its own name, as the embedded library imports it.
     */
    private void createAlbum(Context ctx) throws IOException {
        QueryParameters parameters = QueryParameters.of(ctx, Set.of("filename", "name"));
        String name = parameters.get("name");
        if (name == null) {
            throw ApiException.badParameter("name", "name (the album's) is required");
        }
        receive(ctx, parameters, file -> {
            if (callers.library(ctx).getAlbums(false).stream()
                    .anyMatch(album -> album.title().equals(name))) {
                throw ApiException.conflict(name + ": an album or folder with this name exists already");
            }
            // As bytes, not as the received file's path: an app may name no path, only send a file.
            Album album;
            try (InputStream in = Files.newInputStream(file)) {
                album = callers.library(ctx)
                        .createAlbum(
                                name,
                                AssetSource.stream(file.getFileName().toString(), in, Files.size(file))
                                        .withMaxBytes(limit));
            }
            ctx.status(201);
            ApiJson.respond(ctx, album);
        });
    }

    /** What is done with the received file, which goes once it returns. */
    @FunctionalInterface
    private interface Received {
        void accept(Path file) throws IOException;
    }

    private void receive(Context ctx, QueryParameters parameters, Received then) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge();
        }
        Path folder = Files.createDirectories(uploads).resolve(SecretFiles.randomToken(12));
        Files.createDirectory(folder);
        try {
            Path file;
            String type = ctx.contentType();
            if (type != null && type.startsWith("multipart/form-data")) {
                UploadedFile part = ctx.uploadedFile("file");
                if (part == null) {
                    throw ApiException.badParameter("file", "a multipart upload needs a part named file");
                }
                file = folder.resolve(checkedName("file", part.filename()));
                try (InputStream in = part.content()) {
                    copy(in, file);
                }
            } else {
                String name = parameters.get("filename");
                if (name == null) {
                    throw ApiException.badParameter(
                            "filename", "an upload of the raw body needs its file name in filename");
                }
                file = folder.resolve(checkedName("filename", name));
                copy(ctx.bodyInputStream(), file);
            }
            then.accept(file);
        } finally {
            deleteTree(folder);
        }
    }

    /** Streams the upload to the file, stopping with a 413 at the limit and a 507 when the disk is full. */
    private void copy(InputStream in, Path file) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                written += n;
                if (written > limit) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("No space left")) {
                throw new ApiException(ErrorCode.NO_SPACE, "the disk is full: the upload was not kept", Map.of());
            }
            throw e;
        }
    }

    /** A plain file name: the library checks the rest (extension, length) and says what is wrong. */
    private static String checkedName(String parameter, String name) {
        if (name == null || name.isBlank() || name.contains("\0")) {
            throw ApiException.badParameter(parameter, "'" + name + "' is not a plain file name");
        }
        // In the library's words, so that a program hears the same refusal embedded and over HTTP.
        if (name.contains("/")) {
            throw ApiException.badParameter(parameter, name + ": a file name must not contain path separators");
        }
        if (name.equals(".") || name.equals("..")) {
            throw ApiException.badParameter(parameter, name + ": a file name must not start with a dot");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            // Refused here: the upload's own file would take the name, which the file system refuses.
            throw ApiException.badParameter(
                    parameter, name + ": a file name must be at most " + MAX_NAME_BYTES + " bytes in UTF-8");
        }
        return name;
    }

    private ApiException tooLarge() {
        return new ApiException(
                ErrorCode.TOO_LARGE,
                "the upload is larger than the limit of " + limit + " bytes",
                Map.of("limit", limit));
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
