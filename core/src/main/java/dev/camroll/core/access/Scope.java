package dev.camroll.core.access;

/**
 * Who is asking: every read and write of the library is made for a scope, which decides what it
 * sees. The owner's scope sees the whole library; app scopes are further kinds of scope.
 */
public sealed interface Scope {

    /** The library's owner, who sees and may change everything. */
    static Scope owner() {
        return Owner.INSTANCE;
    }

    /** The owner's scope. */
    enum Owner implements Scope {
        INSTANCE
    }
}
