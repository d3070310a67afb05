package dev.camroll.core.media.redact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** The location in a WebP (RIFF) file: the GPS IFD of its {@code EXIF} chunk and its {@code XMP } chunk. */
final class WebpLocation {
    private static final byte[] EXIF_PREFIX = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int MAX_CHUNKS = 10_000;

    private WebpLocation() {}

    static void redact(FileBytes file, PatchList patches) throws IOException {
        byte[] head = file.read(0, 12);
        if (head.length < 12
                || !new String(head, 0, 4, StandardCharsets.ISO_8859_1).equals("RIFF")
                || !new String(head, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
            return;
        }
        long at = 12;
        for (int chunks = 0; chunks < MAX_CHUNKS && at + 8 <= file.size(); chunks++) {
            byte[] chunk = file.read(at, 8);
            String type = new String(chunk, 0, 4, StandardCharsets.ISO_8859_1);
            long length = Integer.toUnsignedLong(
                    ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN).getInt(4));
            long data = at + 8;
            long end = Math.min(file.size(), data + length);
            if (type.equals("EXIF")) {
                long tiff = JpegLocation.startsWith(file.read(data, 6), EXIF_PREFIX) ? data + 6 : data;
                TiffLocation.redact(file, patches, tiff, end);
            } else if (type.equals("XMP ")) {
                XmpLocation.redact(file.read(data, end - data), data, patches);
            }
            at = data + length + (length % 2);
        }
    }
}
