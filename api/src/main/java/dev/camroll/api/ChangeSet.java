package dev.camroll.api;

import java.util.List;

/**
 * What changed in the library since a change token, as expo-media-library's change event.
 *
 * @param hasIncrementalChanges false when the changes cannot be told (the token is too old or not
 *     one of this library's): the caller reloads everything; the id lists are then empty
 * @param insertedAssets ids of assets added since the token
 * @param updatedAssets ids of assets that existed at the token and changed since
 * @param deletedAssets ids of assets that existed at the token and are gone
 * @param nextToken the token of the state these changes lead to
 */
public record ChangeSet(
        boolean hasIncrementalChanges,
        List<String> insertedAssets,
        List<String> updatedAssets,
        List<String> deletedAssets,
        String nextToken) {
    public ChangeSet {
        insertedAssets = List.copyOf(insertedAssets);
        updatedAssets = List.copyOf(updatedAssets);
        deletedAssets = List.copyOf(deletedAssets);
    }

    public static ChangeSet fullReload(String nextToken) {
        return new ChangeSet(false, List.of(), List.of(), List.of(), nextToken);
    }
}
