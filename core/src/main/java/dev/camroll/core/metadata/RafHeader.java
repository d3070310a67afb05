package dev.camroll.core.metadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The header of a Fujifilm RAF, as ExifTool's FujiFilm tags and LibRaw describe it: the magic
 * {@code FUJIFILMCCD-RAW }, format version, camera id and name, then at byte 84 the offset and
 * length of the camera's JPEG (big-endian), which holds the EXIF, followed by those of the CFA
 * header and the sensor data. The JPEG must lie whole in the file.
 */
public final class RafHeader {

    static final String MAGIC = "FUJIFILMCCD-RAW";
    private static final int JPEG_POINTER = 84;

    /** Where the embedded JPEG lies. */
    public record Range(long offset, long length) {}

    private RafHeader() {}

    /** The embedded JPEG's range, or null when the file is no RAF or names none inside it. */
    public static Range jpeg(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < JPEG_POINTER + 8) {
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate(JPEG_POINTER + 8);
        while (header.hasRemaining()) {
            if (channel.read(header, header.position()) < 0) {
                return null;
            }
        }
        byte[] magic = new byte[MAGIC.length()];
        header.get(0, magic);
        if (!new String(magic, java.nio.charset.StandardCharsets.US_ASCII).equals(MAGIC)) {
            return null;
        }
        long offset = Integer.toUnsignedLong(header.getInt(JPEG_POINTER));
        long length = Integer.toUnsignedLong(header.getInt(JPEG_POINTER + 4));
        if (offset < JPEG_POINTER + 8 || length < 4 || offset + length > size) {
            return null;
        }
        return new Range(offset, length);
    }
}
