package dev.camroll.core.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Checks that the bytes a raw file names as its preview are a JPEG worth showing: whole inside the
 * file, no larger than {@link #MAX_PREVIEW_BYTES}, starting with SOI and reaching a baseline or
 * progressive 8-bit frame header within its first 64 KiB. Anything else (an offset past the end,
 * a huge length, sensor data in lossless JPEG, bytes that are no JPEG) is no preview, so a hostile
 * file costs a few bounded reads and never an exception.
 */
final class PreviewJpeg {

    static final int MAX_PREVIEW_BYTES = 64 << 20;
    private static final int HEADER_BYTES = 64 * 1024;

    private PreviewJpeg() {}

    /** The preview at {@code offset}, or null when those bytes are not a whole picture. */
    static RawPreview.Found at(FileChannel channel, long fileSize, long offset, long length) throws IOException {
        if (offset <= 0 || length < 4 || length > MAX_PREVIEW_BYTES || offset + length > fileSize) {
            return null;
        }
        int headerLength = (int) Math.min(length, HEADER_BYTES);
        ByteBuffer head = bytesAt(channel, fileSize, offset, headerLength);
        if (head == null || Short.toUnsignedInt(head.getShort(0)) != 0xFFD8) {
            return null;
        }
        int at = 2;
        while (at + 4 <= headerLength) {
            if (Byte.toUnsignedInt(head.get(at)) != 0xFF) {
                return null;
            }
            int marker = Byte.toUnsignedInt(head.get(at + 1));
            int segment = Short.toUnsignedInt(head.getShort(at + 2));
            if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
                if (at + 9 > headerLength || head.get(at + 4) != 8) {
                    return null;
                }
                int height = Short.toUnsignedInt(head.getShort(at + 5));
                int width = Short.toUnsignedInt(head.getShort(at + 7));
                return width > 0 && height > 0 ? new RawPreview.Found(offset, (int) length, width, height) : null;
            }
            if (marker >= 0xC3 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return null; // lossless or arithmetic: sensor data, not a preview
            }
            if (marker == 0xDA || segment < 2) {
                return null;
            }
            at += 2 + segment;
        }
        return null;
    }

    /** {@code length} bytes at {@code offset}, big-endian, or null when they are not all in the file. */
    static ByteBuffer bytesAt(FileChannel channel, long fileSize, long offset, int length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > fileSize) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                return null;
            }
        }
        buffer.flip();
        return buffer.order(ByteOrder.BIG_ENDIAN);
    }
}
