package dev.camroll.core.metadata;

import dev.camroll.api.MediaType;

/**
 * Which reader read a row, per media family, so that a scan reads a file again when its row was
 * written without a reader or by an older one, though the file did not change.
 */
public final class ReaderVersions {

    /** The row was written without a reader: FFmpeg's libraries could not be loaded. */
    public static final int NONE = 0;

    /**
     * Photos read by metadata-extractor (and FFmpeg's libraries for HEIF, AVIF and CR3 sizes). 2
     * reads the subtype markers (Apple MakerNote, Google XMP, Samsung trailer), gives raw files the
     * raw subtype and reads CR3's and RW2's own EXIF and RAF files, so a rescan gives photos indexed
     * by 1 their subtypes. 3 reads the front camera's lens (selfie) and the frames of GIF, WebP and
     * PNG (animated).
     */
    public static final int PHOTO = 3;

    /**
     * Video and audio. 1 was the ffprobe executable; 2 reads in this process and reads the
     * location of MP4 and MOV files; 3 reads the capture rate (slow motion, time-lapse); 4 reads
     * Apple's slow motion (the stream's rate and playback intent), the front camera's keys (selfie)
     * and names screen recordings, and the Live Photo content identifier of a MOV; 5 reads Apple's
     * capture mode (an iPhone time-lapse). Bump it when the reader learns something rows should get.
     */
    public static final int AUDIO_VIDEO = 5;

    private ReaderVersions() {}

    /** The version the reader of this family has today. */
    public static int current(MediaType type) {
        return type == MediaType.PHOTO ? PHOTO : AUDIO_VIDEO;
    }

    /**
     * Whether a row of this type written by that version should be read again. A row written
     * without a reader is read again only when FFmpeg's libraries can be loaded now: else every
     * scan would read it again for nothing.
     */
    public static boolean outdated(MediaType type, int version) {
        if (version >= current(type)) {
            return false;
        }
        return version != NONE || AvReader.missingLibraries() == null;
    }
}
