package dev.camroll.core.access;

/**
 * Who is asking, as the index sees it: every read and write of assets and albums in the store
 * takes one, so that what a caller may see is decided in one place, the store's, and a denied
 * asset looks exactly like a missing one.
 *
 * <p>Today there is one kind, the owner's ({@link #owner()}), which sees everything. App scopes
 * (selected items, some media types, add-only) are further kinds of {@link LimitedScope}: each
 * says which assets it sees through its {@link #predicate()}, which the store applies to every
 * query: listings, counts, gets by id, albums, changes since a token and the trash.
 */
public sealed interface Scope permits OwnerScope, LimitedScope {
    /** The owner of the library: sees and may change every asset and album. */
    static Scope owner() {
        return OwnerScope.INSTANCE;
    }

    /** Which assets this scope sees. */
    AssetPredicate predicate();

    /**
     * Whether this scope sees where photos and videos were taken. Without it, an asset's location
     * is null, its EXIF holds no GPS tag, and the bytes it is served have their location removed.
     */
    default boolean seesLocation() {
        return true;
    }
}
