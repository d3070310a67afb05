package dev.camroll.server.http.owner;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;

/** A form post that did not come from a page of this server, or without its session's form token: 403, nothing done. */
public final class CrossSiteRequestRefused extends CamrollException {
    CrossSiteRequestRefused(String message) {
        super(ErrorCode.FORBIDDEN, message);
    }
}
