package dev.camroll.core.access;

import dev.camroll.api.InvalidArgumentException;
import java.time.Duration;
import java.util.Set;

/** The person's answer to an app's request, as the consent page (or an embedding program) gives it. */
public sealed interface ConsentAnswer {
    /** How long "Allow this time only" lasts unless said otherwise. */
    Duration DEFAULT_ONE_TIME = Duration.ofHours(1);

    /** "Allow all": every asset of the media types asked for. */
    record AllowAll(boolean location) implements ConsentAnswer {}

    /**
     * "Select photos and videos": these items and whole albums (and what the app creates). For a
     * reselection, the whole new selection: what is left out is no longer the app's to see.
     */
    record AllowSelected(Set<String> assetIds, Set<String> albumIds, boolean location) implements ConsentAnswer {
        public AllowSelected {
            assetIds = Set.copyOf(assetIds);
            albumIds = Set.copyOf(albumIds);
        }

        public Selection selection() {
            return new Selection(assetIds, albumIds);
        }
    }

    /** "Allow this time only": all of the media types asked for, until the lifetime ends. */
    record AllowOnce(boolean location, Duration lifetime) implements ConsentAnswer {
        public AllowOnce {
            if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
                throw InvalidArgumentException.of(
                        "lifetime", "a one-time grant lasts a positive time, not " + lifetime);
            }
        }

        public AllowOnce(boolean location) {
            this(location, DEFAULT_ONE_TIME);
        }
    }

    /** "Don't allow", and whether the app may not ask again. */
    record Deny(boolean dontAskAgain) implements ConsentAnswer {}
}
