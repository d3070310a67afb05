package dev.camroll.server.http.oauth;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Whether the owner is signed in on this request, as the server's web sessions say: the consent
 * pages are the owner's alone. Gives the session's form token, which a form of the page carries in
 * a hidden field and a post must bring back (a page of another site cannot read it).
 */
@FunctionalInterface
public interface OwnerCheck {
    /** The form token of the owner's session, or empty when the request has no owner's session. */
    Optional<String> formToken(Context ctx);
}
