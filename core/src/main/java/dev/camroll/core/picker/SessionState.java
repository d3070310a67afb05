package dev.camroll.core.picker;

/** Where a picker session stands (Google Photos' PickingSession and expo's result in one). */
public enum SessionState {
    /** Waiting for the person to choose. */
    WAITING,
    /** The person chose: the result files are ready. */
    PICKED,
    /** The person canceled: the result is {@code canceled: true}. */
    CANCELED,
    /** Past its expiry: no result, and its files are gone or about to go. */
    EXPIRED;

    /** Whether the person is done with it (picked or canceled). */
    public boolean completed() {
        return this == PICKED || this == CANCELED;
    }
}
