package dev.camroll.core.access;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An app's change of assets it did not create, waiting for the owner's confirmation (Android's
 * delete and write requests, iOS's dialog), or answered. Nothing of it is done before.
 *
 * @param id opaque and unguessable: it travels in the confirmation page's URL
 * @param operation what the app asked to do
 * @param assetIds the assets it names (the albums, for {@link ChangeOperation#DELETE_ALBUM})
 * @param albumId the album of an album operation (the new album's title for {@link
 *     ChangeOperation#CREATE_ALBUM}); empty for the others
 * @param flag the favorite flag of {@link ChangeOperation#SET_FAVORITE}, the copy flag of
 *     {@link ChangeOperation#ADD_TO_ALBUM}, the remove-assets flag of
 *     {@link ChangeOperation#DELETE_ALBUM}
 * @param confirmed empty while pending; then whether the owner confirmed it
 */
public record ChangeRequest(
        String id,
        AppId app,
        ChangeOperation operation,
        List<String> assetIds,
        Optional<String> albumId,
        boolean flag,
        Instant createdAt,
        Optional<Instant> answeredAt,
        Optional<Boolean> confirmed) {
    public ChangeRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(operation, "operation");
        assetIds = List.copyOf(assetIds);
        Objects.requireNonNull(albumId, "albumId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(answeredAt, "answeredAt");
        Objects.requireNonNull(confirmed, "confirmed");
    }

    public boolean pending() {
        return answeredAt.isEmpty();
    }
}
