package dev.camroll.core.media.redact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The GPS IFD of a TIFF structure (a TIFF or TIFF-based raw file, or the EXIF of a JPEG, PNG,
 * WebP or HEIF file), classic or BigTIFF, in either byte order: every IFD reached from IFD0 (its
 * chain, SubIFDs, the EXIF IFD) is searched for the GPS pointer, and each GPS IFD found is
 * emptied in place: its count becomes 0, its entries and next-IFD pointer zeros, and every value
 * its entries point to zeros. A maker note found on the way loses its place names ({@link
 * MakerNoteLocation}). The pointer stays and leads to an empty IFD, so readers see a file
 * as valid as before, with no position in it. Offsets and lengths are checked against the region;
 * a walk is bounded (64 IFDs, loops ignored), so a hostile file costs a few reads.
 */
final class TiffLocation {
    private static final int MAX_IFDS = 64;
    private static final int MAX_ENTRIES = 4_096;

    static final int GPS_IFD = 0x8825;
    /** GPSHPositioningError, the last tag EXIF 3.0 defines in the GPS IFD. */
    private static final int LAST_GPS_TAG = 0x1F;

    private static final int EXIF_IFD = 0x8769;
    private static final int SUB_IFDS = 0x014A;
    private static final int MAKER_NOTE = 0x927C;

    private final FileBytes file;
    private final PatchList patches;
    private final long base;
    private final long end;
    private ByteOrder order;
    private boolean big;

    private TiffLocation(FileBytes file, PatchList patches, long base, long end) {
        this.file = file;
        this.patches = patches;
        this.base = base;
        this.end = Math.min(end, file.size());
    }

    /**
     * Empties the GPS IFDs of the TIFF structure whose header is at {@code base}, within {@code
     * [base, end)} of the file; returns whether the header was a TIFF header.
     */
    static boolean redact(FileBytes file, PatchList patches, long base, long end) throws IOException {
        TiffLocation tiff = new TiffLocation(file, patches, base, end);
        long first = tiff.header();
        if (first < 0) {
            return false;
        }
        tiff.walk(first);
        return true;
    }

    /**
     * Empties the first IFD of a TIFF structure that is itself a GPS IFD (a Canon CR3's {@code
     * CMT4} box).
     */
    static void redactAsGps(FileBytes file, PatchList patches, long base, long end) throws IOException {
        TiffLocation tiff = new TiffLocation(file, patches, base, end);
        long first = tiff.header();
        if (first >= 0) {
            tiff.emptyGps(first);
        }
    }

