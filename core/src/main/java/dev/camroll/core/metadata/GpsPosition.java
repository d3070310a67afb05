package dev.camroll.core.metadata;

import com.drew.lang.Rational;
import com.drew.metadata.exif.GpsDirectory;
import dev.camroll.api.Location;
import java.util.function.Consumer;

/**
 * The place a GPS IFD records, or none. A camera without a fix often still writes the GPS tags:
 * empty, with zero denominators, or as 0/1 degrees, which read naively is a photo taken at 0°, 0°
 * in the Gulf of Guinea. The rule:
 *
 * <ul>
 *   <li>Latitude and longitude each need one to three rationals (degrees, minutes, seconds), all
 *       with a denominator other than 0. A zero denominator is undefined (exiftool prints it as
 *       "undef" or "inf"; Android's ExifInterface computes NaN and gives no position).
 *   <li>Both references are needed and must be N or S, and E or W: Android's {@code
 *       ExifInterface.getLatLong} returns nothing without them, and exiftool's composite
 *       GPSLatitude/GPSLongitude require them.
 *   <li>Exactly 0, 0 is a place only when the receiver says it had a fix: GPSStatus "A"
 *       (measurement active; "V" is void) or GPSMeasureMode 2 or 3 (2D or 3D fix).
 * </ul>
 */
final class GpsPosition {

    private static final int TAG_STATUS = 0x0009;
    private static final int TAG_MEASURE_MODE = 0x000A;

    private GpsPosition() {}

    /** The position in one GPS directory, or null; a warning names what made tags unusable. */
    static Location of(GpsDirectory gps, Consumer<String> warn) {
        boolean hasLatitude = gps.containsTag(GpsDirectory.TAG_LATITUDE);
        boolean hasLongitude = gps.containsTag(GpsDirectory.TAG_LONGITUDE);
        if (!hasLatitude && !hasLongitude) {
            return null;
        }
        Double latitude = degrees(gps.getRationalArray(GpsDirectory.TAG_LATITUDE));
        Double longitude = degrees(gps.getRationalArray(GpsDirectory.TAG_LONGITUDE));
        String latitudeRef = reference(gps.getString(GpsDirectory.TAG_LATITUDE_REF));
        String longitudeRef = reference(gps.getString(GpsDirectory.TAG_LONGITUDE_REF));
        if (latitude == null || longitude == null) {
            warn.accept("GPS position is empty or has a zero denominator; no location");
            return null;
        }
        if (!("N".equals(latitudeRef) || "S".equals(latitudeRef))
                || !("E".equals(longitudeRef) || "W".equals(longitudeRef))) {
            warn.accept("GPS position has no valid N/S or E/W reference; no location");
            return null;
        }
        double signedLatitude = "S".equals(latitudeRef) ? -latitude : latitude;
        double signedLongitude = "W".equals(longitudeRef) ? -longitude : longitude;
        if (!(signedLatitude >= -90 && signedLatitude <= 90) || !(signedLongitude >= -180 && signedLongitude <= 180)) {
            warn.accept("GPS position is out of range: " + signedLatitude + ", " + signedLongitude);
            return null;
        }
        if (signedLatitude == 0 && signedLongitude == 0 && !hadFix(gps)) {
            // Not worth a warning: it is what receivers without a fix write.
            return null;
        }
        return new Location(signedLatitude, signedLongitude);
    }

    /** Degrees from one to three rationals, or null when empty or any denominator is 0. */
    private static Double degrees(Rational[] parts) {
        if (parts == null || parts.length == 0 || parts.length > 3) {
            return null;
        }
        double value = 0;
        double unit = 1;
        for (Rational part : parts) {
            if (part.getDenominator() == 0) {
                return null;
            }
            value += (double) part.getNumerator() / part.getDenominator() / unit;
            unit *= 60;
        }
        return Double.isFinite(value) && value >= 0 ? value : null;
    }

    private static String reference(String text) {
        String cleaned = PhotoReader.clean(text);
        return cleaned == null ? null : cleaned.toUpperCase(java.util.Locale.ROOT);
    }

    private static boolean hadFix(GpsDirectory gps) {
        String status = reference(gps.getString(TAG_STATUS));
        String mode = reference(gps.getString(TAG_MEASURE_MODE));
        return "A".equals(status) || "2".equals(mode) || "3".equals(mode);
    }
}
