package dev.camroll.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Where, in a camera's metadata segments, the EXIF fields lie that the generator varies per file:
 * the three date-times and the GPS latitude and longitude. They are overwritten in place, keeping
 * their length, so that nothing else in the TIFF structure moves: maker notes hold offsets of their
 * own, which a rewrite of the EXIF block would break.
 *
 * @param dateOffsets where each 19-character date-time ("yyyy:MM:dd HH:mm:ss") starts
 * @param latitudeOffset where the three RATIONALs of GPSLatitude start, or -1
 * @param longitudeOffset where the three RATIONALs of GPSLongitude start, or -1
 */
record ExifFields(List<Integer> dateOffsets, int latitudeOffset, int longitudeOffset, boolean littleEndian) {
    private static final int APP1 = 0xE1;
    private static final int TAG_DATE_TIME = 0x0132;
    private static final int TAG_EXIF_IFD = 0x8769;
    private static final int TAG_GPS_IFD = 0x8825;
    private static final int TAG_DATE_TIME_ORIGINAL = 0x9003;
    private static final int TAG_DATE_TIME_DIGITIZED = 0x9004;
    private static final int TAG_GPS_LATITUDE = 0x0002;
    private static final int TAG_GPS_LONGITUDE = 0x0004;
    private static final int TYPE_ASCII = 2;
    private static final int TYPE_RATIONAL = 5;
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    /** The fields of the first EXIF APP1 segment in {@code segments}; none when there is none. */
    static ExifFields find(byte[] segments) {
        int tiff = exifStart(segments);
        if (tiff < 0) {
            return new ExifFields(List.of(), -1, -1, false);
        }
        Tiff t = new Tiff(segments, tiff, segments[tiff] == 'I');
        List<Integer> dates = new ArrayList<>();
        int ifd0 = t.u32(tiff + 4);
        int exifIfd = -1;
        int gpsIfd = -1;
        for (int entry : t.entries(ifd0)) {
            switch (t.u16(entry)) {
                case TAG_DATE_TIME -> addDate(t, entry, dates);
                case TAG_EXIF_IFD -> exifIfd = t.u32(entry + 8);
                case TAG_GPS_IFD -> gpsIfd = t.u32(entry + 8);
                default -> {}
            }
        }
        for (int entry : t.entries(exifIfd)) {
            int tag = t.u16(entry);
            if (tag == TAG_DATE_TIME_ORIGINAL || tag == TAG_DATE_TIME_DIGITIZED) {
                addDate(t, entry, dates);
            }
        }
        int latitude = -1;
        int longitude = -1;
        for (int entry : t.entries(gpsIfd)) {
            int tag = t.u16(entry);
            boolean threeRationals = t.u16(entry + 2) == TYPE_RATIONAL && t.u32(entry + 4) == 3;
            if (tag == TAG_GPS_LATITUDE && threeRationals) {
                latitude = t.offsetInSegments(t.u32(entry + 8), 24);
            } else if (tag == TAG_GPS_LONGITUDE && threeRationals) {
                longitude = t.offsetInSegments(t.u32(entry + 8), 24);
            }
        }
        return new ExifFields(List.copyOf(dates), latitude, longitude, t.littleEndian());
    }

    /**
     * A copy of {@code segments} with every date-time set to {@code time} and, where the camera
     * recorded a position, the position set to {@code latitude}/{@code longitude} (degrees, whole
     * minutes and hundredths of seconds; the hemisphere references stay the camera's).
     */
    byte[] patch(byte[] segments, LocalDateTime time, double latitude, double longitude) {
        byte[] copy = segments.clone();
        byte[] text = EXIF_TIME.format(time).getBytes(StandardCharsets.US_ASCII);
        for (int offset : dateOffsets) {
            System.arraycopy(text, 0, copy, offset, text.length);
        }
        if (latitudeOffset >= 0) {
            writeDegrees(copy, latitudeOffset, Math.abs(latitude));
        }
        if (longitudeOffset >= 0) {
            writeDegrees(copy, longitudeOffset, Math.abs(longitude));
        }
        return copy;
    }

    private void writeDegrees(byte[] bytes, int at, double degrees) {
        int whole = (int) degrees;
        double minutesExact = (degrees - whole) * 60;
        int minutes = (int) minutesExact;
        long hundredthsOfSeconds = Math.round((minutesExact - minutes) * 6000);
        long[] values = {whole, 1, minutes, 1, hundredthsOfSeconds, 100};
        for (int i = 0; i < values.length; i++) {
            writeU32(bytes, at + 4 * i, values[i]);
        }
    }

    private void writeU32(byte[] bytes, int at, long value) {
        for (int i = 0; i < 4; i++) {
            int shift = littleEndian ? 8 * i : 8 * (3 - i);
            bytes[at + i] = (byte) (value >>> shift);
        }
    }

    private static void addDate(Tiff t, int entry, List<Integer> dates) {
        // Only the usual form, 19 characters (and a NUL) stored at an offset: anything else is left alone.
        int count = t.u32(entry + 4);
        if (t.u16(entry + 2) == TYPE_ASCII && (count == 19 || count == 20)) {
            int at = t.offsetInSegments(t.u32(entry + 8), 19);
            if (at >= 0) {
                dates.add(at);
            }
        }
    }

    private static int exifStart(byte[] segments) {
        int at = 0;
        while (at + 4 <= segments.length) {
            int marker = segments[at + 1] & 0xFF;
            int length = ((segments[at + 2] & 0xFF) << 8) | (segments[at + 3] & 0xFF);
            if (marker == APP1
                    && length >= 16
                    && new String(segments, at + 4, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                return at + 10;
            }
            at += 2 + length;
        }
        return -1;
    }

    /** Reads a TIFF structure that starts at {@code start} of {@code bytes}. */
    private record Tiff(byte[] bytes, int start, boolean littleEndian) {
        int u16(int at) {
            int a = bytes[at] & 0xFF;
            int b = bytes[at + 1] & 0xFF;
            return littleEndian ? a | b << 8 : a << 8 | b;
        }

        int u32(int at) {
            return littleEndian ? u16(at) | u16(at + 2) << 16 : u16(at) << 16 | u16(at + 2);
        }

        /** The positions (in {@code bytes}) of the 12-byte entries of the IFD at a TIFF offset. */
        List<Integer> entries(int ifdOffset) {
            int at = offsetInSegments(ifdOffset, 2);
            if (ifdOffset <= 0 || at < 0) {
                return List.of();
            }
            int count = u16(at);
            List<Integer> entries = new ArrayList<>(count);
            for (int i = 0; i < count && at + 2 + 12 * (i + 1) <= bytes.length; i++) {
                entries.add(at + 2 + 12 * i);
            }
            return entries;
        }

        /** Where {@code length} bytes at a TIFF offset lie in {@code bytes}, or -1 when outside. */
        int offsetInSegments(int tiffOffset, int length) {
            long at = (long) start + (tiffOffset & 0xFFFFFFFFL);
            return at + length <= bytes.length ? (int) at : -1;
        }
    }
}
