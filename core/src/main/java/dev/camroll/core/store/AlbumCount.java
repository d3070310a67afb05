package dev.camroll.core.store;

/** A folder with the number of assets it holds. */
public record AlbumCount(AlbumRow album, int assetCount) {}
