package dev.camroll.core.access;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An app given access to the library: its id (the OAuth {@code client_id}), the name it is shown
 * by, the redirect URIs bound when it registered (none for an app the owner added by hand), when
 * it was added and, once revoked, when.
 */
public record App(AppId id, String name, List<URI> redirectUris, Instant added, Optional<Instant> revoked) {
    public App {
        redirectUris = List.copyOf(redirectUris);
    }

    public boolean isRevoked() {
        return revoked.isPresent();
    }
}
