package dev.camroll.server.http.oauth;

import dev.camroll.core.access.App;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppRegistry;
import dev.camroll.core.access.ChangeOperation;
import dev.camroll.core.access.ChangeRequest;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The confirmation page, as Android's delete and write requests and iOS's dialog: an app's changes
 * of items it did not create wait here for the owner. {@code GET /oauth/changes} lists the pending
 * ones (the app, what the change is, thumbnails of the items), {@code GET /oauth/changes/{request}}
 * shows one (the address a {@code confirmation_required} error names), and each form posts to
 * {@code POST /oauth/changes/{request}} with {@code answer=confirm} (the change is carried out now,
 * through {@link AppGrants#confirm}) or {@code answer=decline} (dropped, nothing changes).
 */
final class ConfirmationRoutes {
    static final String PATH = "/oauth/changes";

    /** How many thumbnails one request shows; the rest are counted. */
    private static final int THUMBNAILS = 12;

    private final AppRegistry apps;
    private final AppGrants grants;
    private final OwnerCheck owner;

    ConfirmationRoutes(AppRegistry apps, AppGrants grants, OwnerCheck owner) {
        this.apps = apps;
        this.grants = grants;
        this.owner = owner;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get(PATH, this::list);
        routes.get(PATH + "/{request}", this::one);
        routes.post(PATH + "/{request}", this::answer);
    }

    private void list(Context ctx) {
        String formField = owner.formField(ctx);
        List<ChangeRequest> pending = grants.pendingChanges();
        StringBuilder body = new StringBuilder();
        if (pending.isEmpty()) {
            body.append("<p class=\"oauth-message\">No app waits for a confirmation.</p>");
        }
        for (ChangeRequest request : pending) {
            body.append(card(request, formField));
        }
        Html.page(ctx, 200, "Changes to confirm", body.toString());
    }

    private void one(Context ctx) {
        String formField = owner.formField(ctx);
        Optional<ChangeRequest> request = grants.findChange(ctx.pathParam("request"));
        if (request.isEmpty()) {
            OAuthPages.message(ctx, 404, "Unknown request", "No change waits for a confirmation at this address.");
            return;
        }
        if (!request.get().pending()) {
            OAuthPages.message(ctx, 200, "Answered", "This change has its answer already.");
            return;
        }
        Html.page(ctx, 200, "Confirm a change", card(request.get(), formField));
    }

    private void answer(Context ctx) {
        owner.checkForm(ctx);
        Optional<ChangeRequest> request = grants.findChange(ctx.pathParam("request"));
        String answer = ctx.formParam("answer");
        if (request.isEmpty() || !request.get().pending()) {
            OAuthPages.message(ctx, 404, "Unknown request", "No change waits for a confirmation at this address.");
            return;
        }
        if ("confirm".equals(answer)) {
            grants.confirm(request.get().id());
        } else if ("decline".equals(answer)) {
            grants.decline(request.get().id());
        } else {
            OAuthPages.message(ctx, 400, "No answer", "Confirm or decline the change.");
            return;
        }
        // Back to the list, with what is still pending (a GET, so that a reload posts nothing again).
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(PATH, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private String card(ChangeRequest request, String formField) {
        String appName =
                apps.find(request.app()).map(App::name).orElse(request.app().value());
        String id = Html.escape(request.id());
        StringBuilder card = new StringBuilder("<section class=\"change\" id=\"change-")
                .append(id)
                .append("\"><p><strong>")
                .append(Html.escape(appName))
                .append("</strong> asks to ")
                .append(Html.escape(describe(request)))
                .append(".</p>");
        if (request.operation() != ChangeOperation.DELETE_ALBUM
                && !request.assetIds().isEmpty()) {
            card.append("<div class=\"selection-grid change-items\">");
            for (String assetId : request.assetIds().stream().limit(THUMBNAILS).toList()) {
                card.append("<span class=\"selection-item\"><img loading=\"lazy\" alt=\"\" src=\"/api/v1/assets/")
                        .append(Html.escape(URLEncoder.encode(assetId, StandardCharsets.UTF_8)))
                        .append("/thumbnail?size=grid\"></span>");
            }
            card.append("</div>");
            if (request.assetIds().size() > THUMBNAILS) {
                card.append("<p class=\"oauth-note\">and ")
                        .append(request.assetIds().size() - THUMBNAILS)
                        .append(" more</p>");
            }
        }
        card.append("<form method=\"post\" class=\"oauth-answers\" action=\"")
                .append(PATH)
                .append('/')
                .append(id)
                .append("\">")
                .append(formField)
                .append(
                        "<button type=\"submit\" name=\"answer\" value=\"confirm\" class=\"change-confirm\">Confirm</button>")
                .append(
                        "<button type=\"submit\" name=\"answer\" value=\"decline\" class=\"change-decline\">Decline</button>")
                .append("</form></section>");
        return card.toString();
    }

    /** The change in words, after "asks to". */
    static String describe(ChangeRequest request) {
        int count = request.assetIds().size();
        String items = count == 1 ? "1 item" : count + " items";
        return switch (request.operation()) {
            case DELETE -> "move " + items + " to the trash";
            case RESTORE -> "restore " + items + " from the trash";
            case SET_FAVORITE -> (request.flag() ? "mark " : "unmark ") + items + " as favorite";
            case ADD_TO_ALBUM -> (request.flag() ? "copy " : "move ") + items + " into an album";
            case REMOVE_FROM_ALBUM -> "remove " + items + " from an album";
            case DELETE_ALBUM ->
                "delete " + (count == 1 ? "1 album" : count + " albums")
                        + (request.flag() ? " and the items in it" : " (its items stay)");
            case PURGE_TRASH -> "delete " + items + " from the trash for good";
            case CREATE_ALBUM ->
                "move " + items + " into a new album, " + request.albumId().orElse("");
            case MIGRATE_ALBUM -> "move every file of an album to a new folder";
        };
    }
}
