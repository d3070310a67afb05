package dev.camroll.core.metadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * The head of a JPEG as the index needs it: the frame size from the SOFn segment and where the TIFF
 * block of the EXIF (APP1) segment lies, found in one pass up to the first scan. The head is read
 * from the file in large positional reads into one buffer per thread (one read for most camera
 * files: their head is well under {@value #FIRST_READ} bytes), which is what keeps a scan of small
 * camera files from being a string of small reads.
 *
 * <p>Only the plain layout is taken: a head that is in any way out of the ordinary (fill bytes, two
 * frame headers, two EXIF segments, a segment cut short, no frame header, more than {@value
 * #MAX_HEAD} bytes before the first scan) yields null, and the caller reads the file with
 * metadata-extractor, which knows what to make of it.
 */
final class JpegSegments {
    static final int FIRST_READ = 64 * 1024;
    static final int MAX_HEAD = 1024 * 1024;

    private static final int SOI = 0xD8;
    private static final int SOS = 0xDA;
    private static final int APP1 = 0xE1;
    private static final int DHT = 0xC4;
    private static final int JPG = 0xC8;
    private static final int DAC = 0xCC;
    private static final byte[] EXIF_PREAMBLE = {'E', 'x', 'i', 'f', 0, 0};
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[FIRST_READ]);

    /**
     * What was found. {@code bytes} is the reading thread's buffer: valid until its next {@link
     * #read}, and not to be kept.
     *
     * @param exifStart where the EXIF segment's TIFF block starts in {@code bytes}, or -1 when there
     *     is no EXIF segment
     * @param xmpStart where the first XMP (APP1) segment's payload starts in {@code bytes}, or -1
     */
    record Head(int width, int height, byte[] bytes, int exifStart, int exifLength, int xmpStart, int xmpLength) {}

    private final FileChannel channel;
    private byte[] bytes;
    private int filled;

    private JpegSegments(FileChannel channel, byte[] header, int headerLength) {
        this.channel = channel;
        this.bytes = BUFFERS.get();
        System.arraycopy(header, 0, bytes, 0, Math.min(headerLength, bytes.length));
        this.filled = Math.min(headerLength, bytes.length);
    }

    /**
     * Reads the head of an open JPEG; null when it is not of the plain layout.
     *
     * @param header the file's first bytes, already read
     */
    static Head read(FileChannel channel, byte[] header, int headerLength) throws IOException {
        return new JpegSegments(channel, header, headerLength).readHead();
    }

    private Head readHead() throws IOException {
        if (!has(2) || u8(0) != 0xFF || u8(1) != SOI) {
            return null;
        }
        int at = 2;
        int frame = -1;
        int exifStart = -1;
        int exifLength = 0;
        int xmpStart = -1;
        int xmpLength = 0;
        while (true) {
            if (!has(at + 2) || u8(at) != 0xFF) {
                return null;
            }
            int marker = u8(at + 1);
            if (marker == SOS) {
                break;
            }
            if (!hasLength(marker) || !has(at + 4)) {
                return null; // fill bytes, a restart marker or the end of the image before any scan
            }
            int length = (u8(at + 2) << 8 | u8(at + 3)) - 2;
            int payload = at + 4;
            if (length < 0 || !has(payload + length)) {
                return null;
            }
            if (isFrameHeader(marker)) {
                if (frame >= 0 || !wholeFrameHeader(payload, length)) {
                    return null;
                }
                frame = payload;
            } else if (marker == APP1 && length >= 4 && startsWith(payload, "Exif")) {
                if (exifStart >= 0 || length < EXIF_PREAMBLE.length || u8(payload + 4) != 0 || u8(payload + 5) != 0) {
                    return null; // two EXIF segments, or one with an unusual preamble
                }
                exifStart = payload + EXIF_PREAMBLE.length;
                exifLength = length - EXIF_PREAMBLE.length;
            } else if (marker == APP1 && xmpStart < 0 && startsWith(payload, "http://ns.adobe.com/xap/1.0/")) {
                xmpStart = payload;
                xmpLength = length;
            }
            at = payload + length;
        }
        if (frame < 0) {
            return null;
        }
        int height = u8(frame + 1) << 8 | u8(frame + 2);
        int width = u8(frame + 3) << 8 | u8(frame + 4);
        return new Head(width, height, bytes, exifStart, exifLength, xmpStart, xmpLength);
    }

    /** Precision, height, width, the number of components and three bytes per component. */
    private boolean wholeFrameHeader(int payload, int length) {
        return length >= 6 && length >= 6 + 3 * u8(payload + 5);
    }

    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != DHT && marker != JPG && marker != DAC;
    }

    /** Markers followed by a length: all but SOI, EOI, RSTn, TEM and fill bytes. */
    private static boolean hasLength(int marker) {
        return marker != 0xFF
                && marker != 0x00
                && marker != 0x01
                && marker != SOI
                && marker != 0xD9
                && !(marker >= 0xD0 && marker <= 0xD7);
    }

    private boolean startsWith(int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int u8(int at) {
        return bytes[at] & 0xFF;
    }

    /**
     * Whether the first {@code end} bytes of the file are in the buffer, reading more when they are
     * not: false at the end of the file or past {@link #MAX_HEAD}.
     */
    private boolean has(int end) throws IOException {
        if (end <= filled) {
            return true;
        }
        if (end > MAX_HEAD) {
            return false;
        }
        if (end > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(MAX_HEAD, Math.max(end, 2 * bytes.length)));
        }
        ByteBuffer into = ByteBuffer.wrap(bytes, filled, bytes.length - filled);
        while (filled < end) {
            int read = channel.read(into, filled);
            if (read < 0) {
                return false;
            }
            filled += read;
        }
        return true;
    }
}
