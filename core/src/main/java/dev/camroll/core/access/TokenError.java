package dev.camroll.core.access;

import java.util.Locale;

/** Why a token request was refused, with the error names of RFC 6749 5.2 and RFC 8628 3.5. */
public enum TokenError {
    /** A parameter is missing, repeated or malformed. */
    INVALID_REQUEST,
    /** The app is unknown or revoked. */
    INVALID_CLIENT,
    /** The code, refresh token or verifier is wrong, used, expired, or another app's. */
    INVALID_GRANT,
    /** The app may not use this grant type. */
    UNAUTHORIZED_CLIENT,
    /** The grant type is not one this server knows. */
    UNSUPPORTED_GRANT_TYPE,
    /** A scope asked for is not one this server knows. */
    INVALID_SCOPE,
    /** The owner has not answered the device authorization yet. */
    AUTHORIZATION_PENDING,
    /** The owner refused. */
    ACCESS_DENIED,
    /** The device code expired before the owner answered. */
    EXPIRED_TOKEN;

    /** The name on the wire ({@code invalid_grant}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
