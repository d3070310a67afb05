package dev.camroll.server.http.oauth;

import dev.camroll.api.MediaLibrary;
import dev.camroll.core.access.AppRegistry;
import dev.camroll.core.access.Authorized;
import dev.camroll.core.access.OAuthScopes;
import dev.camroll.core.access.PendingDevice;
import dev.camroll.core.access.Selection;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;
import java.util.Optional;

/**
 * The owner's side of the device flow (RFC 8628 3.3): {@code GET /oauth/device} asks for the code
 * the device shows, then shows the consent page for the app that waits with it; the form posts to
 * {@code POST /oauth/device}, and the device's next poll gets its tokens or the refusal.
 */
final class DeviceRoutes {
    static final String PATH = "/oauth/device";

    private final AppRegistry apps;
    private final Consents consents;
    private final OwnerCheck owner;
    private final MediaLibrary library;

    DeviceRoutes(AppRegistry apps, Consents consents, OwnerCheck owner, MediaLibrary library) {
        this.apps = apps;
        this.consents = consents;
        this.owner = owner;
        this.library = library;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get(PATH, this::page);
        routes.post(PATH, this::answer);
    }

    private void page(Context ctx) {
        String formField = owner.formField(ctx);
        String userCode = ctx.queryParam("user_code");
        if (userCode == null || userCode.isBlank()) {
            Html.page(
                    ctx,
                    200,
                    "Connect a device",
                    "<form method=\"get\" action=\"" + PATH + "\"><label>The code the device shows"
                            + " <input name=\"user_code\" autocomplete=\"off\" autofocus></label>"
                            + " <button type=\"submit\">Next</button></form>");
            return;
        }
        Optional<PendingDevice> pending = apps.pendingDevice(userCode);
        if (pending.isEmpty()) {
            OAuthPages.message(ctx, 404, "Unknown code", "No device waits with this code (it may have expired).");
            return;
        }
        ConsentPage.show(
                ctx,
                PATH,
                pending.get().app().name(),
                pending.get().scopes(),
                Map.of("user_code", userCode),
                formField);
    }

    private void answer(Context ctx) {
        owner.checkForm(ctx);
        String userCode = ctx.formParam("user_code");
        Optional<PendingDevice> pending = apps.pendingDevice(userCode);
        ConsentPage.Answer answer = ConsentPage.Answer.of(ctx.formParam("answer"));
        if (pending.isEmpty() || answer == null) {
            OAuthPages.message(ctx, 404, "Unknown code", "No device waits with this code (it may have expired).");
            return;
        }
        PendingDevice device = pending.get();
        boolean selected = ctx.formParam(SelectionPage.MARK) != null;
        if (answer == ConsentPage.Answer.SELECTED && !selected) {
            SelectionPage.show(
                    ctx,
                    library,
                    PATH,
                    new SelectionPage.Shown(
                            device.app().name(),
                            RequestedScopes.granular(device.scopes()),
                            consents.current(device.app().id()),
                            device.scopes().contains(OAuthScopes.MEDIA_LOCATION),
                            false),
                    Map.of("user_code", userCode, "answer", "selected"),
                    owner.formField(ctx));
            return;
        }
        Optional<Authorized> granted = consents.record(
                device.app().id(),
                device.scopes(),
                answer,
                "yes".equals(ctx.formParam("location")),
                selected ? SelectionPage.chosen(ctx) : Selection.empty());
        apps.answerDevice(userCode, granted);
        OAuthPages.message(
                ctx,
                200,
                granted.isPresent() ? "Allowed" : "Not allowed",
                "You can go back to " + pending.get().app().name() + ".");
    }
}
