package dev.camroll.core.media.redact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * ImageMagick's (and older exiftool's) profiles in a PNG's text chunks: keyword "Raw profile type
 * NAME", text of a line with the name, a line with the length, then the profile's bytes in hex,
 * 72 digits a line. Uncompressed (a {@code tEXt}, an {@code iTXt} without compression), an
 * {@code exif} or {@code APP1} profile has the GPS IFD of the EXIF it spells blanked, or the
 * place of the XMP it spells, digit by digit, so the rest of the profile stays; an IPTC or 8BIM
 * profile (place names) becomes zeros. Compressed, it cannot be edited in place: a {@code zTXt}'s
 * stream is replaced by a valid one of the same length holding spaces, an {@code iTXt}'s becomes
 * uncompressed spaces. ICC profiles hold no place and are left alone.
 */
final class PngRawProfile {
    private static final String KEYWORD = "raw profile type ";
    private static final byte[] EXIF_PREFIX = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] XMP_PREFIX = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    /** A stored deflate block holds at most this many bytes. */
    private static final int STORED_BLOCK = 65_535;

    /**
     * The longest text of a profile decoded: an EXIF segment (64 KiB) in hex is 130 KB. A longer
     * one is blanked unread, so that a hostile chunk costs no more than this in memory.
     */
    static final int MAX_TEXT = 1 << 20;
    /** Enough of a text chunk for its keyword (1 to 79 bytes) and its terminating zero. */
    static final int KEYWORD_READ = 80;

    private PngRawProfile() {}

    /**
     * A text chunk longer than {@link #MAX_TEXT}, of which {@code head} is the start: a raw
     * profile has everything after its keyword turned to spaces (a compressed one then no longer
     * inflates, and readers pass over it); any other text chunk is left.
     */
    static void blankLarge(byte[] head, long data, long length, PatchList patches) {
        int keywordEnd = indexOf(head, 0);
        if (keywordEnd >= 0
                && new String(head, 0, keywordEnd, StandardCharsets.ISO_8859_1)
                        .toLowerCase(Locale.ROOT)
                        .startsWith(KEYWORD)) {
            patches.fill(data + keywordEnd + 1, length - keywordEnd - 1, (byte) ' ');
        }
    }

    /**
     * Redacts the chunk at {@code data} ({@code chunk} its bytes) if it is a raw profile; whether
     * it was one.
     */
    static boolean redact(String type, byte[] chunk, long data, PatchList patches) {
        int keywordEnd = indexOf(chunk, 0);
        if (keywordEnd < 0) {
            return false;
        }
        String keyword = new String(chunk, 0, keywordEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (!keyword.startsWith(KEYWORD)) {
            return false;
        }
        String profile = keyword.substring(KEYWORD.length()).strip();
        if (profile.equals("icc") || profile.equals("icm")) {
            return true;
        }
        switch (type) {
            case "tEXt" -> hex(profile, chunk, keywordEnd + 1, data, patches);
            case "zTXt" -> storedSpaces(chunk, keywordEnd + 2, data, patches);
            case "iTXt" -> international(profile, chunk, keywordEnd, data, patches);
            default -> {}
        }
        return true;
    }

    /** An iTXt: compression flag and method, language, translated keyword, then the text. */
    private static void international(String profile, byte[] chunk, int keywordEnd, long data, PatchList patches) {
        int language = indexOf(chunk, keywordEnd + 3);
        int translated = language < 0 ? -1 : indexOf(chunk, language + 1);
        if (keywordEnd + 3 > chunk.length || translated < 0) {
            patches.fill(data + keywordEnd + 1, chunk.length - keywordEnd - 1, (byte) 0);
            return;
        }
        int text = translated + 1;
        if (chunk[keywordEnd + 1] == 0) {
            hex(profile, chunk, text, data, patches);
        } else {
            patches.write(data + keywordEnd + 1, new byte[] {0, 0});
            patches.fill(data + text, chunk.length - text, (byte) ' ');
        }
    }

    /**
     * The hex text from {@code from}: the positions of its digits after the two header lines
     * give each byte of the profile its two places in the chunk.
     */
    private static void hex(String profile, byte[] chunk, int from, long data, PatchList patches) {
        int at = from;
        int headerLines = 0;
        while (at < chunk.length && headerLines < 2) {
            // Leading newlines, then the name line and the length line.
            if (chunk[at] == '\n' && at > from && chunk[at - 1] != '\n') {
                headerLines++;
            }
            at++;
        }
        int[] digits = new int[chunk.length - at];
        int count = 0;
        for (int i = at; i < chunk.length; i++) {
            if (Character.digit(chunk[i], 16) >= 0) {
                digits[count++] = i;
            }
        }
        byte[] profileBytes = new byte[count / 2];
        for (int k = 0; k < profileBytes.length; k++) {
            profileBytes[k] = (byte)
                    ((Character.digit(chunk[digits[2 * k]], 16) << 4) | Character.digit(chunk[digits[2 * k + 1]], 16));
        }
        PatchList decoded = new PatchList();
        switch (profile) {
            case "exif", "app1" -> exifOrXmp(profileBytes, decoded);
            case "xmp" -> XmpLocation.redact(profileBytes, 0, decoded);
            default -> decoded.zero(0, profileBytes.length);
        }
        Redaction redaction = decoded.toRedaction(profileBytes.length);
        if (redaction.isEmpty()) {
            return;
        }
        byte[] patched = profileBytes.clone();
        redaction.overlay(0, java.nio.ByteBuffer.wrap(patched), 0, patched.length);
        HexFormat lower = HexFormat.of();
        for (int k = 0; k < patched.length; k++) {
            if (patched[k] != profileBytes[k]) {
                String pair = lower.toHexDigits(patched[k]);
                patches.write(data + digits[2 * k], new byte[] {(byte) pair.charAt(0)});
                patches.write(data + digits[2 * k + 1], new byte[] {(byte) pair.charAt(1)});
            }
        }
    }

    private static void exifOrXmp(byte[] profile, PatchList decoded) {
        try {
            if (startsWith(profile, XMP_PREFIX)) {
                XmpLocation.redact(
                        Arrays.copyOfRange(profile, XMP_PREFIX.length, profile.length), XMP_PREFIX.length, decoded);
            } else {
                int tiff = startsWith(profile, EXIF_PREFIX) ? EXIF_PREFIX.length : 0;
                TiffLocation.redact(FileBytes.of(profile), decoded, tiff, profile.length);
            }
        } catch (IOException | RuntimeException e) {
            // Bytes that do not read as EXIF may still hold a position: all of them go.
            decoded.zero(0, profile.length);
        }
    }

    /**
     * The compressed text from {@code from} to the chunk's end becomes a zlib stream of stored
     * blocks of spaces, exactly as long; too short to hold one, zeros.
     */
    private static void storedSpaces(byte[] chunk, int from, long data, PatchList patches) {
        int length = chunk.length - from;
        byte[] stream = new byte[Math.max(0, length)];
        int blocks = Math.max(1, (length - 6 + STORED_BLOCK + 4) / (STORED_BLOCK + 5));
        int content = length - 6 - 5 * blocks;
        if (from > chunk.length || content < 0) {
            patches.zero(data + Math.min(from, chunk.length), Math.max(0, length));
            return;
        }
        stream[0] = 0x78;
        stream[1] = 0x01;
        int at = 2;
        int left = content;
        java.util.zip.Adler32 adler = new java.util.zip.Adler32();
        for (int block = 0; block < blocks; block++) {
            int size = block == blocks - 1 ? left : Math.min(left, STORED_BLOCK);
            stream[at] = (byte) (block == blocks - 1 ? 1 : 0);
            stream[at + 1] = (byte) size;
            stream[at + 2] = (byte) (size >> 8);
            stream[at + 3] = (byte) ~size;
            stream[at + 4] = (byte) (~size >> 8);
            Arrays.fill(stream, at + 5, at + 5 + size, (byte) ' ');
            adler.update(stream, at + 5, size);
            at += 5 + size;
            left -= size;
        }
        long sum = adler.getValue();
        stream[at] = (byte) (sum >> 24);
        stream[at + 1] = (byte) (sum >> 16);
        stream[at + 2] = (byte) (sum >> 8);
        stream[at + 3] = (byte) sum;
        patches.write(data + from, stream);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = Math.max(0, from); i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
