package dev.camroll.core.metadata;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The EXIF fields the index stores, read from a TIFF block without decoding anything else: IFD0
 * (orientation, make, model), the EXIF IFD (capture time, its offset and sub-seconds) and the GPS
 * IFD (position). Maker notes, thumbnails and the interoperability IFD are not read at all, which
 * is most of the work metadata-extractor does for a camera file.
 *
 * <p>Every entry of the three IFDs is checked the way metadata-extractor checks it (a known type,
 * its value inside the block); an entry it would warn about, a field of an unusual type or a value
 * the index would warn about makes {@link #read} return null, and the file is read with
 * metadata-extractor instead. So the fields, when there are any, are those metadata-extractor
 * gives, and the warnings none.
 */
final class ExifIndexFields {
    static final int TAG_ORIENTATION = 0x0112;
    static final int TAG_MAKE = 0x010F;
    static final int TAG_MODEL = 0x0110;
    static final int TAG_DATE_TIME = 0x0132;
    static final int TAG_SUB_IFDS = 0x014A;
    static final int TAG_EXIF_IFD = 0x8769;
    static final int TAG_GPS_IFD = 0x8825;
    static final int TAG_DATE_TIME_ORIGINAL = 0x9003;
    static final int TAG_DATE_TIME_DIGITIZED = 0x9004;
    static final int TAG_OFFSET_TIME_ORIGINAL = 0x9011;
    static final int TAG_SUB_SEC_TIME_ORIGINAL = 0x9291;
    static final int TAG_LENS_MODEL = 0xA434;
    static final int TAG_GPS_LATITUDE_REF = 0x0001;
    static final int TAG_GPS_LATITUDE = 0x0002;
    static final int TAG_GPS_LONGITUDE_REF = 0x0003;
    static final int TAG_GPS_LONGITUDE = 0x0004;

    private static final int TYPE_ASCII = 2;
    private static final int TYPE_SHORT = 3;
    private static final int TYPE_LONG = 4;
    private static final int TYPE_RATIONAL = 5;
    private static final int TYPE_SLONG = 9;
    private static final int TYPE_SRATIONAL = 10;
    /** Bytes per value of the TIFF types 1 to 12, by type code. */
    private static final int[] TYPE_SIZES = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8};

    /**
     * @param orientation EXIF orientation 1 to 8, or null when there is none
     * @param dateTimeOriginal DateTimeOriginal of the EXIF IFD, as written
     * @param offsetTimeOriginal OffsetTimeOriginal, or null
     * @param subSecTimeOriginal SubSecTimeOriginal, or null
     * @param latitude degrees, with {@code longitude}; both null when the file has no position
     * @param lensModel LensModel of the EXIF IFD, or null (the front camera's tells a selfie)
     */
    record Fields(
            Integer orientation,
            String make,
            String model,
            String dateTimeOriginal,
            String offsetTimeOriginal,
            String subSecTimeOriginal,
            Double latitude,
            Double longitude,
            String lensModel) {}

    /** The bytes holding the block, where it starts in them and its length. */
    private final byte[] bytes;

    private final int start;
    private final int length;
    private final boolean littleEndian;

    private ExifIndexFields(byte[] bytes, int start, int length, boolean littleEndian) {
        this.bytes = bytes;
        this.start = start;
        this.length = length;
        this.littleEndian = littleEndian;
    }

    /**
     * The fields of the TIFF block of {@code length} bytes at {@code start} of {@code bytes}, or null
     * when it is not of the plain kind this reader takes (see above).
     */
    static Fields read(byte[] bytes, int start, int length) {
        if (length < 8) {
            return null;
        }
        boolean little;
        if (bytes[start] == 'I' && bytes[start + 1] == 'I') {
            little = true;
        } else if (bytes[start] == 'M' && bytes[start + 1] == 'M') {
            little = false;
        } else {
            return null;
        }
        ExifIndexFields reader = new ExifIndexFields(bytes, start, length, little);
        return reader.u16(2) == 42 ? reader.readFields() : null;
    }

    private Fields readFields() {
        Ifd ifd0 = ifd(u32(4));
        if (ifd0 == null
                || ifd0.has(TAG_SUB_IFDS)
                || ifd0.has(TAG_DATE_TIME_ORIGINAL)
                || ifd0.has(TAG_DATE_TIME_DIGITIZED)) {
            return null; // directories or dates where metadata-extractor would look first
        }
        Long exifOffset = ifd0.pointer(TAG_EXIF_IFD);
        Long gpsOffset = ifd0.pointer(TAG_GPS_IFD);
        if (exifOffset == null || (gpsOffset != null && gpsOffset.equals(exifOffset))) {
            return null;
        }
        Ifd exif = ifd(exifOffset);
        if (exif == null || exif.has(TAG_SUB_IFDS) || exif.has(TAG_EXIF_IFD) || exif.has(TAG_GPS_IFD)) {
            return null;
        }
        Integer orientation = null;
        if (ifd0.has(TAG_ORIENTATION)) {
            Entry entry = ifd0.get(TAG_ORIENTATION);
            if ((entry.type != TYPE_SHORT && entry.type != TYPE_LONG) || entry.count != 1) {
                return null;
            }
            long value = entry.type == TYPE_SHORT ? u16(entry.valueAt) : u32(entry.valueAt);
            if (value < 1 || value > 8) {
                return null; // the full reader warns about it
            }
            orientation = (int) value;
        }
        String[] strings = new String[6];
        int[] tags = {
            TAG_MAKE,
            TAG_MODEL,
            TAG_DATE_TIME_ORIGINAL,
            TAG_OFFSET_TIME_ORIGINAL,
            TAG_SUB_SEC_TIME_ORIGINAL,
            TAG_LENS_MODEL
        };
        for (int i = 0; i < tags.length; i++) {
            // Make and model come from IFD0 alone; the date from the EXIF IFD (IFD0 has none, see
            // above); its offset and sub-seconds as metadata-extractor's findString: IFD0 first;
            // the lens from the EXIF IFD alone, where the subtype rule reads it.
            Entry entry =
                    i == 5 ? exif.get(tags[i]) : i < 2 || ifd0.has(tags[i]) ? ifd0.get(tags[i]) : exif.get(tags[i]);
            if (entry != null) {
                strings[i] = ascii(entry);
                if (strings[i] == null) {
                    return null;
                }
            }
        }
        if (strings[2] == null) {
            return null; // other dates and their fallbacks are the full reader's
        }
        Double latitude = null;
        Double longitude = null;
        if (gpsOffset != null) {
            Ifd gps = ifd(gpsOffset);
            if (gps == null || gps.has(TAG_SUB_IFDS)) {
                return null;
            }
            if (gps.has(TAG_GPS_LATITUDE) || gps.has(TAG_GPS_LONGITUDE)) {
                latitude = degrees(gps, TAG_GPS_LATITUDE, TAG_GPS_LATITUDE_REF, "N", "S");
                longitude = degrees(gps, TAG_GPS_LONGITUDE, TAG_GPS_LONGITUDE_REF, "E", "W");
                if (latitude == null || longitude == null || (latitude == 0 && longitude == 0)) {
                    return null;
                }
                if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
                    return null;
                }
            }
        }
        return new Fields(
                orientation,
                PhotoReader.clean(strings[0]),
                PhotoReader.clean(strings[1]),
                strings[2],
                strings[3],
                strings[4],
                latitude,
                longitude,
                strings[5]);
    }

    /**
     * Degrees from three RATIONALs (or SRATIONALs) and a one-letter reference, computed as metadata-extractor's
     * GeoLocation does; null when either is not of that form.
     */
    private Double degrees(Ifd gps, int tag, int refTag, String positive, String negative) {
        Entry value = gps.get(tag);
        Entry refEntry = gps.get(refTag);
        boolean signed = value != null && value.type == TYPE_SRATIONAL;
        if (value == null || refEntry == null || (value.type != TYPE_RATIONAL && !signed) || value.count != 3) {
            return null;
        }
        String ref = ascii(refEntry);
        if (!positive.equals(ref) && !negative.equals(ref)) {
            return null;
        }
        double[] parts = new double[3];
        for (int i = 0; i < 3; i++) {
            long numerator = signed ? (int) u32(value.valueAt + 8 * i) : u32(value.valueAt + 8 * i);
            long denominator = signed ? (int) u32(value.valueAt + 8 * i + 4) : u32(value.valueAt + 8 * i + 4);
            if (denominator == 0) {
                return null;
            }
            parts[i] = numerator == 0 ? 0.0 : (double) numerator / (double) denominator;
        }
        double decimal = Math.abs(parts[0]) + parts[1] / 60.0d + parts[2] / 3600.0d;
        return negative.equals(ref) ? decimal * -1 : decimal;
    }

    /** An ASCII value up to its first NUL; null when of another type or not plain ASCII. */
    private String ascii(Entry entry) {
        if (entry.type != TYPE_ASCII) {
            return null;
        }
        int from = start + entry.valueAt;
        int end = from;
        int limit = from + (int) entry.count;
        while (end < limit && bytes[end] != 0) {
            if ((bytes[end] & 0x80) != 0) {
                return null; // another charset: the full reader decides
            }
            end++;
        }
        return new String(bytes, from, end - from, StandardCharsets.US_ASCII);
    }

    /** One IFD entry: its type, count and where its value lies in the block. */
    private record Entry(int type, long count, int valueAt) {}

    /** The entries of one IFD, in the order of the file: few enough to be looked up one by one. */
    private final class Ifd {
        final int[] tags;
        final Entry[] entries;
        int size;

        Ifd(int count) {
            tags = new int[count];
            entries = new Entry[count];
        }

        Entry get(int tag) {
            for (int i = 0; i < size; i++) {
                if (tags[i] == tag) {
                    return entries[i];
                }
            }
            return null;
        }

        boolean has(int tag) {
            return get(tag) != null;
        }

        /** The offset held by a pointer tag (one LONG or SLONG), or null when absent or not of that form. */
        Long pointer(int tag) {
            Entry entry = get(tag);
            if (entry == null || (entry.type != TYPE_LONG && entry.type != TYPE_SLONG) || entry.count != 1) {
                return null;
            }
            return u32(entry.valueAt);
        }
    }

    private final Set<Long> visited = new HashSet<>();

    /** The IFD at an offset, or null when it or any of its entries is out of the ordinary. */
    private Ifd ifd(long offset) {
        if (offset < 8 || offset + 2 > length || !visited.add(offset)) {
            return null;
        }
        int at = (int) offset;
        int count = u16(at);
        if (count == 0 || count > 0xFF || at + 2 + 12L * count + 4 > length) {
            return null;
        }
        Ifd ifd = new Ifd(count);
        for (int i = 0; i < count; i++) {
            int entryAt = at + 2 + 12 * i;
            int tag = u16(entryAt);
            int type = u16(entryAt + 2);
            long components = u32(entryAt + 4);
            if (type < 1 || type >= TYPE_SIZES.length) {
                return null;
            }
            long size = components * TYPE_SIZES[type];
            long valueAt = size > 4 ? u32(entryAt + 8) : entryAt + 8;
            if (valueAt + size > length || ifd.has(tag)) {
                return null; // out of the block, or a tag twice
            }
            ifd.tags[i] = tag;
            ifd.entries[i] = new Entry(type, components, (int) valueAt);
            ifd.size++;
            boolean pointer = tag == TAG_EXIF_IFD || tag == TAG_GPS_IFD || tag == TAG_SUB_IFDS;
            if (pointer && size != 4 * components) {
                return null; // a pointer tag metadata-extractor would keep as a value
            }
        }
        return ifd;
    }

    /** The unsigned 16 bits at an offset of the block. */
    private int u16(int at) {
        int a = bytes[start + at] & 0xFF;
        int b = bytes[start + at + 1] & 0xFF;
        return littleEndian ? a | b << 8 : a << 8 | b;
    }

    private long u32(int at) {
        long a = u16(at);
        long b = u16(at + 2);
        return littleEndian ? a | b << 16 : a << 16 | b;
    }
}
