package dev.camroll.core.picker;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import java.util.Locale;

/**
 * A session that is no longer waiting (picked, canceled or expired), or whose answer is being
 * made, was answered again.
 */
public final class PickerSessionClosedException extends CamrollException {
    public PickerSessionClosedException(String id, SessionState state) {
        super(ErrorCode.CONFLICT, message(id, state));
    }

    private static String message(String id, SessionState state) {
        if (state == SessionState.WAITING) {
            return "the picker session " + id + " is being answered: it takes no other answer";
        }
        return "the picker session " + id + " is " + state.name().toLowerCase(Locale.ROOT)
                + ": it takes no other answer";
    }
}
