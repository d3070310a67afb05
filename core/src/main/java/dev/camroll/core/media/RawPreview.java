package dev.camroll.core.media;

import dev.camroll.core.metadata.MediaFormat;
import dev.camroll.core.metadata.RafHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The largest JPEG preview a raw file carries. A RAF names its one JPEG in its header ({@link
 * RafHeader}). A CR3 keeps its previews in ISO-BMFF boxes ({@link
 * Cr3Preview}). An ORF's is named by its Olympus maker note ({@link OrfPreview}). A TIFF-based
 * raw file (DNG, CR2, NEF, ARW, ORF, RW2) carries them as cameras do:
 * keep one, often full-size, beside the sensor data, in IFD0, its chain or its SubIFDs, named by
 * JPEGInterchangeFormat (0x201) and its length, Panasonic's JpgFromRaw (0x2E, the JPEG as the
 * tag's value), or as the single strip of a JPEG-compressed
 * image. Only baseline or progressive 8-bit JPEGs count (a DNG's lossless-JPEG sensor data is
 * not a picture). Every count and offset is checked against the file, and the walk is bounded,
 * so a hostile file costs a few reads.
 */
final class RawPreview {

    /** A preview found: where its bytes are, and the size its JPEG header says. */
    record Found(long offset, int length, int width, int height) {}

    private static final int MAX_IFDS = 64;
    private static final int MAX_ENTRIES = 1_000;

    private static final int COMPRESSION = 0x0103;
    private static final int STRIP_OFFSETS = 0x0111;
    private static final int STRIP_BYTE_COUNTS = 0x0117;
    private static final int SUB_IFDS = 0x014A;
    private static final int JPEG_OFFSET = 0x0201;
    private static final int JPEG_LENGTH = 0x0202;
    /** Panasonic's JpgFromRaw: an RW2's preview is the value of this IFD0 tag (type UNDEFINED). */
    private static final int PANASONIC_JPEG = 0x002E;

    private final FileChannel channel;
    private final long size;
    private ByteOrder order;

