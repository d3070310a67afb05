package dev.camroll.core.metadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fingerprint of a file's content that survives a rename or a move: the file size and the
 * SHA-256, cut to 128 bits, of at most three samples of 16 KiB (head, middle, tail; the whole file
 * when it is at most 48 KiB). It costs at most 48 KiB of reading whatever the file's size, so a
 * multi-GB video is never hashed in full. Two files with the same key are taken to be the same
 * content: a collision needs equal sizes and equal sampled bytes, which edited files practically
 * never have (an edit rewrites the head's metadata or changes the size).
 */
public record ContentKey(long high, long low) {
    /** Bytes of each sample. */
    static final int SAMPLE = 16 * 1024;

    /** Files up to this size are hashed whole. */
    static final int WHOLE_UP_TO = 3 * SAMPLE;

    /** The 16 bytes stored in the index, big-endian. */
    public byte[] toBytes() {
        return ByteBuffer.allocate(16).putLong(high).putLong(low).array();
    }

    /** The key stored as {@link #toBytes}, or null when {@code bytes} is null or not 16 bytes long. */
    public static ContentKey fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != 16) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new ContentKey(buffer.getLong(), buffer.getLong());
    }

    /**
     * The key of a file, or null when it cannot be read: a file without a key is only never
     * matched, so reading it must not fail the caller.
     */
    public static ContentKey of(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return of(channel);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static ContentKey of(FileChannel channel) throws IOException {
        long size = channel.size();
        MessageDigest digest = sha256();
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(size).flip());
        ByteBuffer buffer = ByteBuffer.allocate(size <= WHOLE_UP_TO ? (int) size : SAMPLE);
        if (size <= WHOLE_UP_TO) {
            sample(channel, 0, buffer, digest);
        } else {
            sample(channel, 0, buffer, digest);
            sample(channel, size / 2 - SAMPLE / 2, buffer, digest);
            sample(channel, size - SAMPLE, buffer, digest);
        }
        ByteBuffer hash = ByteBuffer.wrap(digest.digest());
        return new ContentKey(hash.getLong(), hash.getLong());
    }

    /** Reads {@code buffer.capacity()} bytes at {@code position} into the digest. */
    private static void sample(FileChannel channel, long position, ByteBuffer buffer, MessageDigest digest)
            throws IOException {
        buffer.clear();
        while (buffer.hasRemaining()) {
            // A file that shrank while being read gives a key of what was there; the next scan
            // sees the new size and reads it again.
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        digest.update(buffer.flip());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
    }
}
