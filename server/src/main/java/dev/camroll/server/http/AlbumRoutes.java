package dev.camroll.server.http;

import dev.camroll.api.Album;
import dev.camroll.api.ErrorCode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.Set;

/** Albums: listing, lookup by title, create, rename, add, remove, delete and migration; moments. */
final class AlbumRoutes {
    private final Callers callers;

    AlbumRoutes(Callers callers) {
        this.callers = callers;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get(Api.ROOT + "/albums", this::list);
        routes.post(Api.ROOT + "/albums", this::create);
        routes.get(Api.ROOT + "/albums/by-title", this::byTitle);
        routes.post(Api.ROOT + "/albums/delete", this::delete);
        routes.patch(Api.ROOT + "/albums/{id}", this::rename);
        routes.post(Api.ROOT + "/albums/{id}/assets", this::add);
        routes.post(Api.ROOT + "/albums/{id}/assets/remove", this::remove);
        routes.get(Api.ROOT + "/albums/{id}/migration", this::needsMigration);
        routes.post(Api.ROOT + "/albums/{id}/migration", this::migrate);
        routes.get(Api.ROOT + "/moments", this::moments);
    }

    /** The moments the caller sees (getMomentsAsync); usable as the album of GET /assets. */
    private void moments(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        ApiJson.respond(ctx, callers.library(ctx).getMoments());
    }

    private void list(Context ctx) {
        boolean smart = QueryParameters.of(ctx, Set.of("includeSmartAlbums")).bool("includeSmartAlbums", false);
        ApiJson.respond(ctx, callers.library(ctx).getAlbums(smart));
    }

    private void byTitle(Context ctx) {
        String title = QueryParameters.of(ctx, Set.of("title")).get("title");
        if (title == null) {
            throw ApiException.badParameter("title", "title is required");
        }
        Album album = callers.library(ctx).getAlbum(title);
        if (album == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no album titled " + title, Map.of("title", title));
        }
        ApiJson.respond(ctx, album);
    }

    private void create(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        JsonBody body = JsonBody.of(ctx, Set.of("name", "assetId", "copy"));
        String name = body.requiredString("name");
        // Without one the library refuses the album in its own words (an album needs an asset).
        String assetId = body.string("assetId");
        boolean copy = body.bool("copy", true);
        // The library refuses a taken name too, as a bad argument; the API tells it apart as a conflict.
        if (callers.library(ctx).getAlbums(false).stream()
                .anyMatch(album -> album.title().equals(name))) {
            throw ApiException.conflict(name + ": an album or folder with this name exists already");
        }
        Album album = callers.library(ctx).createAlbum(name, assetId, copy, null);
        ctx.status(201);
        ApiJson.respond(ctx, album);
    }

    private void rename(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        String title = JsonBody.of(ctx, Set.of("title")).requiredString("title");
        ApiJson.respond(ctx, callers.library(ctx).renameAlbum(ctx.pathParam("id"), title));
    }

    private void add(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        JsonBody body = JsonBody.of(ctx, Set.of("assetIds", "copy"));
        callers.library(ctx).addAssetsToAlbum(body.ids("assetIds"), ctx.pathParam("id"), body.bool("copy", true));
        ctx.status(204);
    }

    private void remove(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        callers.library(ctx)
                .removeAssetsFromAlbum(JsonBody.of(ctx, Set.of("assetIds")).ids("assetIds"), ctx.pathParam("id"));
        ctx.status(204);
    }

    private void delete(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        JsonBody body = JsonBody.of(ctx, Set.of("albumIds", "assetRemove"));
        callers.library(ctx).deleteAlbums(body.ids("albumIds"), body.bool("assetRemove", false));
        ctx.status(204);
    }

    private void needsMigration(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        ApiJson.respond(ctx, Map.of("needsMigration", callers.library(ctx).albumNeedsMigration(ctx.pathParam("id"))));
    }

    private void migrate(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        callers.library(ctx).migrateAlbumIfNeeded(ctx.pathParam("id"));
        ctx.status(204);
    }
}
