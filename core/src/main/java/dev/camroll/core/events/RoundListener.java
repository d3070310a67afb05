package dev.camroll.core.events;

import dev.camroll.api.ChangeListener;

/**
 * A listener that hears every round of the journal, also one in which the owner sees no change of
 * an asset (a change of nothing but an app's grant): what serves apps reads their own changes on
 * it, since an app's scope may have changed while no asset did.
 */
@FunctionalInterface
public interface RoundListener extends ChangeListener {}
