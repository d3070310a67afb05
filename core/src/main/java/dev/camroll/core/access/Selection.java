package dev.camroll.core.access;

import java.util.Set;

/**
 * What the person selected for an app with limited access: items one by one, and albums whole
 * (an album selected whole shows the app what is added to it later).
 *
 * @param assetIds the ids of the assets selected one by one
 * @param albumIds the ids of the albums selected whole
 */
public record Selection(Set<String> assetIds, Set<String> albumIds) {
    public Selection {
        assetIds = Set.copyOf(assetIds);
        albumIds = Set.copyOf(albumIds);
    }

    public static Selection empty() {
        return new Selection(Set.of(), Set.of());
    }
}
