package dev.camroll.core.metadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a BigTIFF's first page, with its EXIF, GPS and interoperability directories, and writes
 * them out as a classic TIFF for metadata-extractor, which knows only 32-bit offsets. Image data is
 * not copied (strip and tile offsets are left out), so the copy is small; every declared count and
 * offset is checked against the file before anything is read, and each directory is visited once.
 */
final class BigTiff {

    private static final int TAG_STRIP_OFFSETS = 0x111;
    private static final int TAG_STRIP_BYTE_COUNTS = 0x117;
    private static final int TAG_TILE_OFFSETS = 0x144;
    private static final int TAG_TILE_BYTE_COUNTS = 0x145;
    private static final Set<Integer> SUB_IFD_TAGS = Set.of(0x8769, 0x8825, 0xA005);

    private static final int TYPE_LONG = 4;
    private static final int TYPE_LONG8 = 16;
    private static final int TYPE_SLONG8 = 17;
    private static final int TYPE_IFD8 = 18;
    private static final int[] TYPE_SIZES = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8};

    /** More entries than any camera writes in one directory. */
    private static final int MAX_ENTRIES = 4096;

    private static final int MAX_VALUE_BYTES = 1 << 20;
    private static final int MAX_DEPTH = 3;
    private static final int MAX_COPY_BYTES = 16 << 20;

    private final FileChannel channel;
    private final long size;
    private final ByteOrder order;
    private final Consumer<String> warn;
    private final Set<Long> visited = new HashSet<>();
    private long copied;

    private BigTiff(FileChannel channel, ByteOrder order, Consumer<String> warn) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        this.order = order;
        this.warn = warn;
    }

    /** Whether a TIFF header is BigTIFF's (version 43). */
    static boolean isBigTiff(ContentSniffer.Bytes header) {
        return header.startsWith(0, 'I', 'I', 43, 0) || header.startsWith(0, 'M', 'M', 0, 43);
    }

    /** The first page and its sub-directories as a classic TIFF, or null when nothing could be read. */
    static byte[] firstPageAsClassicTiff(Path file, Consumer<String> warn) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(16);
            channel.read(header, 0);
            ByteOrder order = header.get(0) == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            header.order(order);
            if (header.position() < 16 || header.getShort(4) != 8) {
                warn.accept("BigTIFF header is not valid");
                return null;
            }
            BigTiff reader = new BigTiff(channel, order, warn);
            Directory ifd0 = reader.directory(header.getLong(8), 0);
            return ifd0 == null ? null : new ClassicWriter(order).file(ifd0);
        }
    }

    /** An entry as a classic TIFF holds it: value bytes in the file's byte order, or a sub-directory. */
    record Entry(int tag, int type, long count, byte[] value, Directory child) {}

    record Directory(List<Entry> entries) {}

    private Directory directory(long offset, int depth) throws IOException {
        if (depth > MAX_DEPTH || !visited.add(offset) || offset < 16 || offset + 8 > size) {
            warn.accept("BigTIFF directory at " + offset + " is out of the file or read twice");
            return null;
        }
        long count = read(offset, 8).getLong(0);
        if (count > MAX_ENTRIES || offset + 8 + count * 20 > size) {
            warn.accept("BigTIFF directory declares " + count + " entries, more than the file holds");
            return null;
        }
        ByteBuffer table = read(offset + 8, (int) count * 20);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Entry entry = entry(table, i * 20, depth);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return new Directory(entries);
    }

    private Entry entry(ByteBuffer table, int at, int depth) throws IOException {
        int tag = table.getShort(at) & 0xFFFF;
        int type = table.getShort(at + 2) & 0xFFFF;
        long count = table.getLong(at + 4);
        if (tag == TAG_STRIP_OFFSETS
                || tag == TAG_STRIP_BYTE_COUNTS
                || tag == TAG_TILE_OFFSETS
                || tag == TAG_TILE_BYTE_COUNTS
                || type >= TYPE_SIZES.length
                || TYPE_SIZES[type] == 0
                || count < 0) {
            return null;
        }
        if (SUB_IFD_TAGS.contains(tag)) {
            long offset = type == TYPE_LONG ? table.getInt(at + 12) & 0xFFFFFFFFL : table.getLong(at + 12);
            Directory child = directory(offset, depth + 1);
            return child == null ? null : new Entry(tag, TYPE_LONG, 1, null, child);
        }
        long length = count * TYPE_SIZES[type];
        if (count > MAX_VALUE_BYTES || length > MAX_VALUE_BYTES || copied + length > MAX_COPY_BYTES) {
            warn.accept("BigTIFF tag " + tag + " declares " + count + " values; left out");
            return null;
        }
        ByteBuffer value;
        if (length <= 8) {
            value = table.slice(at + 12, (int) length).order(order);
        } else {
            long offset = table.getLong(at + 12);
            if (offset < 0 || offset + length > size) {
                warn.accept("BigTIFF tag " + tag + " points past the end of the file; left out");
                return null;
            }
            value = read(offset, (int) length);
        }
        copied += length;
        if (type == TYPE_LONG8 || type == TYPE_SLONG8 || type == TYPE_IFD8) {
            return narrowed(tag, count, value);
        }
        byte[] bytes = new byte[(int) length];
        value.get(0, bytes);
        return new Entry(tag, type, count, bytes, null);
    }

    /** 64-bit integers as classic LONGs, when they fit (sizes and counts do; offsets are left out). */
    private Entry narrowed(int tag, long count, ByteBuffer value) {
        ByteBuffer longs = ByteBuffer.allocate((int) count * 4).order(order);
        for (int i = 0; i < count; i++) {
            long v = value.getLong(i * 8);
            if (v < 0 || v > 0xFFFFFFFFL) {
                return null;
            }
            longs.putInt((int) v);
        }
        return new Entry(tag, TYPE_LONG, count, longs.array(), null);
    }

    private ByteBuffer read(long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(order);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("BigTIFF ends early");
            }
        }
        return buffer.flip();
    }

    /** Writes directories as a classic TIFF: an 8-byte header, then each directory and its values. */
    private static final class ClassicWriter {
        private final ByteOrder order;
        private ByteBuffer out;

        ClassicWriter(ByteOrder order) {
            this.order = order;
        }

        byte[] file(Directory ifd0) {
            out = ByteBuffer.allocate(1024).order(order);
            out.put(order == ByteOrder.BIG_ENDIAN ? (byte) 'M' : (byte) 'I');
            out.put(order == ByteOrder.BIG_ENDIAN ? (byte) 'M' : (byte) 'I');
            out.putShort((short) 42).putInt(8);
            write(ifd0);
            byte[] bytes = new byte[out.position()];
            out.get(0, bytes);
            return bytes;
        }

        private int write(Directory directory) {
            List<Entry> entries = directory.entries();
            align();
            int at = out.position();
            ensure(2 + entries.size() * 12 + 4);
            out.putShort((short) entries.size());
            out.position(at + 2 + entries.size() * 12 + 4);
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                int slot = at + 2 + i * 12;
                out.putShort(slot, (short) entry.tag());
                out.putShort(slot + 2, (short) entry.type());
                out.putInt(slot + 4, (int) entry.count());
                if (entry.child() != null) {
                    out.putInt(slot + 8, write(entry.child()));
                } else if (entry.value().length <= 4) {
                    out.put(slot + 8, entry.value());
                } else {
                    align();
                    ensure(entry.value().length);
                    out.putInt(slot + 8, out.position());
                    out.put(entry.value());
                }
            }
            return at;
        }

        private void align() {
            if (out.position() % 2 != 0) {
                ensure(1);
                out.put((byte) 0);
            }
        }

        private void ensure(int more) {
            if (out.remaining() < more) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + more))
                        .order(order);
                larger.put(out.flip());
                out = larger;
            }
        }
    }
}
