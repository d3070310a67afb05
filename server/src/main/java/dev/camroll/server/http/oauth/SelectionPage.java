package dev.camroll.server.http.oauth;

import dev.camroll.api.Album;
import dev.camroll.api.GranularPermission;
import dev.camroll.api.MediaLibrary;
import dev.camroll.api.MediaType;
import dev.camroll.core.access.Selection;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The selection page ("Select photos and videos"): the owner's library as a grid of thumbnails of
 * the media types the app asked for, and the albums, with the app's current selection ticked; the
 * owner ticks and unticks items and whole albums, chooses whether to share locations, and
 * confirms. The albums are plain form fields. The items, a library of any size, are the grid of
 * {@code web/js/selection-grid.js}: only the rows near the viewport are in the page, loaded page by
 * page through the API as the owner scrolls. What is selected is the form's hidden {@value #ASSET}
 * fields, written here with the current selection, which the grid adds to and takes from; a browser
 * without scripts still answers with the albums and keeps the items selected before.
 */
final class SelectionPage {
    /** The form field that says the form is the selection page's (its answer carries the ids). */
    static final String MARK = "selection";

    static final String ASSET = "asset";
    static final String ALBUM = "album";

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
        items(body, mediaTypes(shown.granular()), shown.current().assetIds());
        body.append("<div class=\"selection-answers\"><label class=\"oauth-location\">")
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
        Html.page(ctx, 200, "Select for " + shown.appName(), body.toString(), "selection-grid.js");
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

    private static void items(StringBuilder body, Set<MediaType> types, Set<String> selected) {
        body.append("<h2 id=\"selection-items-title\">Photos and videos</h2>")
                .append("<p id=\"selection-count\" class=\"oauth-note\" role=\"status\">")
                .append(selected.size())
                .append(selected.size() == 1 ? " item selected" : " items selected")
                .append("</p><div id=\"selection-chosen\" hidden>");
        for (String id : selected) {
            body.append(Html.hidden(ASSET, id));
        }
        body.append("</div><p id=\"selection-keys\" class=\"visually-hidden\">Arrow keys move between the")
                .append(" items, Space selects or unselects one.</p>")
                .append("<div id=\"selection-grid\" class=\"selection-grid is-virtual\" role=\"group\"")
                .append(" aria-labelledby=\"selection-items-title\" aria-describedby=\"selection-keys\"")
                .append(" data-field=\"")
                .append(ASSET)
                .append("\" data-media-types=\"")
                .append(Html.escape(
                        types.stream().map(MediaType::wireName).sorted().collect(Collectors.joining(","))))
                .append("\" hidden></div><noscript><p class=\"oauth-note\">The grid of items needs JavaScript; the")
                .append(" albums above still work, and the items selected before are kept.</p></noscript>");
    }

    private static Set<MediaType> mediaTypes(Set<GranularPermission> granular) {
        Set<MediaType> types = EnumSet.noneOf(MediaType.class);
        for (GranularPermission permission : granular) {
            types.add(permission.mediaType());
        }
        return types;
    }
}
