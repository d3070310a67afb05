package dev.camroll.api;

/**
 * An album of the library.
 *
 * @param id opaque and stable
 * @param title the folder name, or the name of a smart album
 * @param assetCount how many assets (of any media type) it holds
 */
public record Album(String id, String title, int assetCount, AlbumType type) {}
