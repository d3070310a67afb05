package dev.camroll.core.store;

/**
 * Where the index says an asset with a given content key is.
 *
 * @param folder the folder's path relative to the library root ("" for the root)
 */
public record KeyedPlace(long assetRowId, String publicId, String folder, String filename) {}
