package dev.camroll.server.http.oauth;

import dev.camroll.api.Album;
import dev.camroll.api.Asset;
import dev.camroll.api.AssetPage;
import dev.camroll.api.AssetQuery;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.core.access.Selection;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The selection page ("Select photos and videos"): the owner's library as a grid of thumbnails of
 * the media types the app asked for, and the albums, with the app's current selection ticked; the
 * owner ticks and unticks items and whole albums, chooses whether to share locations, and
 * confirms. Plain HTML like the consent page (no script, the same CSP): each thumbnail is a lazy
 * image, so the browser fetches only those near the viewport.
 */
final class SelectionPage {
    /** The form field that says the form is the selection page's (its answer carries the ids). */
    static final String MARK = "selection";

    static final String ASSET = "asset";
    static final String ALBUM = "album";

    /** How many items the page lists: past that, the newest are shown and the page says so. */
    static final int MAX_ITEMS = 5_000;

    private SelectionPage() {}

    /**
     * What the page asks about: whose selection, of which media types, starting from what; whether
     * the app asked for locations, and whether it has them now (the box starts ticked); and whether
     * the page also offers the other answers of a consent (all, this time only, none), as it does
     * for an app's request for permissions that the owner opens from its consent URL.
     */
    record Shown(
            String appName,
            Set<GranularPermission> granular,
            Selection current,
            boolean locationAsked,
            boolean locationShared,
            boolean otherAnswers) {
        Shown(
                String appName,
                Set<GranularPermission> granular,
                Selection current,
                boolean locationAsked,
                boolean locationShared) {
            this(appName, granular, current, locationAsked, locationShared, false);
        }
    }

    /** The form field that says which answer a button gave: {@link #ANSWERS}' values. */
    static final String ANSWER = "answer";

    /** Shows the page; {@code fields} go back with the answer as hidden fields. */
    static void show(
            Context ctx, MediaLibrary owner, String action, Shown shown, Map<String, String> fields, String formField) {
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"oauth-app\">Choose what <strong>")
                .append(Html.escape(shown.appName()))
                .append("</strong> may see: the items and whole albums ticked here, and what it adds itself.</p>")
                .append("<form method=\"post\" class=\"selection\" action=\"")
                .append(Html.escape(action))
                .append("\">");
        fields.forEach((name, value) -> {
            if (value != null) {
                body.append(Html.hidden(name, value));
            }
        });
        body.append(Html.hidden(MARK, "yes")).append(formField);
        albums(body, owner, shown.current().albumIds());
        items(body, owner, mediaTypes(shown.granular()), shown.current().assetIds());
        body.append("<div class=\"selection-bar\"><label class=\"oauth-location\">")
                .append("<input type=\"checkbox\" name=\"location\" value=\"yes\"")
                .append(shown.locationAsked() ? "" : " disabled")
                .append(shown.locationAsked() && shown.locationShared() ? " checked" : "")
                .append("> Share where photos and videos were taken</label>")
                .append("<button type=\"submit\" id=\"selection-confirm\" name=\"answer\" value=\"selected\">")
                .append("Allow the selection</button>");
        if (shown.otherAnswers()) {
            body.append("<button type=\"submit\" id=\"selection-all\" name=\"answer\" value=\"all\">Allow all</button>")
                    .append("<button type=\"submit\" id=\"selection-once\" name=\"answer\" value=\"once\">")
                    .append("Allow all this time only</button>")
                    .append("<button type=\"submit\" id=\"selection-deny\" name=\"answer\" value=\"deny\">")
                    .append("Don't allow</button>");
        }
        body.append("</div></form>");
        Html.page(ctx, 200, "Select for " + shown.appName(), body.toString());
    }

    /** The ids ticked on the page's form. */
    static Selection chosen(Context ctx) {
        return new Selection(new LinkedHashSet<>(ctx.formParams(ASSET)), new LinkedHashSet<>(ctx.formParams(ALBUM)));
    }

    private static void albums(StringBuilder body, MediaLibrary owner, Set<String> selected) {
        List<Album> albums = owner.getAlbums(false);
        if (albums.isEmpty()) {
            return;
        }
        body.append("<h2>Albums</h2><p class=\"oauth-note\">An album allowed whole also shows what is added to it"
                + " later.</p><ul class=\"selection-albums\">");
        for (Album album : albums) {
            body.append("<li><label><input type=\"checkbox\" name=\"")
                    .append(ALBUM)
                    .append("\" value=\"")
                    .append(Html.escape(album.id()))
                    .append('"')
                    .append(selected.contains(album.id()) ? " checked" : "")
                    .append("> ")
                    .append(Html.escape(album.title()))
                    .append(" <span class=\"selection-count\">")
                    .append(album.assetCount())
                    .append("</span></label></li>");
        }
        body.append("</ul>");
    }

    private static void items(StringBuilder body, MediaLibrary owner, Set<MediaType> types, Set<String> selected) {
        AssetPage page = owner.getAssets(
                AssetQuery.builder().mediaTypes(types).first(MAX_ITEMS).build());
        body.append("<h2>Photos and videos</h2>");
        if (page.hasNextPage()) {
            body.append("<p class=\"oauth-note\">The newest ")
                    .append(MAX_ITEMS)
                    .append(" of ")
                    .append(page.totalCount())
                    .append(" are shown; allow an album to give older ones.</p>");
        }
        body.append("<div class=\"selection-grid\">");
        for (Asset asset : page.assets()) {
            String id = Html.escape(asset.id());
            body.append("<label class=\"selection-item\"><input type=\"checkbox\" name=\"")
                    .append(ASSET)
                    .append("\" value=\"")
                    .append(id)
                    .append('"')
                    .append(selected.contains(asset.id()) ? " checked" : "")
                    .append("><img loading=\"lazy\" alt=\"")
                    .append(Html.escape(asset.filename()))
                    .append("\" src=\"/api/v1/assets/")
                    .append(Html.escape(URLEncoder.encode(asset.id(), StandardCharsets.UTF_8)))
                    .append("/thumbnail?size=grid\"></label>");
        }
        body.append("</div>");
    }

    private static Set<MediaType> mediaTypes(Set<GranularPermission> granular) {
        Set<MediaType> types = EnumSet.noneOf(MediaType.class);
        for (GranularPermission permission : granular) {
            types.add(permission.mediaType());
        }
        return types;
    }
}
