package dev.camroll.core.media.redact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An asset's full metadata (directory to tag to description, as {@code metadata.MetadataDump}
 * reads it) without what says where it was made, for a scope that does not see locations: the
 * GPS directories, IPTC's place names, a container's location tags ({@code location}, {@code
 * com.apple.quicktime.location.ISO6709}, ...), and any tag of any directory (a maker note's)
 * whose name speaks of a position.
 */
public final class LocationFreeMetadata {
    private static final Pattern GPS_DIRECTORY = Pattern.compile("GPS( \\(\\d+\\))?");
    private static final Pattern PLACE_TAG =
            Pattern.compile("(?i).*(gps|latitude|longitude|altitude|location|\u00A9xyz|iso ?6709).*"
                    + "|City|Sub-location|Province/State|Country/Primary Location (Code|Name)"
                    // Panasonic's maker note: the place its travel cameras looked up.
                    + "|Country|State|Landmark");
    /** A position in ISO 6709 ("+48.8584+002.2945/"), whatever the tag holding it is named. */
    private static final Pattern ISO_6709_VALUE = Pattern.compile("\\s*[+-]\\d{2}(\\.\\d+)?[+-]\\d{3}(\\.\\d+)?.*");

    private LocationFreeMetadata() {}

    public static Map<String, Map<String, String>> of(Map<String, Map<String, String>> all) {
        Map<String, Map<String, String>> kept = new LinkedHashMap<>();
        all.forEach((directory, tags) -> {
            if (GPS_DIRECTORY.matcher(directory).matches()) {
                return;
            }
            Map<String, String> left = new LinkedHashMap<>();
            tags.forEach((name, value) -> {
                if (!PLACE_TAG.matcher(name).matches()
                        && !ISO_6709_VALUE.matcher(value).matches()) {
                    left.put(name, value);
                }
            });
            if (!left.isEmpty()) {
                kept.put(directory, Collections.unmodifiableMap(left));
            }
        });
        return kept;
    }
}
