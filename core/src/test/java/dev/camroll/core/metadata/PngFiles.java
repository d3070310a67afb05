package dev.camroll.core.metadata;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Builds PNG files chunk by chunk, bombs included (compressed chunks that inflate to gigabytes). */
final class PngFiles {

    /** What a bomb inflates to: more than a Java array can hold. */
    static final long BOMB_INFLATED_BYTES = 3L << 30;

    private static final int SEGMENT = 16 << 20;
    private static byte[] bombStream;

    private PngFiles() {}

    /** A 1x1 grey PNG with the given chunks between its header and its image data. */
    static byte[] png(byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PngChunks.SIGNATURE);
        out.writeBytes(chunk(
                "IHDR",
                ByteBuffer.allocate(13).putInt(1).putInt(1).put((byte) 8).array()));
        for (byte[] chunk : chunks) {
            out.writeBytes(chunk);
        }
        out.writeBytes(chunk("IDAT", deflate(new byte[] {0, 0x7F})));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    static byte[] chunk(String type, byte[] data) {
        return chunk(type, data, data.length);
    }

    /** A chunk whose length field says {@code declaredLength}, whatever it holds. */
    static byte[] chunk(String type, byte[] data, long declaredLength) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt((int) declaredLength)
                .put(typeBytes)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }

    static byte[] text(String keyword, String text) {
        return chunk("tEXt", concat(latin1(keyword), new byte[] {0}, latin1(text)));
    }

    static byte[] zTxt(String keyword, byte[] zlib) {
        return chunk("zTXt", concat(latin1(keyword), new byte[] {0, 0}, zlib));
    }

    static byte[] iTxt(String keyword, byte[] zlib) {
        // keyword, NUL, compressed, deflate, empty language, NUL, empty translated keyword, NUL
        return chunk("iTXt", concat(latin1(keyword), new byte[] {0, 1, 0, 0, 0}, zlib));
    }

    static byte[] iTxtUncompressed(String keyword, String text) {
        return chunk(
                "iTXt", concat(latin1(keyword), new byte[] {0, 0, 0, 0, 0}, text.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] iCcp(byte[] zlib) {
        return chunk("iCCP", concat(latin1("icc"), new byte[] {0, 0}, zlib));
    }

    /** An eXIf chunk: the TIFF structure of EXIF, as in a JPEG's APP1 after "Exif\0\0". */
    static byte[] eXIf(byte[] tiff) {
        return chunk("eXIf", tiff);
    }

    /** The TIFF structure inside a JPEG's EXIF segment. */
    static byte[] exifOfJpeg(byte[] jpeg) {
        for (int at = 2; at + 4 < jpeg.length; ) {
            int marker = jpeg[at + 1] & 0xFF;
            int length = (jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF;
            if (marker == 0xE1 && new String(jpeg, at + 4, 4, StandardCharsets.ISO_8859_1).equals("Exif")) {
                return Arrays.copyOfRange(jpeg, at + 10, at + 2 + length);
            }
            at += 2 + length;
        }
        throw new IllegalArgumentException("no EXIF segment");
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(9);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /**
     * A zlib stream of {@link #BOMB_INFLATED_BYTES} zeros, about 3 MB. Deflating gigabytes would
     * take seconds, so it is made of one segment repeated: after a sync flush, each further segment
     * of zeros compresses to the same bytes, and the stream ends with an empty final block and the
     * Adler-32 of all those zeros.
     */
    static synchronized byte[] bombStream() {
        if (bombStream != null) {
            return bombStream;
        }
        Deflater deflater = new Deflater(9);
        byte[] zeros = new byte[SEGMENT];
        byte[] first = flushed(deflater, zeros);
        byte[] repeated = flushed(deflater, zeros);
        if (!Arrays.equals(repeated, flushed(deflater, zeros))) {
            throw new IllegalStateException("segments of zeros do not compress alike");
        }
        deflater.end();
        long segments = BOMB_INFLATED_BYTES / SEGMENT;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        for (long i = 1; i < segments; i++) {
            out.writeBytes(repeated);
        }
        long adlerB = BOMB_INFLATED_BYTES % 65521;
        out.writeBytes(new byte[] {0x03, 0x00});
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) (adlerB << 16 | 1)).array());
        bombStream = out.toByteArray();
        return bombStream;
    }

    private static byte[] flushed(Deflater deflater, byte[] input) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
