package dev.camroll.server.http.oauth;

import dev.camroll.api.AccessPrivileges;
import dev.camroll.api.Album;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.MediaLibrary;
import dev.camroll.core.access.AccessEntry;
import dev.camroll.core.access.AccessLog;
import dev.camroll.core.access.App;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppId;
import dev.camroll.core.access.AppRegistry;
import dev.camroll.core.access.ChangeRequest;
import dev.camroll.core.access.ConsentRequest;
import dev.camroll.core.access.Grant;
import dev.camroll.core.access.Selection;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The owner's pages of apps: {@code GET /apps} lists them, {@code GET /apps/{id}} shows one: its
 * grant in words, its selection (how many items and albums, with thumbnails), its pending requests
 * (each a link to the page that answers it) and its access log (time, item, operation), newest
 * first, {@value #LOG_PAGE} a page ({@code ?page=N}); {@code POST /apps/{id}/revoke} ends its tokens
 * and its grant at once, as {@code camroll apps revoke} does.
 */
final class AppPages {
    static final String PATH = "/apps";
    static final int LOG_PAGE = 50;
    private static final int SELECTION_THUMBNAILS = 24;

    private final AppRegistry apps;
    private final AppGrants grants;
    private final AccessLog log;
    private final OwnerCheck owner;
    private final MediaLibrary library;

    AppPages(AppRegistry apps, AppGrants grants, AccessLog log, OwnerCheck owner, MediaLibrary library) {
        this.apps = apps;
        this.grants = grants;
        this.log = log;
        this.owner = owner;
        this.library = library;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get(PATH, this::list);
        routes.get(PATH + "/{app}", this::page);
        routes.post(PATH + "/{app}/revoke", this::revoke);
    }

    private void list(Context ctx) {
        owner.formField(ctx);
        StringBuilder body = new StringBuilder("<ul class=\"apps\">");
        for (App app : apps.list()) {
            body.append("<li><a href=\"")
                    .append(PATH)
                    .append('/')
                    .append(Html.escape(app.id().value()))
                    .append("\">")
                    .append(Html.escape(app.name()))
                    .append("</a> — ")
                    .append(Html.escape(app.isRevoked() ? "revoked" : grantInWords(grants.grant(app.id()))))
                    .append("</li>");
        }
        body.append("</ul><p><a href=\"").append(ConfirmationRoutes.PATH).append("\">Changes to confirm</a></p>");
        Html.page(ctx, 200, "Apps", body.toString());
    }

    private void page(Context ctx) {
        String formField = owner.formField(ctx);
        Optional<App> found = app(ctx);
        if (found.isEmpty()) {
            return;
        }
        App app = found.get();
        Grant grant = grants.grant(app.id());
        StringBuilder body = new StringBuilder("<p class=\"app-grant\">")
                .append(Html.escape(app.isRevoked() ? "Revoked: it sees nothing." : grantInWords(grant)))
                .append("</p>");
        if (grant.privileges() == AccessPrivileges.LIMITED) {
            selection(body, grants.selection(app.id()));
        }
        requests(body, app.id());
        int page = logPage(ctx);
        accessLog(body, app, page);
        if (!app.isRevoked()) {
            body.append("<form method=\"post\" action=\"")
                    .append(PATH)
                    .append('/')
                    .append(Html.escape(app.id().value()))
                    .append("/revoke\">")
                    .append(formField)
                    .append("<button type=\"submit\" id=\"revoke\">Revoke its access</button></form>");
        }
        Html.page(ctx, 200, app.name(), body.toString());
    }

    private void revoke(Context ctx) {
        owner.checkForm(ctx);
        Optional<App> found = app(ctx);
        if (found.isEmpty()) {
            return;
        }
        apps.revoke(found.get().id());
        grants.revoke(found.get().id());
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(PATH + "/" + found.get().id().value(), HttpStatus.SEE_OTHER);
    }

    /** The grant as a sentence: what the app may see and do. */
    static String grantInWords(Grant grant) {
        String types = grant.mediaTypes().stream()
                .map(GranularPermission::wireName)
                .sorted()
                .map(name -> name + (name.equals("audio") ? "" : "s"))
                .collect(Collectors.joining(", "));
        String sees =
                switch (grant.status()) {
                    case UNDETERMINED -> "Not asked yet: it sees nothing.";
                    case DENIED ->
                        "Not allowed: it sees nothing" + (grant.canAskAgain() ? "." : ", and may not ask again.");
                    case GRANTED ->
                        grant.writeOnly()
                                ? "May add " + types + " and see only what it added."
                                : switch (grant.privileges()) {
                                    case ALL -> "Sees all " + types + ".";
                                    case LIMITED -> "Sees the selected " + types + " and what it added.";
                                    case NONE -> "Sees nothing.";
                                };
                };
        if (grant.status() != dev.camroll.api.PermissionStatus.GRANTED) {
            return sees;
        }
        return sees
                + (grant.location() ? " With locations." : " Without locations.")
                + grant.expires().map(time -> " Until " + time + ".").orElse("");
    }

    private void selection(StringBuilder body, Selection selection) {
        body.append("<h2>Selection</h2><p class=\"app-selection\">")
                .append(selection.assetIds().size())
                .append(selection.assetIds().size() == 1 ? " item, " : " items, ")
                .append(selection.albumIds().size())
                .append(selection.albumIds().size() == 1 ? " album" : " albums")
                .append("</p>");
        if (!selection.albumIds().isEmpty()) {
            body.append("<ul class=\"selection-albums\">");
            for (Album album : library.getAlbums(false)) {
                if (selection.albumIds().contains(album.id())) {
                    body.append("<li>").append(Html.escape(album.title())).append("</li>");
                }
            }
            body.append("</ul>");
        }
        body.append("<div class=\"selection-grid\">");
        selection.assetIds().stream().sorted().limit(SELECTION_THUMBNAILS).forEach(id -> body.append(thumbnail(id)));
        body.append("</div>");
    }

    private void requests(StringBuilder body, AppId app) {
        List<ConsentRequest> consents = grants.pending().stream()
                .filter(request -> request.app().equals(app))
                .toList();
        List<ChangeRequest> changes = grants.pendingChanges().stream()
                .filter(request -> request.app().equals(app))
                .toList();
        if (consents.isEmpty() && changes.isEmpty()) {
            return;
        }
        body.append("<h2>Waiting for you</h2><ul class=\"app-requests\">");
        for (ConsentRequest request : consents) {
            body.append("<li><a href=\"")
                    .append(SelectionRoutes.path(Html.escape(request.id())))
                    .append("\">")
                    .append(
                            request.kind() == ConsentRequest.Kind.RESELECTION
                                    ? "A new selection"
                                    : "Access to the library")
                    .append("</a></li>");
        }
        for (ChangeRequest request : changes) {
            body.append("<li><a href=\"")
                    .append(ConfirmationRoutes.PATH)
                    .append('/')
                    .append(Html.escape(request.id()))
                    .append("\">")
                    .append(Html.escape(ConfirmationRoutes.describe(request)))
                    .append("</a></li>");
        }
        body.append("</ul>");
    }

    private void accessLog(StringBuilder body, App app, int page) {
        // The log answers newest first up to a limit: one entry more than the page says whether older ones exist.
        List<AccessEntry> entries = log.entries(app.id(), (page + 1) * LOG_PAGE + 1);
        List<AccessEntry> shown =
                entries.stream().skip((long) page * LOG_PAGE).limit(LOG_PAGE).toList();
        body.append("<h2>What it did</h2>");
        if (shown.isEmpty()) {
            body.append("<p class=\"oauth-note\">Nothing logged.</p>");
            return;
        }
        body.append(
                "<table class=\"access-log\"><thead><tr><th>Time</th><th>Item</th><th>Operation</th></tr></thead><tbody>");
        for (AccessEntry entry : shown) {
            body.append("<tr><td>")
                    .append(Html.escape(entry.time().toString()))
                    .append("</td><td>")
                    .append(Html.escape(entry.assetId()))
                    .append("</td><td>")
                    .append(Html.escape(
                            entry.operation().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
                    .append("</td></tr>");
        }
        body.append("</tbody></table><p class=\"access-log-pages\">");
        String base = PATH + "/" + Html.escape(app.id().value()) + "?page=";
        if (page > 0) {
            body.append("<a id=\"newer\" href=\"").append(base).append(page - 1).append("\">Newer</a> ");
        }
        if (entries.size() > (page + 1) * LOG_PAGE) {
            body.append("<a id=\"older\" href=\"").append(base).append(page + 1).append("\">Older</a>");
        }
        body.append("</p>");
    }

    private static String thumbnail(String assetId) {
        return "<span class=\"selection-item\"><img loading=\"lazy\" alt=\"\" src=\"/api/v1/assets/"
                + Html.escape(URLEncoder.encode(assetId, StandardCharsets.UTF_8)) + "/thumbnail?size=grid\"></span>";
    }

    private static int logPage(Context ctx) {
        try {
            return Math.max(
                    0,
                    Integer.parseInt(Optional.ofNullable(ctx.queryParam("page")).orElse("0")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Optional<App> app(Context ctx) {
        Optional<App> app;
        try {
            app = apps.find(new AppId(ctx.pathParam("app")));
        } catch (RuntimeException e) {
            // Not an app id's form: no such app.
            app = Optional.empty();
        }
        if (app.isEmpty()) {
            OAuthPages.message(ctx, 404, "Unknown app", "No app has this address.");
        }
        return app;
    }
}
