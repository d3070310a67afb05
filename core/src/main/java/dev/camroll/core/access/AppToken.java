package dev.camroll.core.access;

import java.time.Instant;
import java.util.Set;

/**
 * What a valid access token stands for: its app, the authorization it belongs to (every token one
 * consent gave, refreshed ones included: what is signed for the token is bound to it and dies with
 * it), its OAuth scopes and when it expires.
 */
public record AppToken(AppId app, String authorization, Set<String> scopes, Instant expires) {
    public AppToken {
        scopes = Set.copyOf(scopes);
    }
}
