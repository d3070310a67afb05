package dev.camroll.core.media.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The patches a redactor finds, in the order it finds them (a later one wins where two overlap). */
final class PatchList {
    private final List<Patch> patches = new ArrayList<>();

    void write(long offset, byte[] bytes) {
        if (bytes.length > 0) {
            patches.add(new Patch(offset, bytes.clone()));
        }
    }

    /** {@code length} bytes of {@code fill} from {@code offset}, in pieces of at most 1 MiB. */
    void fill(long offset, long length, byte fill) {
        long left = length;
        long at = offset;
        while (left > 0) {
            int piece = (int) Math.min(left, 1 << 20);
            byte[] bytes = new byte[piece];
            if (fill != 0) {
                Arrays.fill(bytes, fill);
            }
            patches.add(new Patch(at, bytes));
            at += piece;
            left -= piece;
        }
    }

    void zero(long offset, long length) {
        fill(offset, length, (byte) 0);
    }

    int size() {
        return patches.size();
    }

    /** The patches added since {@code from}, for a checksum over a chunk they touch. */
    List<Patch> since(int from) {
        return List.copyOf(patches.subList(from, patches.size()));
    }

    Redaction toRedaction(long fileSize) {
        return Redaction.of(patches, fileSize);
    }
}
