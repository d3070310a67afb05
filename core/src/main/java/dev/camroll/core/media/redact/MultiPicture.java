package dev.camroll.core.media.redact;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The index of a JPEG's other pictures, as CIPA's Multi-Picture Format (APP2 "MPF") writes it:
 * phones and cameras append previews, depth maps and gain maps after the main picture, each a
 * JPEG with its own APP1 EXIF (GPS included). The index's MP Entry tag lists each picture's offset
 * from the MPF header; the first picture (offset 0) is the main one.
 */
final class MultiPicture {
    private static final int MP_ENTRY = 0xB002;
    private static final int ENTRY_SIZE = 16;
    private static final int MAX_PICTURES = 64;

    private MultiPicture() {}

    /**
     * The file offsets of the pictures after the main one that the index in {@code tiff} (the
     * segment's bytes after "MPF\0", which the file holds from {@code base}) lists.
     */
    static List<Long> others(byte[] tiff, long base) {
        List<Long> pictures = new ArrayList<>();
        if (tiff.length < 8) {
            return pictures;
        }
        ByteOrder order;
        if (tiff[0] == 'I' && tiff[1] == 'I') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (tiff[0] == 'M' && tiff[1] == 'M') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            return pictures;
        }
        ByteBuffer bytes = ByteBuffer.wrap(tiff).order(order);
        long ifd = Integer.toUnsignedLong(bytes.getInt(4));
        if (ifd + 2 > tiff.length) {
            return pictures;
        }
        int count = Short.toUnsignedInt(bytes.getShort((int) ifd));
        for (int i = 0; i < count; i++) {
            long at = ifd + 2 + (long) i * 12;
            if (at + 12 > tiff.length) {
                break;
            }
            if (Short.toUnsignedInt(bytes.getShort((int) at)) != MP_ENTRY) {
                continue;
            }
            long length = Integer.toUnsignedLong(bytes.getInt((int) at + 4));
            long entries = Integer.toUnsignedLong(bytes.getInt((int) at + 8));
            for (long entry = entries;
                    entry + ENTRY_SIZE <= tiff.length
                            && entry + ENTRY_SIZE <= entries + length
                            && pictures.size() < MAX_PICTURES;
                    entry += ENTRY_SIZE) {
                long offset = Integer.toUnsignedLong(bytes.getInt((int) entry + 8));
                if (offset != 0) {
                    pictures.add(base + offset);
                }
            }
        }
        return pictures;
    }
}
