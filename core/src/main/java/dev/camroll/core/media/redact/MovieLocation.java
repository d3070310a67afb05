package dev.camroll.core.media.redact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The location in an MP4, MOV, 3GP or M4A file (and a Canon CR3, a QuickTime file too): 3GPP's
 * {@code loci}, QuickTime's {@code ©xyz} and GPS boxes in {@code udta}, and the {@code
 * com.apple.quicktime.location.*} entries of a {@code meta} box's {@code keys}/{@code ilst} each
 * become a {@code free} box of the same size with zeros inside; XMP (the {@code XMP_} box, the
 * XMP {@code uuid} box) has its location properties blanked; a CR3's GPS IFD ({@code CMT4}) is
 * emptied; the samples of Apple's timed-metadata location track lose their values ({@link
 * TimedLocation}). Only {@code moov} and the boxes that hold metadata are walked; {@code mdat} is
 * skipped unread but for such samples, and no offset into it changes.
 */
final class MovieLocation {
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "udta", "mdia", "minf", "edts");
    private static final Set<String> LOCATION_BOXES = Set.of("loci", "\u00A9xyz", "gps ", "GPS ", "gps0", "\u00A9gps");
    private static final String APPLE_LOCATION = "com.apple.quicktime.location";
    private static final byte[] XMP_UUID = HexFormat.of().parseHex("be7acfcb97a942e89c71999491e3afac");
    private static final byte[] CANON_UUID = HexFormat.of().parseHex("85c0b687820f11e08111f4ce462b6a48");
    private static final int MAX_DEPTH = 8;

    private MovieLocation() {}

    static void redact(FileBytes file, PatchList patches) throws IOException {
        walk(file, patches, Box.children(file, 0, file.size()), 0);
    }

    private static void walk(FileBytes file, PatchList patches, List<Box> boxes, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Box box : boxes) {
            String type = box.type();
            if (LOCATION_BOXES.contains(type)) {
                box.free(patches);
            } else if (CONTAINERS.contains(type)) {
                if (type.equals("trak")) {
                    TimedLocation.redact(file, patches, box);
                }
                walk(file, patches, Box.children(file, box.payload(), box.end()), depth + 1);
            } else if (type.equals("meta")) {
                meta(file, patches, box, depth);
            } else if (type.equals("XMP_")) {
                XmpLocation.redact(file.read(box.payload(), box.payloadLength()), box.payload(), patches);
            } else if (type.equals("uuid")) {
                uuid(file, patches, box);
            }
        }
    }

    private static void uuid(FileBytes file, PatchList patches, Box box) throws IOException {
        byte[] id = file.read(box.payload(), 16);
        if (java.util.Arrays.equals(id, XMP_UUID)) {
            long xmp = box.payload() + 16;
            XmpLocation.redact(file.read(xmp, box.end() - xmp), xmp, patches);
        } else if (java.util.Arrays.equals(id, CANON_UUID)) {
            for (Box child : Box.children(file, box.payload() + 16, box.end())) {
                if (child.type().equals("CMT4")) {
                    TiffLocation.redactAsGps(file, patches, child.payload(), child.end());
                } else if (child.type().startsWith("CMT")) {
                    TiffLocation.redact(file, patches, child.payload(), child.end());
                }
            }
        }
    }

    /**
     * A {@code meta} box: ISO's has a version and flags before its children, QuickTime's does not
     * (its first child, {@code hdlr}, follows the header at once).
     */
    private static void meta(FileBytes file, PatchList patches, Box meta, int depth) throws IOException {
        byte[] head = file.read(meta.payload(), 8);
        long children = meta.payload();
        if (head.length == 8 && !Box.typeOf(head, 4).equals("hdlr")) {
            children += 4;
        }
        List<Box> boxes = Box.children(file, children, meta.end());
        Set<Integer> locationKeys = new HashSet<>();
        for (Box box : boxes) {
            if (box.type().equals("keys")) {
                locationKeys.addAll(locationKeys(file, box));
            }
        }
        for (Box box : boxes) {
            if (box.type().equals("ilst")) {
                for (Box item : Box.children(file, box.payload(), box.end())) {
                    int key = FileBytes.big(file.read(item.start() + 4, 4)).getInt(0);
                    if (locationKeys.contains(key) || LOCATION_BOXES.contains(item.type())) {
                        item.free(patches);
                    }
                }
            }
        }
        walk(file, patches, boxes, depth + 1);
    }

    /** The 1-based indexes of the keys that name a location ({@code com.apple.quicktime.location.ISO6709}, ...). */
    private static Set<Integer> locationKeys(FileBytes file, Box keys) throws IOException {
        Set<Integer> found = new HashSet<>();
        byte[] bytes = file.read(keys.payload(), keys.payloadLength());
        if (bytes.length < 8) {
            return found;
        }
        ByteBuffer buffer = FileBytes.big(bytes);
        long count = Integer.toUnsignedLong(buffer.getInt(4));
        int at = 8;
        for (int index = 1; index <= count && at + 8 <= bytes.length; index++) {
            int size = buffer.getInt(at);
            if (size < 8 || at + size > bytes.length) {
                break;
            }
            String name = new String(bytes, at + 8, size - 8, StandardCharsets.UTF_8);
            if (name.startsWith(APPLE_LOCATION)) {
                found.add(index);
            }
            at += size;
        }
        return found;
    }
}
