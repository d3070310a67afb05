package dev.camroll.core.metadata;

import dev.camroll.api.MediaType;
import java.util.List;
import java.util.Locale;

/** The container formats Camroll indexes; anything else is not an asset. */
public enum MediaFormat {
    JPEG(MediaType.PHOTO, "image/jpeg", "jpg", "jpeg", "jpe"),
    PNG(MediaType.PHOTO, "image/png", "png"),
    GIF(MediaType.PHOTO, "image/gif", "gif"),
    WEBP(MediaType.PHOTO, "image/webp", "webp"),
    HEIC(MediaType.PHOTO, "image/heic", "heic", "heif", "hif"),
    AVIF(MediaType.PHOTO, "image/avif", "avif"),
    TIFF(MediaType.PHOTO, "image/tiff", "tif", "tiff"),
    BMP(MediaType.PHOTO, "image/bmp", "bmp"),
    DNG(MediaType.PHOTO, "image/x-adobe-dng", "dng"),
    CR2(MediaType.PHOTO, "image/x-canon-cr2", "cr2"),
    CR3(MediaType.PHOTO, "image/x-canon-cr3", "cr3"),
    NEF(MediaType.PHOTO, "image/x-nikon-nef", "nef"),
    ARW(MediaType.PHOTO, "image/x-sony-arw", "arw"),
    ORF(MediaType.PHOTO, "image/x-olympus-orf", "orf"),
    RW2(MediaType.PHOTO, "image/x-panasonic-rw2", "rw2"),
    RAF(MediaType.PHOTO, "image/x-fuji-raf", "raf"),
    MP4(MediaType.VIDEO, "video/mp4", "mp4"),
    MOV(MediaType.VIDEO, "video/quicktime", "mov", "qt"),
    M4V(MediaType.VIDEO, "video/x-m4v", "m4v"),
    THREE_GP(MediaType.VIDEO, "video/3gpp", "3gp", "3g2"),
    MKV(MediaType.VIDEO, "video/x-matroska", "mkv"),
    WEBM(MediaType.VIDEO, "video/webm", "webm"),
    AVI(MediaType.VIDEO, "video/x-msvideo", "avi"),
    MTS(MediaType.VIDEO, "video/mp2t", "mts", "m2ts", "ts"),
    MP3(MediaType.AUDIO, "audio/mpeg", "mp3"),
    M4A(MediaType.AUDIO, "audio/mp4", "m4a", "m4b"),
    AAC(MediaType.AUDIO, "audio/aac", "aac"),
    WAV(MediaType.AUDIO, "audio/wav", "wav"),
    FLAC(MediaType.AUDIO, "audio/flac", "flac"),
    OGG(MediaType.AUDIO, "audio/ogg", "ogg", "oga"),
    OPUS(MediaType.AUDIO, "audio/opus", "opus");

    private final MediaType mediaType;
    private final String mimeType;
    private final List<String> extensions;

    MediaFormat(MediaType mediaType, String mimeType, String... extensions) {
        this.mediaType = mediaType;
        this.mimeType = mimeType;
        this.extensions = List.of(extensions);
    }

    /** The kind this format usually holds (a WebM or MP4 with no picture is audio). */
    public MediaType mediaType() {
        return mediaType;
    }

    /**
     * Whether this is a camera raw format: sensor data with JPEG previews beside it, shown by the
     * largest preview and marked with the {@code raw} media subtype.
     */
    public boolean isRaw() {
        return switch (this) {
            case DNG, CR2, CR3, NEF, ARW, ORF, RW2, RAF -> true;
            default -> false;
        };
    }

    public String mimeType() {
        return mimeType;
    }

    /** Lower-case extensions without the dot; the first is the usual one. */
    public List<String> extensions() {
        return extensions;
    }

    /** The format a file name's extension claims, or null when it names none of ours. */
    public static MediaFormat fromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return null;
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (MediaFormat format : values()) {
            if (format.extensions.contains(extension)) {
                return format;
            }
        }
        return null;
    }
}
