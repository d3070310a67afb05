package dev.camroll.core.access;

import java.time.Duration;
import java.util.Set;

/**
 * What a token request gives an app: an access token, a refresh token that replaces itself on
 * each use (null for a grant of this time only), the access token's lifetime and its OAuth
 * scopes. The texts exist only here: the library keeps their hashes.
 */
public record IssuedTokens(String accessToken, String refreshToken, Duration expiresIn, Set<String> scopes) {
    public IssuedTokens {
        scopes = Set.copyOf(scopes);
    }
}
