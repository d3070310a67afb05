package dev.camroll.core.picker;

import dev.camroll.api.picker.PickerOptions;
import dev.camroll.api.picker.PickerResult;
import java.time.Instant;
import java.util.Objects;

/**
 * A picker session as its maker sees it.
 *
 * @param id the session's id: 256 random bits, which nobody guesses
 * @param options what the maker asked for
 * @param createdAt when it was made
 * @param expiresAt when it and its result files end
 * @param result the result once picked or canceled; null while waiting and once expired
 */
public record PickerSession(
        String id,
        PickerOptions options,
        SessionState state,
        Instant createdAt,
        Instant expiresAt,
        PickerResult result) {
    public PickerSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(state, "state");
        if (state.completed() != (result != null)) {
            throw new IllegalArgumentException("a session has a result exactly when it is completed: " + state);
        }
    }

    /** Google's {@code mediaItemsSet}: the person chose, the results can be read. */
    public boolean mediaItemsSet() {
        return state == SessionState.PICKED;
    }
}
