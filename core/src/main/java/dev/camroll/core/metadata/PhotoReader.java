package dev.camroll.core.metadata;

import com.drew.imaging.heif.HeifMetadataReader;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegSegmentMetadataReader;
import com.drew.imaging.png.PngMetadataReader;
import com.drew.imaging.tiff.TiffMetadataReader;
import com.drew.imaging.webp.WebpMetadataReader;
import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Directory;
import com.drew.metadata.ErrorDirectory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifImageDirectory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.ExifThumbnailDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.exif.PanasonicRawIFD0Directory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.jpeg.JpegReader;
import dev.camroll.api.Location;
import dev.camroll.api.MediaSubtype;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads photos: sizes from the headers, the rest from EXIF through metadata-extractor. */
final class PhotoReader {

    /**
     * Only the segments the index needs: EXIF (APP1), the frame header (SOFn), and XMP (APP1, kept
     * unparsed until EXIF turns out to have no capture time).
     */
    private static final List<JpegSegmentMetadataReader> JPEG_READERS =
            List.of(new JpegReader(), new ExifReader(), new XmpSegment());

    private static final int TAG_DNG_VERSION = 0xC612;

    private static final Pattern EXIF_DATE = Pattern.compile(
            "\\s*(\\d{4})[:\\-/.](\\d{1,2})[:\\-/.](\\d{1,2})(?:[ T]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?)?.*");
    private static final Pattern OFFSET = Pattern.compile("\\s*([+-])(\\d{1,2}):?(\\d{2})\\s*");

    private final ZoneId zoneForTimesWithoutOffset;

    PhotoReader(ZoneId zoneForTimesWithoutOffset) {
        this.zoneForTimesWithoutOffset = zoneForTimesWithoutOffset;
    }

    /**
     * Reads one photo.
     *
     * @param in the file from its first byte, buffered
     * @param header its first bytes, as seen by the sniffer
     * @param claimed the format the file name claims, or null
     * @return true when the caller should ask FFmpeg's libraries for the size (HEIF, AVIF, CR3 without one)
     */
    boolean read(Path file, InputStream in, byte[] header, int headerLength, MediaFormat claimed, FactsBuilder out) {
        ContentSniffer.Bytes b = new ContentSniffer.Bytes(header, headerLength);
        switch (out.format) {
            case JPEG -> {
                readJpeg(in, out);
                if (SamsungTrailer.hasMotionPhoto(file)) {
                    out.subtypes.add(MediaSubtype.MOTION_PHOTO);
                }
            }
            case PNG -> {
                if (b.ascii(12, "IHDR")) {
                    out.size(int32(b.u32be(16)), int32(b.u32be(20)), "PNG header");
                }
                readExif("PNG", () -> PngMetadataReader.readMetadata(safePngMetadata(file, in, out)), out);
            }
            case GIF -> {
                out.size(b.u8(6) | b.u8(7) << 8, b.u8(8) | b.u8(9) << 8, "GIF header");
                readGifFrames(file, out);
            }
            case BMP -> readBmpSize(b, out);
            case WEBP -> {
                readWebpSize(b, out);
                if (AnimatedPictures.webpAnimated(b)) {
                    out.subtypes.add(MediaSubtype.ANIMATED);
                }
                RiffChunks.check(file, out::warn);
                readExif("WebP", () -> WebpMetadataReader.readMetadata(in), out);
            }
            case HEIC, AVIF -> {
                readHeifImage(file, out);
                readExif("HEIF", () -> HeifMetadataReader.readMetadata(in), out);
            }
            case CR3 -> {
                // The size is the sensor's, from FFmpeg's libraries; the EXIF is in Canon's boxes.
                readExif("CR3", () -> Cr3Metadata.read(file, out::warn), out);
                return true;
            }
            case RAF -> readRaf(file, out);
            case TIFF, DNG, CR2, NEF, ARW, ORF, RW2 -> readTiffFamily(file, BigTiff.isBigTiff(b), claimed, out);
            default -> out.warn("not a photo format: " + out.format);
        }
        if (!out.hasSize() && (out.format == MediaFormat.HEIC || out.format == MediaFormat.AVIF)) {
            return true;
        }
        if (!out.hasSize()) {
            out.warn("image size could not be read");
        }
        return false;
    }

