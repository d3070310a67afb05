package dev.camroll.core.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A little-endian TIFF of one IFD, as TIFF 6.0 lays it out: the header, the IFD's entries in tag
 * order, then the values longer than four bytes. CR3's CMT boxes are such files.
 */
final class LittleTiff {
    private record Entry(int tag, int type, int count, byte[] value) {}

    private final List<Entry> entries = new ArrayList<>();

    LittleTiff ascii(int tag, String text) {
        byte[] bytes = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        entries.add(new Entry(tag, 2, bytes.length, bytes));
        return this;
    }

    LittleTiff shortValue(int tag, int value) {
        entries.add(new Entry(tag, 3, 1, le(2).putShort((short) value).array()));
        return this;
    }

    /** Rationals, each given as numerator and denominator. */
    LittleTiff rationals(int tag, long... parts) {
        ByteBuffer bytes = le(parts.length * 4);
        for (long part : parts) {
            bytes.putInt((int) part);
        }
        entries.add(new Entry(tag, 5, parts.length / 2, bytes.array()));
        return this;
    }

    byte[] bytes() {
        entries.sort((a, b) -> Integer.compare(a.tag(), b.tag()));
        int valuesAt = 8 + 2 + entries.size() * 12 + 4;
        ByteArrayOutputStream values = new ByteArrayOutputStream();
        ByteBuffer ifd = le(valuesAt);
        ifd.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        ifd.putShort((short) entries.size());
        for (Entry entry : entries) {
            ifd.putShort((short) entry.tag()).putShort((short) entry.type()).putInt(entry.count());
            if (entry.value().length <= 4) {
                ifd.put(java.util.Arrays.copyOf(entry.value(), 4));
            } else {
                ifd.putInt(valuesAt + values.size());
                values.writeBytes(entry.value());
                if (values.size() % 2 == 1) {
                    values.write(0);
                }
            }
        }
        ifd.putInt(0);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(ifd.array());
        file.writeBytes(values.toByteArray());
        return file.toByteArray();
    }

    private static ByteBuffer le(int length) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    }
}
