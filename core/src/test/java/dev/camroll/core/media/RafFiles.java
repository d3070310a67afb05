package dev.camroll.core.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Fujifilm RAF files as ExifTool's FujiFilm RAF tags and LibRaw read them: the 16-byte magic
 * {@code FUJIFILMCCD-RAW }, the format version, an 8-byte camera id and a 32-byte camera name,
 * the directory version and 20 unknown bytes, then at byte 84 six big-endian numbers: the JPEG's
 * offset and length, the CFA header's, the CFA's. The JPEG follows at byte 148 as cameras put
 * it; a few bytes stand in for the CFA header and sensor data.
 */
final class RafFiles {
    static final int JPEG_AT = 148;

    private RafFiles() {}

    static byte[] raf(byte[] jpeg) {
        return raf(jpeg, JPEG_AT, jpeg.length);
    }

    /** A RAF whose header names the JPEG at {@code offsetClaimed} with {@code lengthClaimed} bytes. */
    static byte[] raf(byte[] jpeg, long offsetClaimed, long lengthClaimed) {
        int cfaHeaderAt = JPEG_AT + jpeg.length;
        ByteBuffer file = ByteBuffer.allocate(cfaHeaderAt + 64);
        file.put(ascii("FUJIFILMCCD-RAW ", 16)).put(ascii("0201", 4)).put(ascii("FF129502", 8));
        file.put(ascii("X-T3", 32)).put(ascii("0100", 4)).put(new byte[20]);
        file.putInt((int) offsetClaimed).putInt((int) lengthClaimed);
        file.putInt(cfaHeaderAt).putInt(32).putInt(cfaHeaderAt + 32).putInt(32);
        file.position(JPEG_AT);
        file.put(jpeg);
        return file.array();
    }

    private static byte[] ascii(String text, int length) {
        return java.util.Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), length);
    }
}
