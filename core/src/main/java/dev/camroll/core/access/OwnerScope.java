package dev.camroll.core.access;

/**
 * The owner's scope: sees every asset. Only this scope may be answered from the store's
 * per-folder counters, which count every asset of a folder.
 */
public final class OwnerScope implements Scope {
    static final OwnerScope INSTANCE = new OwnerScope();

    private OwnerScope() {}

    @Override
    public AssetPredicate predicate() {
        return new AssetPredicate.Every();
    }

    @Override
    public String toString() {
        return "owner";
    }
}
