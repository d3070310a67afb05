package dev.camroll.core.picker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Carries a JPEG's EXIF segment over to the JPEG re-encoded from it: the segment as it is, except
 * its orientation, set to 1 (upright) since the new pixels are turned already. A reader would
 * otherwise turn the picture a second time. Lenient: a source without a readable EXIF segment
 * leaves the target as it is.
 */
final class ExifCarry {
    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};
    private static final int APP1 = 0xE1;
    private static final int APP0 = 0xE0;
    private static final int SOS = 0xDA;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int SHORT = 3;

    private ExifCarry() {}

    /** Puts {@code source}'s EXIF segment into {@code target} after its start marker, replacing a JFIF one. */
    static void carry(Path source, Path target) throws IOException {
        byte[] segment = exifSegment(Files.readAllBytes(source));
        if (segment == null) {
            return;
        }
        uprightOrientation(segment);
        byte[] jpeg = Files.readAllBytes(target);
        int rest = 2;
        // The encoder's JFIF segment goes: EXIF and JFIF both claim to come first after the start.
        if (jpeg.length > 6 && (jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == APP0) {
            rest = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + segment.length + 4);
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(APP1);
        out.write(segment.length + 2 >> 8);
        out.write(segment.length + 2);
        out.write(segment);
        out.write(jpeg, rest, jpeg.length - rest);
        Files.write(target, out.toByteArray());
    }

    /** The payload of the first APP1 segment holding EXIF (from "Exif\0\0" on), or null. */
    static byte[] exifSegment(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            return null;
        }
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == SOS) {
                return null;
            }
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            int start = at + 4;
            int end = at + 2 + length;
            if (length < 2 || end > jpeg.length) {
                return null;
            }
            if (marker == APP1
                    && length - 2 > EXIF_HEADER.length
                    && Arrays.equals(jpeg, start, start + EXIF_HEADER.length, EXIF_HEADER, 0, EXIF_HEADER.length)) {
                return Arrays.copyOfRange(jpeg, start, end);
            }
            at = end;
        }
        return null;
    }

    /** Sets the orientation of IFD0 to 1 where the segment has one; anything unreadable is left. */
    private static void uprightOrientation(byte[] segment) {
        int tiff = EXIF_HEADER.length;
        if (segment.length < tiff + 8) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(segment);
        if (segment[tiff] == 'I' && segment[tiff + 1] == 'I') {
            buffer.order(ByteOrder.LITTLE_ENDIAN);
        } else if (segment[tiff] != 'M' || segment[tiff + 1] != 'M') {
            return;
        }
        long ifd = Integer.toUnsignedLong(buffer.getInt(tiff + 4));
        if (ifd < 8 || tiff + ifd + 2 > segment.length) {
            return;
        }
        int entries = Short.toUnsignedInt(buffer.getShort(tiff + (int) ifd));
        for (int i = 0; i < entries; i++) {
            int entry = tiff + (int) ifd + 2 + 12 * i;
            if (entry + 12 > segment.length) {
                return;
            }
            if (Short.toUnsignedInt(buffer.getShort(entry)) == ORIENTATION_TAG
                    && Short.toUnsignedInt(buffer.getShort(entry + 2)) == SHORT) {
                buffer.putShort(entry + 8, (short) 1);
                return;
            }
        }
    }
}