    /** The offset of IFD0, or -1 when the bytes at base are no TIFF header. */
    private long header() throws IOException {
        byte[] head = file.read(base, 16);
        if (head.length < 8) {
            return -1;
        }
        if (head[0] == 'I' && head[1] == 'I') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (head[0] == 'M' && head[1] == 'M') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            return -1;
        }
        ByteBuffer bytes = ByteBuffer.wrap(head).order(order);
        int magic = Short.toUnsignedInt(bytes.getShort(2));
        if (magic == 42) {
            return Integer.toUnsignedLong(bytes.getInt(4));
        }
        if (magic == 43 && head.length >= 16 && bytes.getShort(4) == 8) {
            big = true;
            return bytes.getLong(8);
        }
        // Olympus ORF ("IIRO", "MMOR") and Panasonic RW2 ("IIU\0") are TIFF with another magic.
        if (magic == 0x4F52 || magic == 0x5352 || magic == 0x0055) {
            return Integer.toUnsignedLong(bytes.getInt(4));
        }
        return -1;
    }

    private int entrySize() {
        return big ? 20 : 12;
    }

    private int countSize() {
        return big ? 8 : 2;
    }

    private int inlineSize() {
        return big ? 8 : 4;
    }

    private boolean inside(long offset) {
        return offset >= 0 && offset < end - base;
    }

    private void walk(long first) throws IOException {
        Deque<Long> queue = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        Set<Long> gpsSeen = new HashSet<>();
        queue.add(first);
        while (!queue.isEmpty() && seen.size() < MAX_IFDS) {
            long ifd = queue.poll();
            if (!inside(ifd) || !seen.add(ifd)) {
                continue;
            }
            Ifd read = readIfd(ifd);
            if (read == null) {
                continue;
            }
            for (int i = 0; i < read.count(); i++) {
                int at = countSize() + i * entrySize();
                if (at + entrySize() > read.bytes().capacity()) {
                    break;
                }
                int tag = Short.toUnsignedInt(read.bytes().getShort(at));
                int type = Short.toUnsignedInt(read.bytes().getShort(at + 2));
                long count = big
                        ? read.bytes().getLong(at + 4)
                        : Integer.toUnsignedLong(read.bytes().getInt(at + 4));
                if (tag == GPS_IFD) {
                    long gps = pointer(read.bytes(), at);
                    if (inside(gps) && gpsSeen.add(gps)) {
                        emptyGps(gps);
                    }
                } else if (tag == EXIF_IFD) {
                    queue.add(pointer(read.bytes(), at));
                } else if (tag == MAKER_NOTE && !big) {
                    long note = count > 4 ? pointer(read.bytes(), at) : -1;
                    if (inside(note)) {
                        MakerNoteLocation.redact(file, patches, base, end, order, note);
                    }
                } else if (tag == SUB_IFDS) {
                    for (long sub : pointers(read.bytes(), at, type, count)) {
                        queue.add(sub);
                    }
                }
            }
            int next = countSize() + read.count() * entrySize();
            if (next + inlineSize() <= read.bytes().capacity()) {
                long following = big
                        ? read.bytes().getLong(next)
                        : Integer.toUnsignedLong(read.bytes().getInt(next));
                if (following != 0) {
                    queue.add(following);
                }
            }
        }
    }

    /** An IFD's count and entries (and its next pointer where the region holds it), or null. */
    private Ifd readIfd(long ifd) throws IOException {
        byte[] countBytes = file.read(base + ifd, countSize());
        if (countBytes.length < countSize()) {
            return null;
        }
        ByteBuffer countBuffer = ByteBuffer.wrap(countBytes).order(order);
        long declared = big ? countBuffer.getLong(0) : Short.toUnsignedInt(countBuffer.getShort(0));
        long fits = (end - base - ifd - countSize()) / entrySize();
        int count = (int) Math.max(0, Math.min(Math.min(declared, fits), MAX_ENTRIES));
        long length = countSize() + (long) count * entrySize() + inlineSize();
        byte[] bytes = file.read(base + ifd, Math.min(length, end - base - ifd));
        return new Ifd(count, declared, ByteBuffer.wrap(bytes).order(order));
    }

    private long pointer(ByteBuffer entries, int at) {
        return big ? entries.getLong(at + 12) : Integer.toUnsignedLong(entries.getInt(at + 8));
    }

    /** The IFD offsets a SubIFDs entry lists, inline or where it points. */
    private long[] pointers(ByteBuffer entries, int at, int type, long count) throws IOException {
        int each = (type == 16 || type == 18) ? 8 : 4;
        if (count <= 0 || count > MAX_IFDS) {
            return new long[0];
        }
        ByteBuffer values;
        if (count * each <= inlineSize()) {
            values = entries.duplicate()
                    .order(order)
                    .position(at + (big ? 12 : 8))
                    .slice()
                    .order(order);
        } else {
            long offset = pointer(entries, at);
            if (!inside(offset)) {
                return new long[0];
            }
            values = ByteBuffer.wrap(file.read(base + offset, count * each)).order(order);
        }
        long[] result = new long[(int) Math.min(count, values.remaining() / each)];
        for (int i = 0; i < result.length; i++) {
            result[i] = each == 8 ? values.getLong(i * 8) : Integer.toUnsignedLong(values.getInt(i * 4));
        }
        return result;
    }

    /**
     * Empties the GPS IFD at {@code ifd}: every value its entries point to becomes zeros, then
     * its count, entries and next pointer. A count past the region blanks up to the region's end,
     * since that is where the IFD said its entries were.
     */
    private void emptyGps(long ifd) throws IOException {
        Ifd gps = readIfd(ifd);
        if (gps == null) {
            return;
        }
        for (int i = 0; i < gps.count(); i++) {
            int at = countSize() + i * entrySize();
            if (at + entrySize() > gps.bytes().capacity()) {
                break;
            }
            int tag = Short.toUnsignedInt(gps.bytes().getShort(at));
            int type = Short.toUnsignedInt(gps.bytes().getShort(at + 2));
            if (tag > LAST_GPS_TAG || typeSize(type) == 0) {
                // Not a GPS entry (the bytes after a count larger than the IFD): its bytes are
                // blanked with the entries, but where it points is not trusted.
                continue;
            }
            long count = big
                    ? gps.bytes().getLong(at + 4)
                    : Integer.toUnsignedLong(gps.bytes().getInt(at + 4));
            long length = count * typeSize(type);
            if (count < 0 || length < 0 || count > Integer.MAX_VALUE) {
                length = Long.MAX_VALUE;
            }
            if (length > inlineSize()) {
                long offset = pointer(gps.bytes(), at);
                if (inside(offset)) {
                    patches.zero(base + offset, Math.min(length, end - base - offset));
                }
            }
        }
        long entries = gps.declared() < 0 ? Long.MAX_VALUE : gps.declared();
        long declaredLength =
                countSize() + Math.min(entries, (end - base) / entrySize() + 1) * entrySize() + inlineSize();
        patches.zero(base + ifd, Math.min(declaredLength, end - base - ifd));
    }

    /** Bytes per value of a TIFF field type; 0 for a type TIFF does not define. */
    private static int typeSize(int type) {
        return switch (type) {
            case 1, 2, 6, 7 -> 1;
            case 3, 8 -> 2;
            case 4, 9, 11, 13 -> 4;
            case 5, 10, 12, 16, 17, 18 -> 8;
            default -> 0;
        };
    }

    private record Ifd(int count, long declared, ByteBuffer bytes) {}
}
