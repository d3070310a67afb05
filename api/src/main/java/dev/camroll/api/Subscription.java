package dev.camroll.api;

/** A registered listener; {@link #remove()} stops its calls. */
@FunctionalInterface
public interface Subscription {
    void remove();
}
