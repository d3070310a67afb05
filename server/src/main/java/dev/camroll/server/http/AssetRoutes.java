package dev.camroll.server.http;

import dev.camroll.api.Asset;
import dev.camroll.api.AssetInfo;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.api.MediaType;
import dev.camroll.api.SortKey;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Assets: the paged listing with every option of getAssets, an asset's info, favorites and the trash. */
final class AssetRoutes {
    static final Set<String> QUERY_OPTIONS =
            Set.of("first", "after", "album", "mediaType", "sortBy", "createdAfter", "createdBefore", "offset");
    /** What counts per month take: the query's filters and a time zone, no paging or order. */
    static final Set<String> MONTH_OPTIONS = Set.of("album", "mediaType", "createdAfter", "createdBefore", "timeZone");

    /** The most ids one request names: a URL of about 7 KB, within the 8 KB the HTTP server takes. */
    static final int MAX_IDS = 400;

    private final Callers callers;
    private final MediaUrls urls;

    AssetRoutes(Callers callers, MediaUrls urls) {
        this.callers = callers;
        this.urls = urls;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get(Api.ROOT + "/assets", this::list);
        // Before /assets/{id}, which would take "months" for an id.
        routes.get(Api.ROOT + "/assets/months", this::months);
        routes.get(Api.ROOT + "/assets/{id}", this::info);
        routes.put(Api.ROOT + "/assets/{id}/favorite", this::favorite);
        routes.post(Api.ROOT + "/assets/delete", this::delete);
        routes.get(Api.ROOT + "/trash", this::trash);
        routes.get(Api.ROOT + "/trash/assets", this::trashedAssets);
        routes.post(Api.ROOT + "/trash/restore", this::restore);
        routes.delete(Api.ROOT + "/trash", this::purge);
    }

    private void list(Context ctx) {
        if (ctx.queryParamMap().containsKey("id")) {
            byIds(ctx);
            return;
        }
        AssetQuery query = query(QueryParameters.of(ctx, QUERY_OPTIONS, true));
        ApiJson.respond(ctx, urls.link(ctx, callers.library(ctx).getAssets(query), Callers.of(ctx)));
    }

    /**
     * {@code GET /assets?id=A&id=B}: those of the ids the caller sees, in the order asked, as one
     * page (a page reading only what changed, rather than its whole loaded range again); nothing
     * else is taken with {@code id}.
     */
    private void byIds(Context ctx) {
        QueryParameters.of(ctx, Set.of("id"));
        List<String> ids = ctx.queryParams("id");
        if (ids.size() > MAX_IDS) {
            throw ApiException.badParameter("id", "at most " + MAX_IDS + " ids at once, got " + ids.size());
        }
        List<Asset> assets = callers.library(ctx).assetsById(ids);
        ApiJson.respond(ctx, urls.link(ctx, new AssetPage(assets, null, false, assets.size()), Callers.of(ctx)));
    }

