package dev.camroll.core.media;

/**
 * What one sweep of a cache folder did: the asset folders it looked at, those whose asset the
 * index no longer knows, and the files it removed from them.
 */
public record SweepReport(int foldersSeen, int foldersOfGoneAssets, int filesRemoved) {
    public static final SweepReport NONE = new SweepReport(0, 0, 0);

    public SweepReport plus(SweepReport other) {
        return new SweepReport(
                foldersSeen + other.foldersSeen,
                foldersOfGoneAssets + other.foldersOfGoneAssets,
                filesRemoved + other.filesRemoved);
    }
}