    /**
     * A RAF's EXIF is that of the JPEG its header points to, read as any JPEG; its size is that
     * JPEG's (the camera's own rendering, full-size on recent bodies).
     */
    private void readRaf(Path file, FactsBuilder out) {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            RafHeader.Range jpeg = RafHeader.jpeg(channel);
            if (jpeg == null) {
                out.warn("the RAF header names no JPEG inside the file");
                return;
            }
            InputStream in = new java.io.BufferedInputStream(
                    java.nio.channels.Channels.newInputStream(channel.position(jpeg.offset())));
            readJpeg(in, out);
        } catch (java.io.IOException e) {
            out.warn("RAF could not be read: " + MediaProbe.describe(e));
        }
    }

    private void readJpeg(InputStream in, FactsBuilder out) {
        Metadata metadata = readExif("JPEG", () -> JpegMetadataReader.readMetadata(in, JPEG_READERS), out);
        if (metadata == null) {
            return;
        }
        JpegDirectory jpeg = metadata.getFirstDirectoryOfType(JpegDirectory.class);
        if (jpeg != null) {
            out.size(
                    intOr0(jpeg, JpegDirectory.TAG_IMAGE_WIDTH),
                    intOr0(jpeg, JpegDirectory.TAG_IMAGE_HEIGHT),
                    "JPEG frame header");
        }
        if (!out.hasSize()) {
            ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (exif != null) {
                out.size(
                        intOr0(exif, ExifDirectoryBase.TAG_EXIF_IMAGE_WIDTH),
                        intOr0(exif, ExifDirectoryBase.TAG_EXIF_IMAGE_HEIGHT),
                        "EXIF");
                if (out.hasSize()) {
                    out.warn("JPEG frame header is missing; the size comes from EXIF");
                }
            }
        }
    }

    private static void readGifFrames(Path file, FactsBuilder out) {
        try {
            if (AnimatedPictures.gifAnimated(file)) {
                out.subtypes.add(MediaSubtype.ANIMATED);
            }
        } catch (IOException e) {
            out.warn("GIF frames could not be read: " + MediaProbe.describe(e));
        }
    }

    /** The PNG's metadata chunks that are safe to read (see {@link PngChunks}). */
    private static InputStream safePngMetadata(Path file, InputStream in, FactsBuilder out) throws IOException {
        return new ByteArrayInputStream(PngChunks.metadataOnly(in, Files.size(file), out::warn, frames -> {
            if (frames >= 2) {
                out.subtypes.add(MediaSubtype.ANIMATED);
            }
        }));
    }

    private static void readBmpSize(ContentSniffer.Bytes b, FactsBuilder out) {
        long dibSize = b.u32le(14);
        if (dibSize == 12) {
            out.size(b.u8(18) | b.u8(19) << 8, b.u8(20) | b.u8(21) << 8, "BMP header");
        } else {
            int width = (int) b.u32le(18);
            int height = (int) b.u32le(22);
            // A negative height means the rows are stored top-down.
            out.size(width, height == Integer.MIN_VALUE ? 0 : Math.abs(height), "BMP header");
        }
    }

    private static void readWebpSize(ContentSniffer.Bytes b, FactsBuilder out) {
        if (b.ascii(12, "VP8X")) {
            int width = 1 + (b.u8(24) | b.u8(25) << 8 | b.u8(26) << 16);
            int height = 1 + (b.u8(27) | b.u8(28) << 8 | b.u8(29) << 16);
            out.size(width, height, "WebP header");
        } else if (b.ascii(12, "VP8L")) {
            long bits = b.u8(21) | b.u8(22) << 8 | b.u8(23) << 16 | (long) b.u8(24) << 24;
            out.size((int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1, "WebP header");
        } else if (b.ascii(12, "VP8 ")) {
            out.size((b.u8(26) | b.u8(27) << 8) & 0x3FFF, (b.u8(28) | b.u8(29) << 8) & 0x3FFF, "WebP header");
        } else {
            out.warn("WebP image chunk not recognised");
        }
    }

    private static void readHeifImage(Path file, FactsBuilder out) {
        try {
            IsoBmff.HeifImage image = IsoBmff.readHeifImage(file, out::warn);
            if (image != null) {
                out.size(image.width(), image.height(), "HEIF 'ispe'");
                out.rotation = image.rotation();
                out.rotationFromContainer = true;
            }
        } catch (Exception e) {
            out.warn("HEIF item properties could not be read: " + MediaProbe.describe(e));
        }
    }

    private void readTiffFamily(Path file, boolean bigTiff, MediaFormat claimed, FactsBuilder out) {
        Metadata metadata = bigTiff
                ? readExif("BigTIFF", () -> readBigTiff(file, out), out)
                : readExif("TIFF", () -> TiffMetadataReader.readMetadata(file.toFile()), out);
        if (metadata == null) {
            return;
        }
        if (out.format == MediaFormat.TIFF) {
            out.format = refineTiff(metadata, claimed);
        }
        if (out.format == MediaFormat.TIFF) {
            // A TIFF shows its first page, whatever the size of the others (exiftool and viewers agree).
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 != null) {
                out.size(
                        intOr0(ifd0, ExifDirectoryBase.TAG_IMAGE_WIDTH),
                        intOr0(ifd0, ExifDirectoryBase.TAG_IMAGE_HEIGHT),
                        "TIFF first page");
            }
            if (out.hasSize()) {
                return;
            }
        }
        // Raw files often keep a small preview in IFD0 and the sensor image in a sub-IFD.
        long bestArea = 0;
        for (Directory directory : metadata.getDirectories()) {
            int width;
            int height;
            if (directory instanceof PanasonicRawIFD0Directory) {
                width = intOr0(directory, PanasonicRawIFD0Directory.TagSensorRightBorder)
                        - intOr0(directory, PanasonicRawIFD0Directory.TagSensorLeftBorder);
                height = intOr0(directory, PanasonicRawIFD0Directory.TagSensorBottomBorder)
                        - intOr0(directory, PanasonicRawIFD0Directory.TagSensorTopBorder);
            } else if (directory instanceof ExifIFD0Directory
                    || directory instanceof ExifImageDirectory
                    || directory instanceof ExifSubIFDDirectory
                    || directory instanceof ExifThumbnailDirectory) {
                width = intOr0(directory, ExifDirectoryBase.TAG_IMAGE_WIDTH);
                height = intOr0(directory, ExifDirectoryBase.TAG_IMAGE_HEIGHT);
            } else {
                continue;
            }
            if (width > 0 && height > 0 && (long) width * height > bestArea) {
                bestArea = (long) width * height;
                out.size(width, height, "TIFF");
            }
        }
    }

    /** metadata-extractor reads classic TIFF only: the first page is copied into one (see {@link BigTiff}). */
    private static Metadata readBigTiff(Path file, FactsBuilder out) throws Exception {
        byte[] classic = BigTiff.firstPageAsClassicTiff(file, out::warn);
        return classic == null ? null : TiffMetadataReader.readMetadata(new ByteArrayReader(classic));
    }

    /** DNG, NEF and ARW are TIFF inside: trust the name, else look at the tags. */
    private static MediaFormat refineTiff(Metadata metadata, MediaFormat claimed) {
        if (claimed == MediaFormat.TIFF
                || claimed == MediaFormat.DNG
                || claimed == MediaFormat.NEF
                || claimed == MediaFormat.ARW) {
            return claimed;
        }
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (ifd0 == null) {
            return MediaFormat.TIFF;
        }
        if (ifd0.containsTag(TAG_DNG_VERSION)) {
            return MediaFormat.DNG;
        }
        String make = clean(ifd0.getString(ExifDirectoryBase.TAG_MAKE));
        if (make != null) {
            String upper = make.toUpperCase(Locale.ROOT);
            if (upper.startsWith("NIKON")) {
                return MediaFormat.NEF;
            }
            if (upper.startsWith("SONY")) {
                return MediaFormat.ARW;
            }
        }
        return MediaFormat.TIFF;
    }

    @FunctionalInterface
    private interface MetadataSource {
        Metadata read() throws Exception;
    }

    /** Runs a metadata-extractor reader leniently and takes the EXIF fields from what it found. */
    private Metadata readExif(String what, MetadataSource source, FactsBuilder out) {
        Metadata metadata;
        try {
            metadata = source.read();
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            out.warn(what + " metadata could not be read: " + MediaProbe.describe(e));
            return null;
        }
        if (metadata == null) {
            return null;
        }
        try {
            applyExif(metadata, out);
        } catch (RuntimeException e) {
            out.warn("EXIF could not be read: " + MediaProbe.describe(e));
        }
        return metadata;
    }

    void applyExif(Metadata metadata, FactsBuilder out) {
        for (Directory directory : metadata.getDirectories()) {
            if (directory instanceof ErrorDirectory
                    || directory instanceof ExifIFD0Directory
                    || directory instanceof ExifSubIFDDirectory
                    || directory instanceof GpsDirectory
                    || directory instanceof JpegDirectory) {
                for (String error : directory.getErrors()) {
                    out.warn(directory.getName() + ": " + error);
                }
            }
        }
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (ifd0 != null) {
            Integer orientation = ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
            if (orientation != null) {
                if (orientation >= 1 && orientation <= 8) {
                    out.orientation = orientation;
                } else {
                    out.warn("EXIF orientation " + orientation + " is out of range; 1 is used");
                }
            }
            out.make = clean(ifd0.getString(ExifDirectoryBase.TAG_MAKE));
            out.model = clean(ifd0.getString(ExifDirectoryBase.TAG_MODEL));
        }
        // An RW2's own IFD0 says how the camera was held; the EXIF above is its preview JPEG's copy.
        PanasonicRawIFD0Directory panasonic = metadata.getFirstDirectoryOfType(PanasonicRawIFD0Directory.class);
        Integer rawOrientation =
                panasonic == null ? null : panasonic.getInteger(PanasonicRawIFD0Directory.TagOrientation);
        if (rawOrientation != null && rawOrientation >= 1 && rawOrientation <= 8) {
            out.orientation = rawOrientation;
        }
        out.capturedAt = captureTime(metadata, ORIGINAL_TIMES, out);
        if (out.capturedAt == null) {
            out.capturedAt = CaptureDates.fallback(metadata, zoneForTimesWithoutOffset, out);
        }
        if (out.capturedAt == null) {
            out.capturedAt = captureTime(metadata, CHANGE_TIME, out);
        }
        out.location = location(metadata, out);
        SubtypeMarkers.read(metadata, out);
    }

    /** When the picture was taken (DateTimeOriginal), or else digitized, with offset and sub-seconds. */
    private static final int[][] ORIGINAL_TIMES = {
        {
            ExifDirectoryBase.TAG_DATETIME_ORIGINAL,
            ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL,
            ExifDirectoryBase.TAG_SUBSECOND_TIME_ORIGINAL
        },
        {
            ExifDirectoryBase.TAG_DATETIME_DIGITIZED,
            ExifDirectoryBase.TAG_TIME_ZONE_DIGITIZED,
            ExifDirectoryBase.TAG_SUBSECOND_TIME_DIGITIZED
        },
    };

    /** When the file was last changed: a capture time only when nothing else says one. */
    private static final int[][] CHANGE_TIME = {
        {ExifDirectoryBase.TAG_DATETIME, ExifDirectoryBase.TAG_TIME_ZONE, ExifDirectoryBase.TAG_SUBSECOND_TIME},
    };

    private Long captureTime(Metadata metadata, int[][] candidates, FactsBuilder out) {
        for (int[] tags : candidates) {
            for (Directory directory : metadata.getDirectories()) {
                if (!(directory instanceof ExifSubIFDDirectory || directory instanceof ExifIFD0Directory)
                        || !directory.containsTag(tags[0])) {
                    continue;
                }
                String text = directory.getString(tags[0]);
                Long time = parseExifTime(
                        text,
                        findString(metadata, tags[1]),
                        findString(metadata, tags[2]),
                        zoneForTimesWithoutOffset,
                        out);
                if (time != null) {
                    return time;
                }
            }
        }
        return null;
    }

    private static String findString(Metadata metadata, int tag) {
        for (Directory directory : metadata.getDirectories()) {
            if ((directory instanceof ExifSubIFDDirectory || directory instanceof ExifIFD0Directory)
                    && directory.containsTag(tag)) {
                return directory.getString(tag);
            }
        }
        return null;
    }

    /**
     * An EXIF date-time ("2024:05:06 07:08:09") with an optional offset ("+02:00") and sub-second
     * digits, as epoch ms; null when absent, blank or all zeros.
     */
    static Long parseExifTime(String text, String offset, String subSeconds, ZoneId zone, FactsBuilder out) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = EXIF_DATE.matcher(text.replace('\0', ' '));
        if (!m.matches()) {
            if (!text.strip().replace(":", "").replace(" ", "").isEmpty()) {
                out.warn("date " + quote(text) + " is not an EXIF date");
            }
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (year == 0 && month == 0 && day == 0) {
            return null;
        }
        int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        LocalDateTime local;
        try {
            local = LocalDateTime.of(year, month, day, hour == 24 ? 0 : hour, minute, second == 60 ? 59 : second);
            if (hour == 24) {
                local = local.plusDays(1);
            }
        } catch (DateTimeException e) {
            out.warn("date " + quote(text) + " is not a valid date");
            return null;
        }
        int millis = 0;
        if (subSeconds != null) {
            String digits = subSeconds.strip();
            if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
                millis = Integer.parseInt((digits + "00").substring(0, 3));
            }
        }
        ZoneOffset parsedOffset = parseOffset(offset);
        if (offset != null && !offset.isBlank() && parsedOffset == null) {
            out.warn("time offset " + quote(offset) + " is not valid; the library's zone is used");
        }
        long epochMillis = parsedOffset != null
                ? local.toInstant(parsedOffset).toEpochMilli()
                : local.atZone(zone).toInstant().toEpochMilli();
        return epochMillis + millis;
    }

    static ZoneOffset parseOffset(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = OFFSET.matcher(text.replace('\0', ' '));
        if (!m.matches()) {
            return null;
        }
        try {
            int hours = Integer.parseInt(m.group(2));
            int minutes = Integer.parseInt(m.group(3));
            int sign = m.group(1).equals("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Location location(Metadata metadata, FactsBuilder out) {
        for (GpsDirectory gps : metadata.getDirectoriesOfType(GpsDirectory.class)) {
            Location location = GpsPosition.of(gps, out::warn);
            if (location != null) {
                return location;
            }
        }
        return null;
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text.replace('\0', ' ').strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static String quote(String text) {
        String cleaned = text.replace('\0', ' ').strip();
        return "'" + (cleaned.length() > 40 ? cleaned.substring(0, 40) + "…" : cleaned) + "'";
    }

    private static int intOr0(Directory directory, int tag) {
        try {
            Integer value = directory.getInteger(tag);
            return value == null ? 0 : value;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static int int32(long unsigned) {
        return unsigned > Integer.MAX_VALUE ? -1 : (int) unsigned;
    }
}
