package dev.camroll.core.media.redact;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The location properties of an XMP packet, blanked with spaces where they stand so that the
 * packet keeps its length and stays well-formed XML: a property written as an attribute ({@code
 * exif:GPSLatitude="41,24.5N"}) loses the whole attribute, one written as an element loses the
 * element with all it holds ({@code <Iptc4xmpExt:LocationCreated>...</...>}). Properties are
 * known by their local name whatever their prefix, so that a maker's namespace ({@code
 * drone-dji:GpsLatitude}) goes too: GPS*, *Latitude, *Longitude, *Altitude, City, State,
 * Country*, Location*, Sublocation, ProvinceState, WorldRegion.
 */
final class XmpLocation {
    private static final String NAME = "[A-Za-z_][\\w.-]*:(?:(?i:gps)\\w*|\\w*Latitude|\\w*Longitude|\\w*Altitude"
            + "|City|State|Country\\w*|Location\\w*|Sublocation|ProvinceState|WorldRegion)";
    private static final Pattern ATTRIBUTE = Pattern.compile("(?<=\\s)(" + NAME + ")\\s*=\\s*(\"[^\"]*\"|'[^']*')");
    private static final Pattern ELEMENT_START = Pattern.compile("<(" + NAME + ")(?=[\\s/>])");

    private XmpLocation() {}

    /** Blanks the location properties of {@code packet}, which the file holds from {@code offset}. */
    static void redact(byte[] packet, long offset, PatchList patches) {
        // Latin-1 keeps one character per byte, so indexes are byte offsets; the names are ASCII.
        String text = new String(packet, StandardCharsets.ISO_8859_1);
        Matcher attribute = ATTRIBUTE.matcher(text);
        while (attribute.find()) {
            patches.fill(offset + attribute.start(), attribute.end() - attribute.start(), (byte) ' ');
        }
        Matcher element = ELEMENT_START.matcher(text);
        int from = 0;
        while (from < text.length() && element.find(from)) {
            int start = element.start();
            int end = elementEnd(text, element.group(1), element.end());
            patches.fill(offset + start, end - start, (byte) ' ');
            from = end;
        }
    }

    /**
     * Where the element that starts just before {@code afterName} ends: after its {@code />}, or
     * after its matching end tag; the packet's end when it has none (a damaged packet loses the
     * rest rather than keep a position).
     */
    private static int elementEnd(String text, String name, int afterName) {
        int close = text.indexOf('>', afterName);
        if (close < 0) {
            return text.length();
        }
        if (text.charAt(close - 1) == '/') {
            return close + 1;
        }
        Pattern tags = Pattern.compile("<(/?)" + Pattern.quote(name) + "(?=[\\s/>])[^>]*?(/?)>");
        Matcher matcher = tags.matcher(text);
        int depth = 1;
        int at = close + 1;
        while (matcher.find(at)) {
            at = matcher.end();
            if (!matcher.group(1).isEmpty()) {
                depth--;
            } else if (matcher.group(2).isEmpty()) {
                depth++;
            }
            if (depth == 0) {
                return at;
            }
        }
        return text.length();
    }
}
