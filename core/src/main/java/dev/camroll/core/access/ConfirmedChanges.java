package dev.camroll.core.access;

/** Carries out a change the owner confirmed, as the app asked it (the library registers it). */
@FunctionalInterface
public interface ConfirmedChanges {
    void carryOut(ChangeRequest request);
}
