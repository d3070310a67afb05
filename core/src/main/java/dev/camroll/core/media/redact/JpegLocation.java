package dev.camroll.core.media.redact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The location in a JPEG's metadata segments, which all come before the first scan: the GPS IFD
 * of the EXIF (APP1 "Exif"), the location properties of the XMP (APP1, standard and extended),
 * and the place names of IPTC (APP13); then the same in each other picture the MPF index (APP2)
 * lists. The walk stops at the first scan or the first byte that is not a marker; what follows is
 * image data, passed through.
 */
final class JpegLocation {
    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] XMP = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] XMP_EXTENSION =
            "http://ns.adobe.com/xmp/extension/\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] PHOTOSHOP = "Photoshop 3.0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int MAX_SEGMENTS = 4_096;

    private static final byte[] MPF = "MPF\0".getBytes(StandardCharsets.ISO_8859_1);

    private final FileBytes file;
    private final PatchList patches;
    private final ExtendedXmp extendedXmp = new ExtendedXmp();
    private final List<Long> otherPictures = new ArrayList<>();

    private JpegLocation(FileBytes file, PatchList patches) {
        this.file = file;
        this.patches = patches;
    }

    /**
     * Redacts the JPEG that starts at {@code start} and the other pictures its MPF index lists
     * (each a JPEG with segments of its own; the index's offsets stay right, since nothing moves).
     */
    static void redact(FileBytes file, PatchList patches, long start) throws IOException {
        JpegLocation main = new JpegLocation(file, patches);
        main.segments(start);
        main.extendedXmp.redact(file, patches);
        for (long picture : main.otherPictures) {
            if (picture > start) {
                JpegLocation other = new JpegLocation(file, patches);
                other.segments(picture); // its own index, if any, is not followed: no loops
                other.extendedXmp.redact(file, patches);
            }
        }
    }

    private void segments(long start) throws IOException {
        byte[] soi = file.read(start, 2);
        if (soi.length < 2 || (soi[0] & 0xFF) != 0xFF || (soi[1] & 0xFF) != 0xD8) {
            return;
        }
        long at = start + 2;
        for (int segments = 0; segments < MAX_SEGMENTS; segments++) {
            byte[] head = file.read(at, 4);
            if (head.length < 2 || (head[0] & 0xFF) != 0xFF) {
                return;
            }
            int marker = head[1] & 0xFF;
            if (marker == 0xFF) {
                at++; // a fill byte
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                at += 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9 || head.length < 4) {
                return;
            }
            int length = ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
            if (length < 2) {
                return;
            }
            long data = at + 4;
            long end = at + 2 + length;
            if (marker == 0xE1) {
                app1(data, end);
            } else if (marker == 0xE2) {
                app2(data, end);
            } else if (marker == 0xED) {
                app13(data, end);
            }
            at = end;
        }
    }

    private void app1(long data, long end) throws IOException {
        byte[] segment = file.read(data, end - data);
        if (startsWith(segment, EXIF)) {
            TiffLocation.redact(file, patches, data + EXIF.length, data + segment.length);
        } else if (startsWith(segment, XMP)) {
            byte[] packet = Arrays.copyOfRange(segment, XMP.length, segment.length);
            XmpLocation.redact(packet, data + XMP.length, patches);
            extendedXmp.mainPacket(data + XMP.length, packet);
        } else if (startsWith(segment, XMP_EXTENSION)) {
            // The GUID (32 bytes), the full length and this part's offset (4 bytes each), then XMP:
            // blanked on its own here, and with the other chunks of its GUID by ExtendedXmp.
            int skip = XMP_EXTENSION.length + ExtendedXmp.GUID_LENGTH + 8;
            if (segment.length > skip) {
                XmpLocation.redact(Arrays.copyOfRange(segment, skip, segment.length), data + skip, patches);
            }
            extendedXmp.chunk(
                    Arrays.copyOfRange(segment, XMP_EXTENSION.length, segment.length), data + XMP_EXTENSION.length);
        }
    }

    /** The MPF index (APP2 "MPF\0"): its offsets count from the TIFF header after the name. */
    private void app2(long data, long end) throws IOException {
        byte[] segment = file.read(data, end - data);
        if (startsWith(segment, MPF)) {
            otherPictures.addAll(
                    MultiPicture.others(Arrays.copyOfRange(segment, MPF.length, segment.length), data + MPF.length));
        }
    }

    /** IPTC inside Photoshop's image resources (APP13): see {@link IptcLocation}. */
    private void app13(long data, long end) throws IOException {
        byte[] segment = file.read(data, end - data);
        if (startsWith(segment, PHOTOSHOP)) {
            IptcLocation.redactResources(segment, PHOTOSHOP.length, data, patches);
        }
    }

    static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Where {@code part} is in {@code bytes} from {@code from} on, or -1. */
    static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int i = Math.max(0, from); i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