    private void months(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx, MONTH_OPTIONS, true);
        ZoneId zone = timeZone(parameters.get("timeZone"));
        ApiJson.respond(ctx, callers.library(ctx).monthCounts(query(parameters), zone));
    }

    /** An IANA zone id ({@code Europe/Paris}) or an offset; UTC when not given. */
    private static ZoneId timeZone(String text) {
        if (text == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw ApiException.badParameter(
                    "timeZone", "timeZone must be a time zone id such as Europe/Paris, got '" + text + "'");
        }
    }

    private void info(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        String id = ctx.pathParam("id");
        AssetInfo info = callers.library(ctx).getAssetInfo(id);
        if (info == null) {
            throw ApiException.notFound("asset", id);
        }
        ApiJson.respond(ctx, urls.link(ctx, info, Callers.of(ctx)));
    }

    private void favorite(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        boolean favorite = JsonBody.of(ctx, Set.of("favorite")).requiredBool("favorite");
        callers.library(ctx).setFavorite(ctx.pathParam("id"), favorite);
        ctx.status(204);
    }

    private void delete(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        callers.library(ctx).deleteAssets(JsonBody.of(ctx, Set.of("ids")).ids("ids"));
        ctx.status(204);
    }

    private void trash(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        ApiJson.respond(ctx, Map.of("ids", callers.library(ctx).trashedAssets()));
    }

    /** The trash with each asset's fields, for a view of it: no uri (its file is not in the library). */
    private void trashedAssets(Context ctx) {
        QueryParameters parameters = QueryParameters.of(ctx, Set.of("first", "after"));
        ApiJson.respond(
                ctx, callers.library(ctx).getTrashedAssets(parameters.intValue("first", 100), parameters.get("after")));
    }

    private void restore(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        callers.library(ctx).restoreAssets(JsonBody.of(ctx, Set.of("ids")).ids("ids"));
        ctx.status(204);
    }

    private void purge(Context ctx) {
        QueryParameters.of(ctx, Set.of());
        callers.library(ctx).purgeTrash();
        ctx.status(204);
    }

    /** The query of the parameters: each refused value is a 400 naming its parameter. */
    static AssetQuery query(QueryParameters parameters) {
        AssetQuery.Builder builder = AssetQuery.builder();
        int first = parameters.intValue("first", AssetQuery.DEFAULT_FIRST);
        if (first < 1 || first > AssetQuery.MAX_FIRST) {
            throw ApiException.badParameter(
                    "first", "first must be between 1 and " + AssetQuery.MAX_FIRST + ", got " + first);
        }
        builder.first(first);
        builder.after(parameters.get("after"));
        builder.album(parameters.get("album"));
        String mediaTypes = parameters.get("mediaType");
        if (mediaTypes != null) {
            builder.mediaTypes(parse("mediaType", () -> mediaTypes(mediaTypes)));
        }
        String sortBy = parameters.get("sortBy");
        if (sortBy != null) {
            builder.sortBy(parse("sortBy", () -> SortKey.parseList(sortBy)));
        }
        builder.createdAfter(time("createdAfter", parameters.get("createdAfter")));
        builder.createdBefore(time("createdBefore", parameters.get("createdBefore")));
        String offset = parameters.get("offset");
        if (offset != null) {
            if (parameters.get("after") != null) {
                throw ApiException.badParameter(
                        "offset", "offset and after cannot be given together: page either by cursor or by offset");
            }
            builder.offset(parse("offset", () -> offset(offset)));
        }
        for (String name : parameters.names()) {
            if (dev.camroll.wire.QueryParameters.isFieldFilter(name)) {
                String value = parameters.get(name);
                builder.filter(parse(name, () -> dev.camroll.wire.QueryParameters.fieldFilter(name, value)));
            }
        }
        // What the parameters leave to the query itself to refuse: a sort key named twice.
        try {
            return builder.build();
        } catch (InvalidArgumentException e) {
            throw ApiException.badParameter(e.parameter() == null ? "sortBy" : e.parameter(), e.getMessage());
        }
    }

    private static int offset(String text) {
        try {
            int offset = Integer.parseInt(text.strip());
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // refused below, as a negative one
        }
        throw InvalidArgumentException.of("offset", "offset must be a whole number of 0 or more, got '" + text + "'");
    }

    private static Set<MediaType> mediaTypes(String text) {
        Set<MediaType> types = EnumSet.noneOf(MediaType.class);
        for (String name : text.split(",")) {
            types.add(MediaType.fromWireName(name.strip()));
        }
        return types;
    }

    /** Epoch milliseconds or an ISO-8601 time with its offset ({@code 2024-05-01T08:00:00Z}). */
    private static Long time(String parameter, String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notMillis) {
            try {
                return OffsetDateTime.parse(value).toInstant().toEpochMilli();
            } catch (DateTimeParseException notIso) {
                try {
                    return Instant.parse(value).toEpochMilli();
                } catch (DateTimeParseException e) {
                    throw ApiException.badParameter(
                            parameter,
                            parameter + " must be epoch milliseconds or an ISO-8601 time with an offset, got '" + text
                                    + "'");
                }
            }
        }
    }

    /** The value {@code parser} reads; what it refuses is a 400 naming the parameter it names, else this one. */
    private static <T> T parse(String parameter, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidArgumentException e) {
            throw ApiException.badParameter(e.parameter() == null ? parameter : e.parameter(), e.getMessage());
        }
    }
}