    private RawPreview(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    /** The largest preview of a raw file of {@code format}, if it has a usable one. */
    static Optional<Found> largest(Path file, MediaFormat format) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            if (format == MediaFormat.CR3) {
                return Cr3Preview.largest(channel);
            }
            if (format == MediaFormat.RAF) {
                // Fujifilm keeps one JPEG, named by the header; the sensor data has no other.
                RafHeader.Range jpeg = RafHeader.jpeg(channel);
                return jpeg == null
                        ? Optional.empty()
                        : Optional.ofNullable(PreviewJpeg.at(channel, channel.size(), jpeg.offset(), jpeg.length()));
            }
            Optional<Found> tiff = new RawPreview(channel).find();
            if (format == MediaFormat.ORF) {
                // Olympus keeps its preview in the maker note, where the walk of IFDs does not go.
                Optional<Found> olympus = OrfPreview.find(channel);
                if (olympus.isPresent() && (tiff.isEmpty() || pixels(olympus.get()) > pixels(tiff.get()))) {
                    return olympus;
                }
            }
            return tiff;
        }
    }

    /** The preview's bytes. */
    static byte[] read(Path file, Found preview) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer bytes = ByteBuffer.allocate(preview.length());
            while (bytes.hasRemaining() && channel.read(bytes, preview.offset() + bytes.position()) > 0) {
                // read on
            }
            if (bytes.hasRemaining()) {
                throw new IOException("the preview ends past the file");
            }
            return bytes.array();
        }
    }

    private Optional<Found> find() throws IOException {
        ByteBuffer header = bytesAt(0, 8);
        if (header == null) {
            return Optional.empty();
        }
        if (header.get(0) == 'I' && header.get(1) == 'I') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (header.get(0) == 'M' && header.get(1) == 'M') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            return Optional.empty();
        }
        header.order(order);
        ArrayDeque<Long> toVisit = new ArrayDeque<>();
        toVisit.add(Integer.toUnsignedLong(header.getInt(4)));
        Set<Long> visited = new HashSet<>();
        Found best = null;
        while (!toVisit.isEmpty() && visited.size() < MAX_IFDS) {
            long offset = toVisit.poll();
            if (offset < 8 || offset >= size || !visited.add(offset)) {
                continue;
            }
            Found found = visit(offset, toVisit);
            if (found != null && (best == null || pixels(found) > pixels(best))) {
                best = found;
            }
        }
        return Optional.ofNullable(best);
    }

    private static long pixels(Found found) {
        return (long) found.width() * found.height();
    }

    /** Reads one IFD: queues its SubIFDs and the next IFD, and gives the JPEG it names, if any. */
    private Found visit(long offset, ArrayDeque<Long> toVisit) throws IOException {
        ByteBuffer countBytes = bytesAt(offset, 2);
        if (countBytes == null) {
            return null;
        }
        int count = Short.toUnsignedInt(countBytes.getShort(0));
        if (count == 0 || count > MAX_ENTRIES) {
            return null;
        }
        ByteBuffer entries = bytesAt(offset + 2, count * 12 + 4);
        if (entries == null) {
            return null;
        }
        long jpegOffset = -1;
        long jpegLength = -1;
        long stripOffset = -1;
        long stripLength = -1;
        long panasonicOffset = -1;
        long panasonicLength = -1;
        int compression = 1;
        for (int i = 0; i < count; i++) {
            int at = i * 12;
            int tag = Short.toUnsignedInt(entries.getShort(at));
            int type = Short.toUnsignedInt(entries.getShort(at + 2));
            long values = Integer.toUnsignedLong(entries.getInt(at + 4));
            long value = type == 3
                    ? Short.toUnsignedInt(entries.getShort(at + 8))
                    : Integer.toUnsignedLong(entries.getInt(at + 8));
            switch (tag) {
                case JPEG_OFFSET -> jpegOffset = value;
                case JPEG_LENGTH -> jpegLength = value;
                case COMPRESSION -> compression = (int) value;
                case STRIP_OFFSETS -> stripOffset = values == 1 ? value : -1;
                case STRIP_BYTE_COUNTS -> stripLength = values == 1 ? value : -1;
                case SUB_IFDS -> queueSubIfds(values, value, toVisit);
                case PANASONIC_JPEG -> {
                    panasonicOffset = value;
                    panasonicLength = values;
                }
                default -> {
                    // not about previews
                }
            }
        }
        toVisit.add(Integer.toUnsignedLong(entries.getInt(count * 12)));
        Found named = jpegAt(jpegOffset, jpegLength);
        Found panasonic = jpegAt(panasonicOffset, panasonicLength);
        if (panasonic != null && (named == null || pixels(panasonic) > pixels(named))) {
            named = panasonic;
        }
        if (named != null) {
            return named;
        }
        return compression == 6 || compression == 7 ? jpegAt(stripOffset, stripLength) : null;
    }

    private void queueSubIfds(long count, long value, ArrayDeque<Long> toVisit) throws IOException {
        if (count == 1) {
            toVisit.add(value);
            return;
        }
        if (count > MAX_IFDS) {
            return;
        }
        ByteBuffer offsets = bytesAt(value, (int) count * 4);
        if (offsets == null) {
            return;
        }
        for (int i = 0; i < count; i++) {
            toVisit.add(Integer.toUnsignedLong(offsets.getInt(i * 4)));
        }
    }

    private ByteBuffer bytesAt(long offset, int length) throws IOException {
        ByteBuffer buffer = PreviewJpeg.bytesAt(channel, size, offset, length);
        return buffer == null || order == null ? buffer : buffer.order(order);
    }

    private Found jpegAt(long offset, long length) throws IOException {
        return PreviewJpeg.at(channel, size, offset, length);
    }
}
