package dev.camroll.server.http.oauth;

import dev.camroll.api.MediaLibrary;
import dev.camroll.core.access.AppRegistry;
import dev.camroll.core.access.Authorized;
import dev.camroll.core.access.OAuthScopes;
import dev.camroll.core.access.Selection;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The authorization endpoint (RFC 6749 4.1 with PKCE): {@code GET /oauth/authorize} is the consent
 * page, shown to the signed-in owner; its form posts to {@code POST /oauth/authorize}, which
 * records the answer and sends the browser back to the app's redirect URI with a code, or with
 * {@code access_denied}.
 */
final class AuthorizeRoutes {
    static final String PATH = "/oauth/authorize";

    private final AppRegistry apps;
    private final Consents consents;
    private final OwnerCheck owner;
    private final MediaLibrary library;

    AuthorizeRoutes(AppRegistry apps, Consents consents, OwnerCheck owner, MediaLibrary library) {
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
        AuthorizationRequest request = checked(ctx, ctx::queryParam);
        if (request == null) {
            return;
        }
        String formField = owner.formField(ctx);
        ConsentPage.show(ctx, PATH, request.app().name(), request.scopes(), fields(request), formField);
    }

    private void answer(Context ctx) {
        owner.checkForm(ctx);
        AuthorizationRequest request = checked(ctx, ctx::formParam);
        if (request == null) {
            return;
        }
        ConsentPage.Answer answer = ConsentPage.Answer.of(ctx.formParam("answer"));
        if (answer == null) {
            OAuthPages.message(ctx, 400, "No answer", "Choose one of the answers on the page.");
            return;
        }
        boolean selected = ctx.formParam(SelectionPage.MARK) != null;
        if (answer == ConsentPage.Answer.SELECTED && !selected) {
            // The answer waits for the owner's choice on the selection page, which posts back here.
            Map<String, String> fields = fields(request);
            fields.put("answer", "selected");
            SelectionPage.show(
                    ctx,
                    library,
                    PATH,
                    new SelectionPage.Shown(
                            request.app().name(),
                            RequestedScopes.granular(request.scopes()),
                            consents.current(request.app().id()),
                            request.scopes().contains(OAuthScopes.MEDIA_LOCATION),
                            false),
                    fields,
                    owner.formField(ctx));
            return;
        }
        Optional<Authorized> authorized = consents.record(
                request.app().id(),
                request.scopes(),
                answer,
                "yes".equals(ctx.formParam("location")),
                selected ? SelectionPage.chosen(ctx) : Selection.empty());
        if (authorized.isEmpty()) {
            redirect(
                    ctx,
                    new AuthorizationRequest.Failed(
                                    request.redirectUri(),
                                    "access_denied",
                                    "the owner did not allow it",
                                    request.state())
                            .location());
            return;
        }
        String code =
                apps.newCode(request.app().id(), request.redirectUri(), request.codeChallenge(), authorized.get());
        redirect(
                ctx,
                AuthorizationRequest.withParameters(request.redirectUri(), "code", code, "state", request.state()));
    }

    /** The request if it can be answered; else the page or the redirect that says why is written, and null. */
    private AuthorizationRequest checked(Context ctx, Function<String, String> parameter) {
        switch (AuthorizationRequest.check(parameter, apps)) {
            case AuthorizationRequest.Valid(var request) -> {
                return request;
            }
            case AuthorizationRequest.Refused(var message) -> OAuthPages.message(ctx, 400, "Cannot authorize", message);
            case AuthorizationRequest.Failed failed -> redirect(ctx, failed.location());
        }
        return null;
    }

    private static Map<String, String> fields(AuthorizationRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("response_type", "code");
        fields.put("client_id", request.app().id().value());
        fields.put("redirect_uri", request.redirectUri());
        fields.put("code_challenge", request.codeChallenge());
        fields.put("code_challenge_method", "S256");
        fields.put("scope", String.join(" ", request.scopes()));
        fields.put("state", request.state());
        return fields;
    }

    /** 303: the browser follows a post's answer with a GET. */
    private static void redirect(Context ctx, String location) {
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(location, HttpStatus.SEE_OTHER);
    }
}
