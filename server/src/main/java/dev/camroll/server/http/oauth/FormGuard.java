package dev.camroll.server.http.oauth;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The check of a consent form's post: the owner's session, the session's form token in the
 * hidden field (a page of another site cannot read it), and the browser's own word that the post
 * comes from this site (Sec-Fetch-Site, else Origin). A post that fails it changes nothing.
 */
final class FormGuard {
    private final OwnerCheck owner;

    FormGuard(OwnerCheck owner) {
        this.owner = owner;
    }

    /** Why the post is refused, or empty when it is the owner's, from this site. */
    Optional<String> refusal(Context ctx) {
        Optional<String> expected = owner.formToken(ctx);
        if (expected.isEmpty()) {
            return Optional.of("Sign in to Camroll first.");
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return Optional.of("This form was sent from another site.");
        }
        String origin = ctx.header("Origin");
        if (site == null && origin != null && !origin.equals(ownOrigin(ctx))) {
            return Optional.of("This form was sent from another site.");
        }
        String presented = ctx.formParam(ConsentPage.FORM_TOKEN);
        if (presented == null
                || !MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8),
                        expected.get().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("This form has expired: open the page again.");
        }
        return Optional.empty();
    }

    private static String ownOrigin(Context ctx) {
        String host = ctx.header("Host");
        return ctx.scheme() + "://" + (host != null ? host : ctx.host());
    }
}
