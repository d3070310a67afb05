package dev.camroll.core.access;

import dev.camroll.api.GranularPermission;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An app's request for access, waiting for the person's answer on the consent page (or an
 * embedding program's callback), or answered.
 *
 * @param id opaque and unguessable: it travels in the consent page's URL
 * @param app the app asking
 * @param kind a request for permissions, or for a new selection (presentPermissionsPicker)
 * @param writeOnly whether the app asks for add-only access
 * @param granular the media types asked for (all of them when the app named none)
 * @param createdAt when the app asked
 * @param answeredAt when the person answered; empty while pending
 */
public record ConsentRequest(
        String id,
        AppId app,
        Kind kind,
        boolean writeOnly,
        Set<GranularPermission> granular,
        Instant createdAt,
        Optional<Instant> answeredAt) {
    /** What an app asks for. */
    public enum Kind {
        /** getPermissions's companion, requestPermissions: access to the library. */
        PERMISSIONS,
        /** presentPermissionsPicker: the selection page, the current selection preselected. */
        RESELECTION
    }

    public ConsentRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(kind, "kind");
        granular = Set.copyOf(granular);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(answeredAt, "answeredAt");
    }

    /** Whether the person has not answered yet. */
    public boolean pending() {
        return answeredAt.isEmpty();
    }
}
