package dev.camroll.core.metadata;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPMeta;
import com.drew.lang.KeyValuePair;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.makernotes.ReconyxHyperFire2MakernoteDirectory;
import com.drew.metadata.exif.makernotes.ReconyxHyperFireMakernoteDirectory;
import com.drew.metadata.exif.makernotes.ReconyxUltraFireMakernoteDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The capture time of a photo whose EXIF has no DateTimeOriginal or DateTimeDigitized, from what
 * else the file keeps, in this order: XMP (exif:DateTimeOriginal, xmp:CreateDate,
 * photoshop:DateCreated), the capture time of maker notes that carry one (Reconyx trail cameras
 * write it only there), and PNG's "Creation Time" text. EXIF's DateTime (the time of the last
 * change) comes only after all of these. Offsets are honoured; a time without one is taken in the
 * library's zone, as cameras keep local time.
 */
final class CaptureDates {

    /** ISO 8601 as XMP writes it: any prefix of date and time, fractions, then Z or ±hh:mm. */
    private static final Pattern ISO = Pattern.compile("\\s*(\\d{4})(?:-(\\d{2})(?:-(\\d{2})"
            + "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?\\s*");

    private CaptureDates() {}

    /** The first capture time found after EXIF's, as epoch ms, or null. */
    static Long fallback(Metadata metadata, ZoneId zone, FactsBuilder out) {
        Long time = fromXmp(metadata, zone, out);
        if (time == null) {
            time = fromMakerNotes(metadata, zone, out);
        }
        if (time == null) {
            time = fromPngText(metadata, zone, out);
        }
        return time;
    }

    private static Long fromXmp(Metadata metadata, ZoneId zone, FactsBuilder out) {
        XMPMeta xmp;
        try {
            XmpDirectory directory = XmpSegment.parse(metadata);
            xmp = directory == null ? null : directory.getXMPMeta();
            if (directory != null) {
                directory.getErrors().forEach(error -> out.warn("XMP: " + error));
            }
        } catch (RuntimeException e) {
            out.warn("XMP could not be read: " + MediaProbe.describe(e));
            return null;
        }
        if (xmp == null) {
            return null;
        }
        String[][] properties = {
            {XMPConst.NS_EXIF, "DateTimeOriginal"},
            {XMPConst.NS_XMP, "CreateDate"},
            {XMPConst.NS_PHOTOSHOP, "DateCreated"}
        };
        for (String[] property : properties) {
            String text;
            try {
                text = xmp.getPropertyString(property[0], property[1]);
            } catch (Exception e) {
                continue;
            }
            Long time = parseIso(text, zone, out);
            if (time != null) {
                return time;
            }
        }
        return null;
    }

    private static Long fromMakerNotes(Metadata metadata, ZoneId zone, FactsBuilder out) {
        for (Directory directory : metadata.getDirectories()) {
            int tag;
            if (directory instanceof ReconyxHyperFireMakernoteDirectory) {
                tag = ReconyxHyperFireMakernoteDirectory.TAG_DATE_TIME_ORIGINAL;
            } else if (directory instanceof ReconyxHyperFire2MakernoteDirectory) {
                tag = ReconyxHyperFire2MakernoteDirectory.TAG_DATE_TIME_ORIGINAL;
            } else if (directory instanceof ReconyxUltraFireMakernoteDirectory) {
                tag = ReconyxUltraFireMakernoteDirectory.TAG_DATE_TIME_ORIGINAL;
            } else {
                continue;
            }
            String text = directory.getString(tag);
            // metadata-extractor pads these fields with spaces ("2020: 3:16  9:05:00").
            Long time = text == null
                    ? null
                    : PhotoReader.parseExifTime(text.replaceAll("(?<=[: ]) (?=\\d)", "0"), null, null, zone, out);
            if (time != null) {
                return time;
            }
        }
        return null;
    }

    private static Long fromPngText(Metadata metadata, ZoneId zone, FactsBuilder out) {
        for (PngDirectory png : metadata.getDirectoriesOfType(PngDirectory.class)) {
            if (!(png.getObject(PngDirectory.TAG_TEXTUAL_DATA) instanceof List<?> pairs)) {
                continue;
            }
            for (Object pair : pairs) {
                if (pair instanceof KeyValuePair keyValue
                        && "Creation Time".equalsIgnoreCase(keyValue.getKey().strip())) {
                    Long time = parseAnyDate(keyValue.getValue().toString(), zone, out);
                    if (time != null) {
                        return time;
                    }
                }
            }
        }
        return null;
    }

    /**
     * PNG recommends RFC 1123 for "Creation Time" ("Mon, 02 Jan 2023 10:11:12 GMT"), but writers also
     * use ISO 8601 and the EXIF form: all three are read.
     */
    static Long parseAnyDate(String text, ZoneId zone, FactsBuilder out) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant()
                    .toEpochMilli();
        } catch (DateTimeParseException e) {
            // Not RFC 1123; the other forms follow.
        }
        if (ISO.matcher(text).matches()) {
            return parseIso(text, zone, out);
        }
        return PhotoReader.parseExifTime(text, null, null, zone, out);
    }

    /** An XMP date ("2024-05-06T07:08:09.25+02:00", or any prefix of it) as epoch ms, or null. */
    static Long parseIso(String text, ZoneId zone, FactsBuilder out) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = ISO.matcher(text);
        if (!m.matches()) {
            out.warn("XMP date '" + PhotoReader.clean(text) + "' is not an ISO 8601 date");
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(m.group(1)),
                    m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 1 : Integer.parseInt(m.group(3)),
                    m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                    m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            if (m.group(7) != null) {
                local = local.plusNanos(Long.parseLong((m.group(7) + "00000000").substring(0, 9)));
            }
            ZoneOffset offset = m.group(8) == null
                    ? null
                    : m.group(8).equals("Z") ? ZoneOffset.UTC : PhotoReader.parseOffset(m.group(8));
            return (offset != null
                            ? local.toInstant(offset)
                            : local.atZone(zone).toInstant())
                    .toEpochMilli();
        } catch (DateTimeException e) {
            out.warn("XMP date '" + PhotoReader.clean(text) + "' is not a valid date");
            return null;
        }
    }
}
