package dev.camroll.core.picker;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;

/** A session that is no longer waiting (picked, canceled or expired) was answered again. */
public final class PickerSessionClosedException extends CamrollException {
    public PickerSessionClosedException(String id, SessionState state) {
        super(
                ErrorCode.CONFLICT,
                "the picker session " + id + " is " + state.name().toLowerCase(java.util.Locale.ROOT)
                        + ": it takes no other answer");
    }
}
