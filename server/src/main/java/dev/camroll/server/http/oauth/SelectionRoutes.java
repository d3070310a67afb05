package dev.camroll.server.http.oauth;

import dev.camroll.api.MediaLibrary;
import dev.camroll.core.access.App;
import dev.camroll.core.access.AppGrants;
import dev.camroll.core.access.AppRegistry;
import dev.camroll.core.access.ConsentAnswer;
import dev.camroll.core.access.ConsentRequest;
import dev.camroll.core.access.Selection;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.Optional;

/**
 * The selection page of an app's pending request, at {@code /oauth/selection/{request}}: a
 * reselection (presentPermissionsPicker) or a request for permissions the owner answers by
 * selecting. {@code GET} shows the page with the app's current selection ticked, {@code POST}
 * answers the request with {@link ConsentAnswer.AllowSelected}: the new selection replaces the old
 * one, and what was left out is no longer the app's to see. A request answered already (as the core
 * answers a reselection of an app that sees everything) only says so.
 */
final class SelectionRoutes {
    static final String PATH = "/oauth/selection/";

    private final AppRegistry apps;
    private final AppGrants grants;
    private final OwnerCheck owner;
    private final MediaLibrary library;

    SelectionRoutes(AppRegistry apps, AppGrants grants, OwnerCheck owner, MediaLibrary library) {
        this.apps = apps;
        this.grants = grants;
        this.owner = owner;
        this.library = library;
    }

    /** The page's address for a request, as a request's consent URL names it. */
    static String path(String requestId) {
        return PATH + requestId;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get(PATH + "{request}", this::page);
        routes.post(PATH + "{request}", this::answer);
    }

    private void page(Context ctx) {
        String formField = owner.formField(ctx);
        Optional<Pending> pending = pending(ctx);
        if (pending.isEmpty()) {
            return;
        }
        ConsentRequest request = pending.get().request();
        boolean location = grants.grant(request.app()).location();
        SelectionPage.show(
                ctx,
                library,
                path(request.id()),
                new SelectionPage.Shown(
                        pending.get().app().name(),
                        request.granular(),
                        grants.selection(request.app()),
                        true,
                        location,
                        request.kind() == ConsentRequest.Kind.PERMISSIONS),
                Map.of(),
                formField);
    }

    private void answer(Context ctx) {
        owner.checkForm(ctx);
        Optional<Pending> pending = pending(ctx);
        if (pending.isEmpty()) {
            return;
        }
        boolean location = "yes".equals(ctx.formParam("location"));
        String answer = ctx.formParam(SelectionPage.ANSWER);
        boolean permissions = pending.get().request().kind() == ConsentRequest.Kind.PERMISSIONS;
        String name = pending.get().app().name();
        String id = pending.get().request().id();
        // The other answers only where the page offered them: a reselection is answered by selecting.
        switch (permissions && answer != null ? answer : "selected") {
            case "all" -> {
                grants.answer(id, new ConsentAnswer.AllowAll(location));
                OAuthPages.message(ctx, 200, "Allowed", name + " now sees the whole library it asked for.");
            }
            case "once" -> {
                grants.answer(id, new ConsentAnswer.AllowOnce(location));
                OAuthPages.message(
                        ctx, 200, "Allowed this time", name + " sees the library it asked for until its grant ends.");
            }
            case "deny" -> {
                grants.answer(id, new ConsentAnswer.Deny(false));
                OAuthPages.message(ctx, 200, "Not allowed", name + " was told no.");
            }
            default -> {
                Selection chosen = SelectionPage.chosen(ctx);
                grants.answer(id, new ConsentAnswer.AllowSelected(chosen.assetIds(), chosen.albumIds(), location));
                OAuthPages.message(
                        ctx,
                        200,
                        "Selection saved",
                        name + " now sees the " + chosen.assetIds().size() + " items and "
                                + chosen.albumIds().size() + " albums selected, and what it adds itself.");
            }
        }
    }

    private record Pending(ConsentRequest request, App app) {}

    /** The request if it waits for an answer; else the page that says why is written, and empty. */
    private Optional<Pending> pending(Context ctx) {
        Optional<ConsentRequest> request = grants.find(ctx.pathParam("request"));
        Optional<App> app = request.flatMap(found -> apps.active(found.app()));
        if (request.isEmpty() || app.isEmpty()) {
            OAuthPages.message(ctx, 404, "Unknown request", "No app waits for an answer at this address.");
            return Optional.empty();
        }
        Optional<String> replacedBy = request.get().supersededBy();
        if (replacedBy.isPresent()) {
            // The app asked something else since: the owner answers the request that stands, never a stale page.
            String standing = path(
                    grants.current(replacedBy.get()).map(ConsentRequest::id).orElse(replacedBy.get()));
            if (ctx.method() == HandlerType.GET) {
                ctx.redirect(standing, HttpStatus.SEE_OTHER);
            } else {
                Html.page(
                        ctx,
                        409,
                        "Replaced",
                        "<p class=\"oauth-message\">" + Html.escape(app.get().name())
                                + " has asked again since; nothing was changed. <a href=\"" + Html.escape(standing)
                                + "\">Answer its request</a>.</p>");
            }
            return Optional.empty();
        }
        if (!request.get().pending()) {
            OAuthPages.message(
                    ctx,
                    200,
                    "Nothing to select",
                    "This request has its answer already (an app that sees everything has nothing to select).");
            return Optional.empty();
        }
        return Optional.of(new Pending(request.get(), app.get()));
    }
}
