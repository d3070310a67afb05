package dev.camroll.server.http.owner;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;

/** A page of the owner asked for without a session: the browser goes to sign in, then back to {@link #next()}. */
public final class SignInRequired extends CamrollException {
    private final String next;

    SignInRequired(String next) {
        super(ErrorCode.UNAUTHORIZED, "this page is the owner's: sign in first");
        this.next = next;
    }

    /** The path (with its query) to come back to. */
    public String next() {
        return next;
    }
}
