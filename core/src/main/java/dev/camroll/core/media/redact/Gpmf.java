package dev.camroll.core.media.redact;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * GoPro's GPMF telemetry, as github.com/gopro/gpmf-parser documents it: items of a four-character
 * key, a type, a structure size and a repeat count (both sizes big-endian), then the data padded
 * to four bytes; type 0 nests items (DEVC, STRM). The data of every item whose key starts with
 * {@code GPS} (GPS5, GPS9, GPSU, GPSF, GPSP, GPSA) becomes zeros; keys, sizes and every other
 * sensor stay. An item that claims more than its container holds zeros the rest of the
 * container: what follows the damage cannot be told apart from a position.
 */
final class Gpmf {
    /** Deeper than any GoPro writes (DEVC, STRM, sometimes one more); a bound for hostile files. */
    private static final int MAX_DEPTH = 8;

    private Gpmf() {}

    /** Blanks the positions of the GPMF in {@code bytes}, which stand at {@code offset} of the file. */
    static void redact(ByteBuffer bytes, long offset, PatchList patches) {
        walk(bytes, 0, bytes.capacity(), offset, patches, 0);
    }

    private static void walk(ByteBuffer bytes, int from, int end, long offset, PatchList patches, int depth) {
        int at = from;
        while (at + 8 <= end) {
            int type = bytes.get(at + 4) & 0xFF;
            int structSize = bytes.get(at + 5) & 0xFF;
            int repeat = bytes.getShort(at + 6) & 0xFFFF;
            long length = (long) structSize * repeat;
            long padded = (length + 3) & ~3L;
            if (at + 8 + length > end) {
                patches.zero(offset + at + 8, end - at - 8);
                return;
            }
            if (type == 0 && depth < MAX_DEPTH) {
                walk(bytes, at + 8, at + 8 + (int) length, offset, patches, depth + 1);
            } else if (type == 0 || isPosition(bytes, at)) {
                patches.zero(offset + at + 8, length);
            }
            at += 8 + (int) Math.min(padded, end - at - 8);
        }
    }

    private static boolean isPosition(ByteBuffer bytes, int at) {
        return new String(new byte[] {bytes.get(at), bytes.get(at + 1), bytes.get(at + 2)}, StandardCharsets.US_ASCII)
                .equals("GPS");
    }
}
