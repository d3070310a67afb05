package dev.camroll.core.metadata;

import dev.camroll.api.Location;
import dev.camroll.api.MediaSubtype;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.ZoneId;

/**
 * The scan's reading of a camera JPEG: the frame size and the EXIF fields the index stores, through
 * {@link JpegSegments} and {@link ExifIndexFields}, without metadata-extractor. A camera file's
 * maker notes are most of its EXIF; metadata-extractor decodes every one of their directories, which
 * made the scan of real camera files slower than exiv2. A file this path does not take (see those
 * classes) is read by metadata-extractor as before, and the fields it takes are the same as
 * metadata-extractor's (a test compares both over every JPEG of the sample corpus).
 */
final class JpegFastPath {
    private JpegFastPath() {}

    /**
     * Reads the file into {@code out} and returns true, or returns false and leaves {@code out} as
     * it was when the file needs the full reader.
     *
     * @param channel the open file; read with positional reads, its position stays
     * @param header the file's first bytes, already read
     */
    static boolean read(
            FileChannel channel, byte[] header, int headerLength, ZoneId zoneForTimesWithoutOffset, FactsBuilder out)
            throws IOException {
        JpegSegments.Head head = JpegSegments.read(channel, header, headerLength);
        if (head == null || head.exifStart() < 0 || head.width() == 0 || head.height() == 0) {
            return false;
        }
        if (SubtypeMarkers.xmpWorthParsing(head.bytes(), head.xmpStart(), head.xmpLength())) {
            return false; // the full reader reads the subtypes of Google's XMP
        }
        ExifIndexFields.Fields fields = ExifIndexFields.read(head.bytes(), head.exifStart(), head.exifLength());
        if (fields == null || SubtypeMarkers.hasAppleMakerNote(fields.make())) {
            return false; // nor is Apple's MakerNote read here: the full reader takes its subtypes
        }
        FactsBuilder dateWarnings = new FactsBuilder(out.format);
        Long capturedAt = PhotoReader.parseExifTime(
                fields.dateTimeOriginal(),
                fields.offsetTimeOriginal(),
                fields.subSecTimeOriginal(),
                zoneForTimesWithoutOffset,
                dateWarnings);
        if (capturedAt == null || !dateWarnings.warnings.isEmpty()) {
            return false; // the full reader warns, or looks at the other dates
        }
        out.size(head.width(), head.height(), "JPEG frame header");
        if (fields.orientation() != null) {
            out.orientation = fields.orientation();
        }
        out.make = fields.make();
        out.model = fields.model();
        out.capturedAt = capturedAt;
        out.location = fields.latitude() == null ? null : new Location(fields.latitude(), fields.longitude());
        if (CameraFacing.isFrontLens(fields.lensModel())) {
            out.subtypes.add(MediaSubtype.SELFIE);
        }
        if (SamsungTrailer.hasMotionPhoto(channel)) {
            out.subtypes.add(MediaSubtype.MOTION_PHOTO);
        }
        return true;
    }
}
