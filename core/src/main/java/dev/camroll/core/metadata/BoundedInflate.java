package dev.camroll.core.metadata;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Tells how far a zlib stream inflates without keeping what it inflates, and stops at a cap: a
 * compressed chunk of a megabyte can inflate to gigabytes (a deflate of zeros compresses about
 * 1,000 to 1), so nothing compressed is handed to a reader before it is measured here.
 */
final class BoundedInflate {

    /** How a measured stream ended. */
    enum Verdict {
        /** It ends within the cap. */
        FITS,
        /** It inflates to more than the cap. */
        TOO_LARGE,
        /** It is not a valid zlib stream (or ends early). */
        DAMAGED
    }

    private static final int SCRATCH = 64 * 1024;

    private BoundedInflate() {}

    /** Inflates {@code data[offset, offset + length)} into a scratch buffer, up to {@code cap} bytes. */
    static Verdict measure(byte[] data, int offset, int length, long cap) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data, offset, length);
            byte[] scratch = new byte[SCRATCH];
            long total = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(scratch);
                total += n;
                if (total > cap) {
                    return Verdict.TOO_LARGE;
                }
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return Verdict.DAMAGED;
                }
            }
            return Verdict.FITS;
        } catch (DataFormatException e) {
            return Verdict.DAMAGED;
        } finally {
            inflater.end();
        }
    }
}
