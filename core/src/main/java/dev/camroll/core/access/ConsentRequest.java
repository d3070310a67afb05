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
 * @param answeredAt when the person answered (or the request was replaced); empty while pending
 * @param supersededBy the request of the same app that replaced this one while it was pending
 *     (it asked something else: the owner sees one request per app); its waiters follow it
 */
public record ConsentRequest(
        String id,
        AppId app,
        Kind kind,
        boolean writeOnly,
        Set<GranularPermission> granular,
        Instant createdAt,
        Optional<Instant> answeredAt,
        Optional<String> supersededBy) {
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
        Objects.requireNonNull(supersededBy, "supersededBy");
    }

    /** A request as it is opened: not replaced by another. */
    public ConsentRequest(
            String id,
            AppId app,
            Kind kind,
            boolean writeOnly,
            Set<GranularPermission> granular,
            Instant createdAt,
            Optional<Instant> answeredAt) {
        this(id, app, kind, writeOnly, granular, createdAt, answeredAt, Optional.empty());
    }

    /** Whether this request asks what another one asks: then it is the same request to the owner. */
    public boolean asksAs(ConsentRequest other) {
        return app.equals(other.app)
                && kind == other.kind
                && writeOnly == other.writeOnly
                && granular.equals(other.granular);
    }

    /** Whether the person has not answered yet. */
    public boolean pending() {
        return answeredAt.isEmpty();
    }
}
