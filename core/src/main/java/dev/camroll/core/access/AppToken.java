package dev.camroll.core.access;

import java.time.Instant;
import java.util.Set;

/** What a valid access token stands for: its app, its OAuth scopes and when it expires. */
public record AppToken(AppId app, Set<String> scopes, Instant expires) {
    public AppToken {
        scopes = Set.copyOf(scopes);
    }
}
