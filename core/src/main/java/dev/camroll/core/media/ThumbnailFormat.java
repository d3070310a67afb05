package dev.camroll.core.media;

/** The encodings a thumbnail can be made in. */
public enum ThumbnailFormat {
    JPEG("image/jpeg", "jpg"),
    /** Through libwebp in the bundled FFmpeg build; see {@link Thumbnailer#webpAvailable()}. */
    WEBP("image/webp", "webp");

    private final String mimeType;
    private final String extension;

    ThumbnailFormat(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The file name extension of cached entries, without the dot. */
    public String extension() {
        return extension;
    }
}
