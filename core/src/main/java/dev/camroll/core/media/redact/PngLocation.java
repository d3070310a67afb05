package dev.camroll.core.media.redact;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The location in a PNG: the GPS IFD of its {@code eXIf} chunk, the location properties of
 * its XMP ({@code iTXt} "XML:com.adobe.xmp"; a compressed one cannot be edited in place, so its
 * text becomes spaces, uncompressed) and the profiles ImageMagick spells in hex in text chunks
 * ({@link PngRawProfile}). Each chunk changed gets its CRC computed again. Image data
 * is skipped unread; a chunk longer than the file ends the walk.
 */
final class PngLocation {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] EXIF_PREFIX = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final String XMP_KEYWORD = "XML:com.adobe.xmp";
    private static final int MAX_CHUNKS = 100_000;

    private PngLocation() {}

    static void redact(FileBytes file, PatchList patches) throws IOException {
        if (!Arrays.equals(file.read(0, 8), SIGNATURE)) {
            return;
        }
        long at = 8;
        for (int chunks = 0; chunks < MAX_CHUNKS && at + 12 <= file.size(); chunks++) {
            ByteBuffer head = FileBytes.big(file.read(at, 8));
            long length = Integer.toUnsignedLong(head.getInt(0));
            String type = new String(head.array(), 4, 4, StandardCharsets.ISO_8859_1);
            long data = at + 8;
            if (data + length + 4 > file.size()) {
                return;
            }
            int before = patches.size();
            if (type.equals("eXIf")) {
                long tiff = data;
                if (JpegLocation.startsWith(file.read(data, EXIF_PREFIX.length), EXIF_PREFIX)) {
                    tiff += EXIF_PREFIX.length;
                }
                TiffLocation.redact(file, patches, tiff, data + length);
            } else if (type.equals("tEXt") || type.equals("zTXt") || type.equals("iTXt")) {
                byte[] chunk = length > PngRawProfile.MAX_TEXT
                        ? file.read(data, PngRawProfile.KEYWORD_READ)
                        : file.read(data, length);
                if (length > PngRawProfile.MAX_TEXT) {
                    PngRawProfile.blankLarge(chunk, data, length, patches);
                } else if (!PngRawProfile.redact(type, chunk, data, patches) && type.equals("iTXt")) {
                    xmp(chunk, data, patches);
                }
            } else if (type.equals("IEND")) {
                return;
            }
            if (patches.size() > before) {
                crc(file, patches, at, length, patches.since(before));
            }
            at = data + length + 4;
        }
    }

    /** An iTXt chunk's XMP: keyword, compression flag and method, language, translated keyword, text. */
    private static void xmp(byte[] chunk, long data, PatchList patches) {
        int keywordEnd = indexOf(chunk, 0);
        if (keywordEnd < 0
                || !new String(chunk, 0, keywordEnd, StandardCharsets.ISO_8859_1).equals(XMP_KEYWORD)
                || keywordEnd + 3 > chunk.length) {
            return;
        }
        int compressed = keywordEnd + 1;
        int language = indexOf(chunk, keywordEnd + 3);
        int translated = language < 0 ? -1 : indexOf(chunk, language + 1);
        if (translated < 0) {
            return;
        }
        int text = translated + 1;
        if (chunk[compressed] == 0) {
            XmpLocation.redact(Arrays.copyOfRange(chunk, text, chunk.length), data + text, patches);
        } else {
            patches.write(data + compressed, new byte[] {0, 0});
            patches.fill(data + text, chunk.length - text, (byte) ' ');
        }
    }

    /** The chunk's CRC over its type and data as patched. */
    private static void crc(FileBytes file, PatchList patches, long chunk, long length, List<Patch> changes)
            throws IOException {
        CRC32 crc = new CRC32();
        long from = chunk + 4;
        long end = chunk + 8 + length;
        Redaction patched = Redaction.of(changes, end);
        for (long at = from; at < end; ) {
            byte[] piece = file.read(at, Math.min(1 << 20, end - at));
            if (piece.length == 0) {
                return;
            }
            patched.overlay(at, ByteBuffer.wrap(piece), 0, piece.length);
            crc.update(piece);
            at += piece.length;
        }
        patches.write(end, ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
