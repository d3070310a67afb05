package dev.camroll.core.media;

/** The two thumbnail sizes, as phones and photo servers serve them; sizes are of the long edge. */
public enum ThumbnailSize {
    /** For grids of many assets. */
    GRID("grid", 256),
    /** For one asset filling a screen before its original is loaded. */
    PREVIEW("preview", 1440);

    private final String wireName;
    private final int longEdge;

    ThumbnailSize(String wireName, int longEdge) {
        this.wireName = wireName;
        this.longEdge = longEdge;
    }

    /** The name in URLs and file names. */
    public String wireName() {
        return wireName;
    }

    /** The long edge in pixels; a smaller picture keeps its own size (never enlarged). */
    public int longEdge() {
        return longEdge;
    }

    /** The size of a wire name, or null when there is none of that name. */
    public static ThumbnailSize fromWireName(String name) {
        for (ThumbnailSize size : values()) {
            if (size.wireName.equals(name)) {
                return size;
            }
        }
        return null;
    }
}
