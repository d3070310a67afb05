package dev.camroll.core.media.redact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One ISO-BMFF / QuickTime box: where it starts, where its payload starts and where it ends, as
 * its header says, clipped to its parent.
 */
record Box(String type, long start, long payload, long end) {
    private static final int MAX_CHILDREN = 10_000;

    /** The type as the 4 bytes of the file ({@code ©xyz} holds 0xA9). */
    static String typeOf(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
    }

    /** The boxes that lie one after another in {@code [from, to)}; a box past {@code to} ends the list. */
    static List<Box> children(FileBytes file, long from, long to) throws IOException {
        List<Box> boxes = new ArrayList<>();
        long at = from;
        while (at + 8 <= to && boxes.size() < MAX_CHILDREN) {
            byte[] head = file.read(at, 16);
            if (head.length < 8) {
                break;
            }
            ByteBuffer bytes = FileBytes.big(head);
            long size = Integer.toUnsignedLong(bytes.getInt(0));
            String type = typeOf(head, 4);
            long payload = at + 8;
            if (size == 1) {
                if (head.length < 16) {
                    break;
                }
                size = bytes.getLong(8);
                payload = at + 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < payload - at || at + size > to || size < 0) {
                // A damaged box: what it holds up to its parent's end is still searched.
                boxes.add(new Box(type, at, payload, to));
                break;
            }
            boxes.add(new Box(type, at, payload, at + size));
            at += size;
        }
        return boxes;
    }

    long payloadLength() {
        return end - payload;
    }

    /**
     * Turns the box into a {@code free} box of the same size with a payload of zeros: readers skip
     * it, and every offset in the file stays right.
     */
    void free(PatchList patches) {
        patches.write(start + 4, "free".getBytes(StandardCharsets.ISO_8859_1));
        patches.zero(payload, payloadLength());
    }
}
