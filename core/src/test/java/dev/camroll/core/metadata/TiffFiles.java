package dev.camroll.core.metadata;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Builds TIFF files (classic and BigTIFF, little-endian) entry by entry, so that a test can write
 * what a camera writes, what it should not (empty GPS tags, zero denominators), and what a hostile
 * file does (counts of 2^31, offsets past the end, IFDs that point back to themselves).
 */
final class TiffFiles {

    static final int BYTE = 1;
    static final int ASCII = 2;
    static final int SHORT = 3;
    static final int LONG = 4;
    static final int RATIONAL = 5;
    static final int LONG8 = 16;

    static final int IMAGE_WIDTH = 0x100;
    static final int IMAGE_HEIGHT = 0x101;
    static final int MAKE = 0x10F;
    static final int EXIF_IFD = 0x8769;
    static final int GPS_IFD = 0x8825;
    static final int DATE_TIME_ORIGINAL = 0x9003;
    static final int OFFSET_TIME_ORIGINAL = 0x9011;
    static final int SUB_SEC_TIME_ORIGINAL = 0x9291;
    static final int GPS_LATITUDE_REF = 1;
    static final int GPS_LATITUDE = 2;
    static final int GPS_LONGITUDE_REF = 3;
    static final int GPS_LONGITUDE = 4;
    static final int GPS_STATUS = 9;

    private TiffFiles() {}

    /**
     * One entry: its value bytes, or a sub-IFD, or an offset written as is (pointing anywhere).
     */
    private record Entry(int tag, int type, long count, byte[] value, Ifd child, Long rawOffset) {}

    /** An image file directory; {@link #next} chains pages. */
    static final class Ifd {
        private final List<Entry> entries = new ArrayList<>();
        Ifd next;
        boolean nextIsItself;

        Ifd ascii(int tag, String text) {
            byte[] bytes = (text + "\0").getBytes(StandardCharsets.ISO_8859_1);
            return raw(tag, ASCII, bytes.length, bytes);
        }

        Ifd shorts(int tag, int... values) {
            ByteBuffer b = le(2 * values.length);
            for (int v : values) {
                b.putShort((short) v);
            }
            return raw(tag, SHORT, values.length, b.array());
        }

        Ifd longs(int tag, long... values) {
            ByteBuffer b = le(4 * values.length);
            for (long v : values) {
                b.putInt((int) v);
            }
            return raw(tag, LONG, values.length, b.array());
        }

        /** Numerator, denominator, numerator, denominator... */
        Ifd rationals(int tag, long... parts) {
            ByteBuffer b = le(4 * parts.length);
            for (long v : parts) {
                b.putInt((int) v);
            }
            return raw(tag, RATIONAL, parts.length / 2, b.array());
        }

        Ifd raw(int tag, int type, long count, byte[] value) {
            entries.add(new Entry(tag, type, count, value, null, null));
            return this;
        }

        /** An entry whose value offset is written as given, whatever the count says. */
        Ifd pointing(int tag, int type, long count, long offset) {
            entries.add(new Entry(tag, type, count, null, null, offset));
            return this;
        }

        Ifd child(int tag, Ifd child) {
            entries.add(new Entry(tag, LONG, 1, null, child, null));
            return this;
        }
    }

    static Ifd ifd() {
        return new Ifd();
    }

    static byte[] classic(Ifd ifd0) {
        return new Writer(false).file(ifd0);
    }

    static byte[] bigTiff(Ifd ifd0) {
        return new Writer(true).file(ifd0);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static final class Writer {
        private final boolean big;
        private final ByteBuffer out = le(4 << 20);

        Writer(boolean big) {
            this.big = big;
        }

        byte[] file(Ifd ifd0) {
            out.put((byte) 'I').put((byte) 'I');
            if (big) {
                out.putShort((short) 43).putShort((short) 8).putShort((short) 0);
                int slot = out.position();
                out.putLong(0);
                out.putLong(slot, write(ifd0));
            } else {
                out.putShort((short) 42);
                int slot = out.position();
                out.putInt(0);
                out.putInt(slot, (int) write(ifd0));
            }
            return Arrays.copyOf(out.array(), out.position());
        }

        private int offsetSize() {
            return big ? 8 : 4;
        }

        private void putOffset(int at, long value) {
            if (big) {
                out.putLong(at, value);
            } else {
                out.putInt(at, (int) value);
            }
        }

        private long write(Ifd ifd) {
            if (out.position() % 2 != 0) {
                out.put((byte) 0);
            }
            List<Entry> entries = new ArrayList<>(ifd.entries);
            entries.sort(Comparator.comparingInt(Entry::tag));
            int at = out.position();
            int countSize = big ? 8 : 2;
            int entrySize = big ? 20 : 12;
            if (big) {
                out.putLong(entries.size());
            } else {
                out.putShort((short) entries.size());
            }
            out.position(at + countSize + entries.size() * entrySize + offsetSize());
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                int slot = at + countSize + i * entrySize;
                out.putShort(slot, (short) entry.tag());
                out.putShort(slot + 2, (short) (entry.child() != null && big ? LONG8 : entry.type()));
                int valueSlot = slot + 4 + offsetSize();
                if (big) {
                    out.putLong(slot + 4, entry.count());
                } else {
                    out.putInt(slot + 4, (int) entry.count());
                }
                if (entry.rawOffset() != null) {
                    putOffset(valueSlot, entry.rawOffset());
                } else if (entry.child() != null) {
                    putOffset(valueSlot, write(entry.child()));
                } else if (entry.value().length <= offsetSize()) {
                    out.put(valueSlot, entry.value());
                } else {
                    if (out.position() % 2 != 0) {
                        out.put((byte) 0);
                    }
                    putOffset(valueSlot, out.position());
                    out.put(entry.value());
                }
            }
            int nextSlot = at + countSize + entries.size() * entrySize;
            if (ifd.nextIsItself) {
                putOffset(nextSlot, at);
            } else if (ifd.next != null) {
                putOffset(nextSlot, write(ifd.next));
            }
            return at;
        }
    }
}
