package dev.camroll.core.media.redact;

import java.nio.ByteBuffer;

/**
 * The place names of IPTC-IIM records (2:90 city, 2:92 sublocation, 2:95 province or state,
 * 2:100 country code, 2:101 country), as Photoshop's image resources carry them (resource 0x0404
 * in a JPEG's APP13): their values become spaces, their lengths stay.
 */
final class IptcLocation {
    private static final int IPTC_RESOURCE = 0x0404;

    private IptcLocation() {}

    /** Walks the "8BIM" resources of {@code bytes} from {@code from}; {@code bytes[0]} is at {@code offset}. */
    static void redactResources(byte[] bytes, int from, long offset, PatchList patches) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int at = from;
        while (at + 12 <= bytes.length
                && bytes[at] == '8'
                && bytes[at + 1] == 'B'
                && bytes[at + 2] == 'I'
                && bytes[at + 3] == 'M') {
            int id = Short.toUnsignedInt(buffer.getShort(at + 4));
            int nameLength = bytes[at + 6] & 0xFF;
            int name = 1 + nameLength;
            if (name % 2 != 0) {
                name++;
            }
            int sizeAt = at + 6 + name;
            if (sizeAt + 4 > bytes.length) {
                return;
            }
            long size = Integer.toUnsignedLong(buffer.getInt(sizeAt));
            int data = sizeAt + 4;
            long dataEnd = Math.min(bytes.length, data + size);
            if (id == IPTC_RESOURCE) {
                redactRecords(bytes, data, (int) dataEnd, offset, patches);
            }
            long next = data + size + (size % 2);
            if (next > bytes.length) {
                return;
            }
            at = (int) next;
        }
    }

    private static void redactRecords(byte[] bytes, int from, int end, long offset, PatchList patches) {
        int at = from;
        while (at + 5 <= end && bytes[at] == 0x1C) {
            int record = bytes[at + 1] & 0xFF;
            int dataset = bytes[at + 2] & 0xFF;
            int length = ((bytes[at + 3] & 0xFF) << 8) | (bytes[at + 4] & 0xFF);
            if ((length & 0x8000) != 0) {
                return; // an extended length: no place name is that long
            }
            int value = at + 5;
            if (record == 2 && (dataset == 90 || dataset == 92 || dataset == 95 || dataset == 100 || dataset == 101)) {
                patches.fill(offset + value, Math.min(length, end - value), (byte) ' ');
            }
            at = value + length;
        }
    }
}
