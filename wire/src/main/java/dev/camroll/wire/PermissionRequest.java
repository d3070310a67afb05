package dev.camroll.wire;

import dev.camroll.api.PermissionResponse;
import java.util.Objects;

/**
 * What {@code POST /api/v1/permissions/request} and {@code /permissions/picker} answer: the app's
 * state for what it asked, and the request the owner answers on the consent page.
 *
 * @param permissions the app's state when the answer was given (after the owner's answer, or when
 *     the wait was over)
 * @param requestId the consent request; null when there was nothing to ask (the owner, or a
 *     picker of an app that sees everything)
 * @param consentUrl the absolute URL of the page where the owner answers it; null with no request
 * @param pending whether the owner has yet to answer
 */
public record PermissionRequest(PermissionResponse permissions, String requestId, String consentUrl, boolean pending) {
    public PermissionRequest {
        Objects.requireNonNull(permissions, "permissions");
    }

    /** Nothing was asked: the state as it is. */
    public static PermissionRequest none(PermissionResponse permissions) {
        return new PermissionRequest(permissions, null, null, false);
    }
}
