package dev.camroll.core.access;

import dev.camroll.api.MediaType;
import java.util.Set;

/**
 * A scope that sees photos only, for tests: the kind of scope an app granted photos but not videos
 * will have, so that a test can show that every path of the library applies the predicate.
 */
public record PhotosOnlyScope() implements LimitedScope {
    @Override
    public AssetPredicate predicate() {
        return new AssetPredicate.OfMediaTypes(Set.of(MediaType.PHOTO));
    }
}
