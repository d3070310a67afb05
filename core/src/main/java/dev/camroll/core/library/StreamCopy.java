package dev.camroll.core.library;

import dev.camroll.api.AssetSource;
import dev.camroll.api.InvalidArgumentException;
import dev.camroll.core.metadata.MediaProbe;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A stream source read once: its head for the content check, the rest straight into the temporary
 * file of the write, counted against its size limit and announced length. Any refusal or failure
 * is thrown as the copy goes, so that the write removes its temporary file and keeps nothing.
 */
final class StreamCopy {
    private static final int BUFFER_BYTES = 64 * 1024;

    private StreamCopy() {}

    /** The first bytes of the stream (fewer when it is shorter), after checking its announced length. */
    static byte[] head(AssetSource.FromStream stream, String name) {
        if (stream.lengthKnown() && stream.expectedLength() > stream.maxBytes()) {
            throw tooLarge(stream, name, stream.expectedLength() + " bytes announced");
        }
        byte[] head;
        try {
            head = stream.in().readNBytes(MediaProbe.SNIFF_BYTES);
        } catch (IOException e) {
            throw new WriteException("reading " + name + " failed before its first bytes: " + e.getMessage(), e);
        }
        check(stream, name, head.length, head.length < MediaProbe.SNIFF_BYTES);
        return head;
    }

    /** Copies what follows the head into {@code out}; {@code read} bytes were read already. */
    static void rest(AssetSource.FromStream stream, String name, long read, FileChannel out) throws IOException {
        if (read < MediaProbe.SNIFF_BYTES) {
            return; // the head was the whole stream, and its end was checked
        }
        byte[] buffer = new byte[BUFFER_BYTES];
        long total = read;
        while (true) {
            int n;
            try {
                n = stream.in().read(buffer);
            } catch (IOException e) {
                throw new WriteException(
                        "reading " + name + " failed after " + total + " bytes: " + e.getMessage()
                                + "; nothing was kept",
                        e);
            }
            if (n < 0) {
                check(stream, name, total, true);
                return;
            }
            total += n;
            check(stream, name, total, false);
            AssetCreation.writeFully(out, ByteBuffer.wrap(buffer, 0, n));
        }
    }

    /** Refuses a stream past its limit or its announced length, or one that ended before it. */
    private static void check(AssetSource.FromStream stream, String name, long total, boolean ended) {
        if (total > stream.maxBytes()) {
            throw tooLarge(stream, name, "more than " + stream.maxBytes() + " bytes");
        }
        if (!stream.lengthKnown()) {
            return;
        }
        if (total > stream.expectedLength()) {
            throw InvalidArgumentException.of(
                    "source",
                    name + ": brought more than the " + stream.expectedLength()
                            + " bytes it announced; nothing was kept");
        }
        if (ended && total < stream.expectedLength()) {
            throw InvalidArgumentException.of(
                    "source",
                    name + ": ended after " + total + " of the " + stream.expectedLength()
                            + " bytes it announced; nothing was kept");
        }
    }

    private static InvalidArgumentException tooLarge(AssetSource.FromStream stream, String name, String size) {
        return InvalidArgumentException.tooLarge(
                stream.maxBytes(),
                name + ": " + size + ", past the limit of " + stream.maxBytes() + " bytes; nothing was kept");
    }
}
