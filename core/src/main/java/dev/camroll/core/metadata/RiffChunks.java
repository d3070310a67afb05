package dev.camroll.core.metadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Walks the chunk headers of a RIFF file (WebP) and warns of a chunk that declares more bytes
 * than the file holds. metadata-extractor stops quietly at such a chunk, so whatever follows it
 * (EXIF, XMP) would be missing without a word; only headers are read here, never a payload.
 */
final class RiffChunks {

    /** A WebP has a handful of chunks; an animation some thousands of frames. */
    private static final int MAX_CHUNKS = 100_000;

    private RiffChunks() {}

    static void check(Path file, Consumer<String> warn) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            long position = 12;
            for (int count = 0; count < MAX_CHUNKS && position + 8 <= size; count++) {
                header.clear();
                if (channel.read(header, position) < 8) {
                    return;
                }
                long length = header.getInt(4) & 0xFFFFFFFFL;
                if (length > size - position - 8) {
                    String type = new String(header.array(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
                    warn.accept("RIFF chunk '" + type.replaceAll("[^ -~]", "?") + "' declares " + length
                            + " bytes, more than the file holds; the chunks after it are not read");
                    return;
                }
                // Chunks are padded to an even length.
                position += 8 + length + (length & 1);
            }
        } catch (IOException e) {
            warn.accept("RIFF chunks could not be read: " + MediaProbe.describe(e));
        }
    }
}
