package dev.camroll.server.http.oauth;

import io.javalin.http.Context;

/**
 * The consent pages are the owner's alone, as the server's owner pages decide it: a request
 * without the owner's session is sent to sign in and back, and a form post must come from this
 * site with the session's form token.
 */
public interface OwnerCheck {
    /**
     * The hidden field the page's form carries; for a request without the owner's session, throws
     * what sends the browser to sign in (and back to this page).
     */
    String formField(Context ctx);

    /** Throws what refuses the post (nothing changes) unless it is the owner's, from this site. */
    void checkForm(Context ctx);
}
