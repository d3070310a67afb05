package dev.camroll.core.library;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only channel over a range of another: the MP4 inside a Motion Photo, served as a file of
 * its own (its positions count from the range's start, its size is the range's length).
 */
final class ByteWindow implements SeekableByteChannel {
    private final SeekableByteChannel file;
    private final long offset;
    private final long length;
    private long position;

    ByteWindow(SeekableByteChannel file, long offset, long length) {
        this.file = file;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        long left = length - position;
        if (left <= 0) {
            return -1;
        }
        ByteBuffer slice = target.remaining() > left ? target.slice().limit((int) left) : target;
        file.position(offset + position);
        int read = file.read(slice);
        if (read > 0) {
            position += read;
            if (slice != target) {
                target.position(target.position() + read);
            }
        }
        return read;
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return length;
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
