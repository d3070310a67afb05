package dev.camroll.core.metadata;

import dev.camroll.api.Location;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ISO 6709 places videos carry ({@code +37.7858-122.4064+010.000/}): QuickTime's
 * {@code ©xyz}, Apple's {@code com.apple.quicktime.location.ISO6709} and 3GPP's {@code loci}
 * (which FFmpeg's demuxer writes out in the same form). Degrees may also come as DDMM.MM and
 * DDMMSS.SS, as the standard allows.
 */
final class Iso6709 {

    private static final Pattern POINT = Pattern.compile("^([+-])(\\d+)(\\.\\d+)?([+-])(\\d+)(\\.\\d+)?");

    private Iso6709() {}

    /** The place a string names, or null when it names none (or only 0, 0, what devices without a fix write). */
    static Location parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = POINT.matcher(text.strip());
        if (!matcher.find()) {
            return null;
        }
        double latitude = angle(matcher.group(1), matcher.group(2), matcher.group(3), 2);
        double longitude = angle(matcher.group(4), matcher.group(5), matcher.group(6), 3);
        if (Double.isNaN(latitude)
                || Double.isNaN(longitude)
                || Math.abs(latitude) > 90
                || Math.abs(longitude) > 180
                || (latitude == 0 && longitude == 0)) {
            return null;
        }
        return new Location(latitude, longitude);
    }

    /**
     * @param degreeDigits digits of whole degrees (2 for latitude, 3 for longitude); more digits
     *     mean minutes (2 more) and seconds (4 more)
     */
    private static double angle(String sign, String whole, String fraction, int degreeDigits) {
        if (whole.length() > degreeDigits + 4) {
            return Double.NaN;
        }
        double value;
        String decimals = fraction == null ? "" : fraction;
        if (whole.length() <= degreeDigits) {
            value = Double.parseDouble(whole + decimals);
        } else if (whole.length() == degreeDigits + 2) {
            double minutes = Double.parseDouble(whole.substring(degreeDigits) + decimals);
            value = Integer.parseInt(whole.substring(0, degreeDigits)) + minutes / 60;
        } else if (whole.length() == degreeDigits + 4) {
            double minutes = Integer.parseInt(whole.substring(degreeDigits, degreeDigits + 2));
            double seconds = Double.parseDouble(whole.substring(degreeDigits + 2) + decimals);
            value = Integer.parseInt(whole.substring(0, degreeDigits)) + minutes / 60 + seconds / 3600;
        } else {
            return Double.NaN;
        }
        return sign.equals("-") ? -value : value;
    }
}
