package dev.camroll.core.media;

/** What a rendition is: the form a browser shows of an asset it cannot show as it is. */
public enum RenditionKind {
    /** H.264 video and AAC sound in an MP4 whose index comes first, at most 1080p. */
    VIDEO_MP4("video/mp4", "mp4"),
    /** AAC sound in an MP4 (M4A) whose index comes first. */
    AUDIO_M4A("audio/mp4", "m4a"),
    /** The full-size picture as a JPEG, upright, in sRGB. */
    PHOTO_JPEG("image/jpeg", "jpg");

    private final String mimeType;
    private final String extension;

    RenditionKind(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The entry name's prefix in the cache. */
    String entryPrefix() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
