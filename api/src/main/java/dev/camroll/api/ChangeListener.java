package dev.camroll.api;

/** Told of changes to the library, as expo-media-library's addListener callback. */
@FunctionalInterface
public interface ChangeListener {
    /** Called after the changes are committed, in commit order, never on the writer's thread. */
    void onChange(ChangeSet changes);
}
