package dev.camroll.core.media.redact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;

/**
 * Positional reads of the file being redacted: the redactors read only the metadata structures
 * (a header, an IFD, a box), each bounded by the file's length, never the whole file.
 */
final class FileBytes {
    /** More than any metadata structure a redactor reads at once (an APP1 segment is 64 KiB). */
    static final int MAX_READ = 16 << 20;

    private final SeekableByteChannel channel;
    private final long size;

    /** Null when reading {@link #bytes}. */
    private final byte[] bytes;

    FileBytes(SeekableByteChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        this.bytes = null;
    }

    private FileBytes(byte[] bytes) {
        this.channel = null;
        this.size = bytes.length;
        this.bytes = bytes;
    }

    /** Bytes held in memory read as a file: a structure found encoded inside one (a PNG's hex profile). */
    static FileBytes of(byte[] bytes) {
        return new FileBytes(bytes);
    }

    long size() {
        return size;
    }

    /**
     * Up to {@code length} bytes from {@code offset}: fewer at the end of the file, none outside
     * it or for a length past {@link #MAX_READ}.
     */
    byte[] read(long offset, long length) throws IOException {
        if (offset < 0 || offset >= size || length <= 0) {
            return new byte[0];
        }
        int wanted = (int) Math.min(Math.min(length, size - offset), MAX_READ);
        if (bytes != null) {
            return java.util.Arrays.copyOfRange(bytes, (int) offset, (int) offset + wanted);
        }
        ByteBuffer buffer = ByteBuffer.allocate(wanted);
        if (channel instanceof FileChannel file) {
            while (buffer.hasRemaining()) {
                int read = file.read(buffer, offset + buffer.position());
                if (read < 0) {
                    break;
                }
            }
        } else {
            channel.position(offset);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    break;
                }
            }
        }
        byte[] bytes = buffer.array();
        return buffer.position() == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, buffer.position());
    }

    /** A big-endian view of bytes read. */
    static ByteBuffer big(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    }
}
