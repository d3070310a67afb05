package dev.camroll.core.media.redact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A file read with a {@link Redaction} laid over it: the same length, every byte the same but
 * the patched ones, at any position (so a range of it is the same range of the redacted file).
 * Read-only; closing it closes the file.
 */
public final class RedactedChannel implements SeekableByteChannel {
    private final SeekableByteChannel file;
    private final Redaction redaction;

    public RedactedChannel(SeekableByteChannel file, Redaction redaction) {
        this.file = file;
        this.redaction = redaction;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        long position = file.position();
        int at = dst.position();
        int read = file.read(dst);
        if (read > 0) {
            redaction.overlay(position, dst, at, read);
        }
        return read;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        file.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return file.isOpen();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
