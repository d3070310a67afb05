package dev.camroll.core.access;

/**
 * A scope that sees every asset but not where any was made, for tests: the kind of scope an app
 * granted access without the media-location permission will have.
 */
public record NoLocationScope() implements LimitedScope {
    @Override
    public AssetPredicate predicate() {
        return new AssetPredicate.Every();
    }

    @Override
    public boolean seesLocation() {
        return false;
    }
}
