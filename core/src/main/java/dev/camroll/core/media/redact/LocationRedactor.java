package dev.camroll.core.media.redact;

import dev.camroll.core.metadata.MediaFormat;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Takes the location out of a media file as it is read, for those who may not see where it was
 * made, as Android's MediaProvider does for apps without ACCESS_MEDIA_LOCATION: the redactor of
 * the file's format reads the metadata structures only (a few positional reads: headers, IFDs,
 * boxes), and the file then streams with the location's bytes overwritten where they stand. The
 * length and every offset stay, so the result is as valid as the original and a range of it is
 * the same range of the whole.
 *
 * <p>Lenient: a damaged structure is followed as far as it can be and its location blanked where
 * it says it is; nothing a file holds makes this throw (an {@link IOException} is the disk's).
 */
public final class LocationRedactor {

    private LocationRedactor() {}

    /** What to change in the file open in {@code channel} (its position is left anywhere). */
    public static Redaction plan(SeekableByteChannel channel, MediaFormat format) throws IOException {
        FileBytes file = new FileBytes(channel);
        PatchList patches = new PatchList();
        try {
            switch (format) {
                case JPEG -> JpegLocation.redact(file, patches, 0);
                case RAF -> rafJpeg(file, patches);
                case PNG -> PngLocation.redact(file, patches);
                case WEBP -> WebpLocation.redact(file, patches);
                case TIFF, DNG, CR2, NEF, ARW, ORF, RW2 -> TiffLocation.redact(file, patches, 0, file.size());
                case HEIC, AVIF -> HeifLocation.redact(file, patches);
                case MP4, MOV, M4V, THREE_GP, M4A, CR3 -> MovieLocation.redact(file, patches);
                case MKV, WEBM -> MatroskaLocation.redact(file, patches);
                default -> {
                    // No other format the library indexes keeps a location a reader of ours finds.
                }
            }
        } catch (RuntimeException e) {
            // A structure too odd to follow further: what was found up to it is still blanked.
        }
        return patches.toRedaction(file.size());
    }

    /** A RAF's EXIF, and so its location, is in the JPEG its header names (big-endian, at byte 84). */
    private static void rafJpeg(FileBytes file, PatchList patches) throws IOException {
        byte[] pointer = file.read(84, 4);
        if (pointer.length == 4) {
            JpegLocation.redact(
                    file, patches, Integer.toUnsignedLong(FileBytes.big(pointer).getInt(0)));
        }
    }

    /** The file open for reading with its location taken out. */
    public static SeekableByteChannel open(SeekableByteChannel channel, MediaFormat format) throws IOException {
        try {
            Redaction redaction = plan(channel, format);
            channel.position(0);
            return new RedactedChannel(channel, redaction);
        } catch (IOException | RuntimeException | Error e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Takes the location out of a file of our own in place (a cached rendition written from the
     * bytes of an original), so that it never holds one for anyone.
     */
    public static void redactInPlace(Path file, MediaFormat format) throws IOException {
        try (java.nio.channels.FileChannel channel =
                java.nio.channels.FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            plan(channel, format).writeTo(channel);
        }
    }

    /** {@link #open(SeekableByteChannel, MediaFormat)} of a file. */
    public static SeekableByteChannel open(Path file, MediaFormat format) throws IOException {
        return open(java.nio.file.Files.newByteChannel(file, StandardOpenOption.READ), format);
    }
}
