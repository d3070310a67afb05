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
 * A fingerprint of a file's content that survives a rename or a move: the SHA-256, cut to 128 bits,
 * of the file size and two samples of 4 KiB, the head and the tail (the whole file when it is at
 * most 8 KiB). It costs one read of 4 KiB and 8 KiB of hashing whatever the file's size, so a
 * multi-GB video is never hashed in full; the head is the header {@link MediaProbe} has read
 * anyway. Two files with the same key are taken to be the same content: a collision needs equal
 * sizes and equal heads and tails, which different photos and videos practically never have (the
 * head holds their metadata, the tail the end of their compressed picture or sound, or their
 * index).
 *
 * <p>Why so little: a JPEG's probe reads little more than its header, so each further read (a
 * system call) and each KiB hashed is a visible share of the scan. Three samples of 16 KiB added
 * about a third to the CPU time of a scan of small JPEGs; head and tail of 4 KiB cost about 12% of
 * its throughput. A middle sample added a read for content that head and tail already tell apart.
 */
public record ContentKey(long high, long low) {
    /** Bytes of each sample: the head is the header the probe sniffs. */
    static final int SAMPLE = ContentSniffer.HEADER_BYTES;

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
            return of(channel, null, 0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The key of an open file, or null when it cannot be read.
     *
     * @param head the file's first bytes when the caller has read them already (else null)
     * @param headLength how many of {@code head} are the file's
     */
    static ContentKey of(FileChannel channel, byte[] head, int headLength) {
        try {
            long size = channel.size();
            MessageDigest digest = sha256();
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(size).flip());
            int headBytes = (int) Math.min(size, SAMPLE);
            if (head != null && headLength >= headBytes) {
                digest.update(head, 0, headBytes);
            } else {
                sample(channel, 0, headBytes, digest);
            }
            // The tail, or what follows the head when the file is at most two samples long.
            long tailStart = Math.max(headBytes, size - SAMPLE);
            if (tailStart < size) {
                sample(channel, tailStart, (int) (size - tailStart), digest);
            }
            ByteBuffer hash = ByteBuffer.wrap(digest.digest());
            return new ContentKey(hash.getLong(), hash.getLong());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Reads {@code length} bytes at {@code position} (positional: the channel's position stays) into the digest. */
    private static void sample(FileChannel channel, long position, int length, MessageDigest digest)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
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
