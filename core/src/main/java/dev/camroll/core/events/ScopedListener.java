package dev.camroll.core.events;

import dev.camroll.api.ChangeListener;
import dev.camroll.api.ChangeSet;
import java.util.function.Function;

/**
 * A listener of a view of the library that sees only part of it: on each event of the library it
 * reads what changed for the view since the last token it passed on, and passes that on when there
 * is anything, so the view's listeners hear only of assets the view sees. Runs on the dispatcher's
 * thread, one event at a time.
 */
public final class ScopedListener implements RoundListener {
    private final Function<String, ChangeSet> changesSince;
    private final ChangeListener listener;
    private String delivered;

    /**
     * @param token the view's change token now: changes count from here
     * @param changesSince the view's changes after a token
     */
    public ScopedListener(String token, Function<String, ChangeSet> changesSince, ChangeListener listener) {
        this.delivered = token;
        this.changesSince = changesSince;
        this.listener = listener;
    }

    @Override
    public void onChange(ChangeSet libraryChanges) {
        ChangeSet changes = changesSince.apply(delivered);
        delivered = changes.nextToken();
        if (changes.hasIncrementalChanges()
                && changes.insertedAssets().isEmpty()
                && changes.updatedAssets().isEmpty()
                && changes.deletedAssets().isEmpty()) {
            return;
        }
        listener.onChange(changes);
    }
}
