package dev.camroll.core.access;

import java.util.Set;

/**
 * What the owner allowed an app on the consent page, as its tokens carry it: the OAuth scopes,
 * and whether only this time (an access token and no refresh token, so that it ends within the
 * token's lifetime).
 */
public record Authorized(Set<String> scopes, boolean once) {
    public Authorized {
        scopes = Set.copyOf(scopes);
    }
}
